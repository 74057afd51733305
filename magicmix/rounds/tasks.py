"""Background work of the rounds, run by the task worker (`manage.py db_worker`)."""

from django.tasks import task

from . import runs


@task()
def run_round(round_id: int) -> None:
    runs.execute(round_id)
