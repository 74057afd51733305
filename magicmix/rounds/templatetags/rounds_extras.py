from typing import Any

from django import template

from ..models import Mode

register = template.Library()


@register.filter
def said(texts: Any, language: str) -> str:
    """A stored text ({"nl": ..., "en": ...}) or list of them, in `language` (else Dutch)."""
    if isinstance(texts, dict):
        return str(texts.get(language) or texts.get("nl", ""))
    return " ".join(said(text, language) for text in texts or [])


@register.filter
def lookup(mapping: Any, key: str) -> Any:
    return mapping.get(key) if isinstance(mapping, dict) else None


@register.filter
def mode_label(code: str) -> str:
    """The Dutch name of an engine mode code ("per-vacancy" → "per woning (vergelijking)")."""
    return str(Mode(code).label) if code in Mode.values else code
