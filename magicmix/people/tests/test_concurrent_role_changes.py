"""Two role changes of one person at the same moment: the stored role follows the history.

The change that starts later in time commits first and is still open while the other one runs.
Without a lock on the person the other one cannot see it, stores its own role, and the person
keeps a role that no longer follows from the history."""

import datetime
import threading

import pytest
from django.db import connection, transaction

from magicmix.people.models import Person, Role, RoleChange
from magicmix.testing import factories

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("sqlite_begin_waits"),
]


def test_a_change_waits_for_an_open_change_of_the_same_person() -> None:
    org = factories.organisation()
    pk = factories.person(org, "uitstroom-mo", role=Role.SUPPORTED).pk
    first, second = Person.objects.get(pk=pk), Person.objects.get(pk=pk)
    first_written, second_done = threading.Event(), threading.Event()

    def back_to_supported_in_june() -> None:
        with transaction.atomic():
            first.change_role(Role.SUPPORTED, datetime.date(2025, 6, 1), "Baan kwijt", by=None)
            first_written.set()
            second_done.wait(timeout=1.5)  # a locked second change is still waiting then
        connection.close()

    def supporting_since_january() -> None:
        first_written.wait()
        second.change_role(Role.SUPPORTING, datetime.date(2025, 1, 1), "Werk", by=None)
        second_done.set()
        connection.close()

    threads = [
        threading.Thread(target=back_to_supported_in_june),
        threading.Thread(target=supporting_since_january),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    person = Person.objects.get(pk=pk)
    assert person.role_on(datetime.date(2026, 1, 1)) == Role.SUPPORTED
    assert person.role == Role.SUPPORTED
    assert person.role_changes.count() == 3


def test_a_change_of_a_person_deleted_meanwhile_saves_nothing() -> None:
    """The one real failure of a role change (once the person is locked, storing a valid role
    on its row cannot fail): the person is gone. Before the lock the second write failed after
    the first; now the lock refuses before either, and nothing of the change is kept."""
    org = factories.organisation()
    stale = factories.person(org, "uitstroom-mo", role=Role.SUPPORTED)
    Person.objects.filter(pk=stale.pk).delete()
    with pytest.raises(Person.DoesNotExist):
        stale.change_role(Role.SUPPORTING, datetime.date(2025, 1, 1), "Werk", by=None)
    assert not RoleChange.objects.filter(person_id=stale.pk).exists()
