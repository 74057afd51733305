"""Every form renders with NL Design System classes and accessible error links."""

from typing import Any

from django import forms

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


class NLDesignModelForm(forms.ModelForm):  # type: ignore[type-arg]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)


def style(form: forms.BaseForm) -> None:
    for name, field in form.fields.items():
        widget = field.widget
        css = next(
            (css for kind, css in _WIDGET_CLASSES.items() if isinstance(widget, kind)), _TEXTBOX
        )
        widget.attrs.setdefault("class", css)
        described_by = []
        if field.help_text:
            described_by.append(f"id_{form.add_prefix(name)}_help")
        if form.is_bound and name in form.errors:
            widget.attrs["aria-invalid"] = "true"
            described_by.append(f"id_{form.add_prefix(name)}_error")
        if described_by:
            widget.attrs["aria-describedby"] = " ".join(described_by)
