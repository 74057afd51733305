"""Self-service password change and reset by e-mail, with the password validators."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def test_a_user_changes_the_password_and_the_validators_apply(client: Client) -> None:
    user = factories.user()
    client.force_login(user)
    url = reverse("password_change")
    weak = client.post(
        url,
        {"old_password": factories.PASSWORD, "new_password1": "kort", "new_password2": "kort"},
    )
    assert "new_password2" in weak.context["form"].errors
    strong = "Vier-woorden-zin-2026"
    done = client.post(
        url,
        {"old_password": factories.PASSWORD, "new_password1": strong, "new_password2": strong},
    )
    assert done["Location"] == reverse("password_change_done")
    user.refresh_from_db()
    assert user.check_password(strong)


def test_a_reset_link_by_email_sets_a_new_password_once(client: Client) -> None:
    user = factories.user()
    client.post(reverse("password_reset"), {"email": user.email})
    client.post(reverse("password_reset"), {"email": "niemand@example.nl"})
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]
    link = re.search(r"https?://\S+", str(mail.outbox[0].body))
    assert link is not None
    form_page = client.get(link.group(0), follow=True)
    assert form_page.context["validlink"]
    new = "Een-nieuw-wachtwoord-77"
    weak = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "123", "new_password2": "123"}
    )
    assert "new_password2" in weak.context["form"].errors
    saved = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert saved["Location"] == reverse("password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(new)
    assert not client.get(link.group(0), follow=True).context["validlink"]
