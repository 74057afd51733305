"""Every form renders with NL Design System classes.

Django itself links help texts and errors to their inputs (aria-describedby with the ids
`<id>_helptext` and `<id>_error`, aria-invalid), which `web/field.html` follows."""

from typing import Any

from django import forms

from .bounds import bound

_WIDGET_CLASSES = {
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.FileInput: "utrecht-textbox utrecht-textbox--html-input",
}
_TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


class NLDesignForm(forms.Form):
    """Base for forms: styling and aria attributes, so templates stay plain."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)


class NLDesignModelForm(forms.ModelForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)


def style(form: forms.BaseForm) -> None:
    """NL Design System classes, and the bounds of magicmix.web.bounds, on every field."""
    bound(form)
    for field in form.fields.values():
        widget = field.widget
        css = next(
            (css for kind, css in _WIDGET_CLASSES.items() if isinstance(widget, kind)), _TEXTBOX
        )
        widget.attrs.setdefault("class", css)
