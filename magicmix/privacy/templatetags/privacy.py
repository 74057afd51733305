"""`{% subject_rights "person" person %}`: the export, correction and erasure links on a
person's or applicant's page, for who may use them (the subject's application managers)."""

from __future__ import annotations

from typing import Any

from django import template

from magicmix.privacy import registry

register = template.Library()


@register.inclusion_tag("privacy/subject_rights.html", takes_context=True)
def subject_rights(context: dict[str, Any], subject_type: str, obj: Any) -> dict[str, Any]:
    subject = registry.SUBJECTS[subject_type]
    user = context["request"].user
    shown = subject.managed_by(user).filter(pk=obj.pk).exists()
    return {
        "shown": shown,
        "subject_type": subject_type,
        "pk": obj.pk,
        "edit_url": subject.edit_url(obj) if shown else "",
    }
