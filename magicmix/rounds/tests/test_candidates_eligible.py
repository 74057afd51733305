"""An application whose check neither passed nor was approved by hand never enters a round."""

import pytest

from magicmix.selection.models import CheckResult

from .helpers import new_round, scene

pytestmark = pytest.mark.django_db


def test_only_passed_or_approved_checks_are_candidates() -> None:
    scene_ = scene(students=5, statushouders=0)
    results = [
        CheckResult.PASSED,
        CheckResult.APPROVED,
        CheckResult.PENDING,
        CheckResult.FAILED,
        CheckResult.REJECTED,
    ]
    for application, result in zip(scene_.applications, results, strict=True):
        application.check_result = result
        application.save(update_fields=["check_result"])
    candidates = set(new_round(scene_).candidates())
    assert candidates == set(scene_.applications[:2])
