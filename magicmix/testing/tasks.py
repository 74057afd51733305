"""Run the real database task worker in a test until no task is left."""

from unittest import mock

from django.core.management import call_command


def work() -> None:
    """The worker closes "old" connections between tasks; inside a test's transaction that
    would close the test's own connection on PostgreSQL, so here the connection is kept."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
