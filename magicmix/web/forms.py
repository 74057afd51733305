"""Every form renders with NL Design System classes.

Django itself links help texts and errors to their inputs (aria-describedby with the ids
`<id>_helptext` and `<id>_error`, aria-invalid), which `web/field.html` follows."""

from typing import Any

from django import forms
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.utils.translation import gettext_lazy as _

from .bounds import bound
from .imports import MAX_BYTES

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


class NLDesignModelForm(forms.ModelForm[Any]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)


class SpreadsheetForm(NLDesignForm):
    """The upload of an import (`magicmix.web.imports`); the size is checked again on reading."""

    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_("At most 5 MB. The first row holds the column names."),
        widget=forms.FileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


# Django's own empty choice ("- Select an option -", "---------") has no Dutch translation.
EMPTY_CHOICE = _("Choose…")


def style(form: forms.BaseForm) -> None:
    """NL Design System classes, and the bounds of magicmix.web.bounds, on every field."""
    bound(form)
    for field in form.fields.values():
        _empty_choice(field)
        widget = field.widget
        css = next(
            (css for kind, css in _WIDGET_CLASSES.items() if isinstance(widget, kind)), _TEXTBOX
        )
        widget.attrs.setdefault("class", css)


def _empty_choice(field: forms.Field) -> None:
    """A radio list gets no empty option at all (it would be a pre-selected "nothing"); a
    select list gets a Dutch one."""
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label is not None and _is_djangos(field.empty_label):
            field.empty_label = (
                None if isinstance(field.widget, forms.RadioSelect) else EMPTY_CHOICE
            )
        return
    if not isinstance(field, forms.ChoiceField):
        return
    choices: list[Any] = list(field.choices)  # type: ignore[arg-type]
    if isinstance(field.widget, forms.RadioSelect):
        field.choices = [choice for choice in choices if choice[0] != ""]
    else:
        field.choices = [
            ("", EMPTY_CHOICE) if value == "" and _is_djangos(label) else (value, label)
            for value, label in choices
        ]


def _is_djangos(label: object) -> bool:
    return str(label) in {str(BLANK_CHOICE_LABEL), "---------"}
