"""The scenario form: every input of the case, grouped, with the source of each figure beside it.

The form edits a copy of the case document; the model checks the result (`parse_case`), and
its problems land on the field they name. A figure the user changes gets a new source: who
entered it and when.
"""

from __future__ import annotations

import copy
import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from magicmix.housing.models import Complex
from magicmix.web.forms import NLDesignForm, style

from .defaults import default_document
from .inputs import Group, Input, Kind, groups
from .model import Case
from .model.io import CaseError, parse_case, parse_text
from .models import Scenario
from .paths import field_name, lookup, set_at

_MIN = {Kind.MONEY: 0, Kind.NUMBER: 0, Kind.WHOLE: 0, Kind.PERCENT: -99}
_RTHF_ON = "rthf-enabled"


def _field(item: Input) -> forms.Field:
    kind, required, label = item.kind, item.required, item.label
    if kind is Kind.CHOICE:
        # A select always sends a value; an empty row must be able to send none.
        blank = () if required else (("", "—"),)
        return forms.ChoiceField(label=label, choices=(*blank, *item.choices), required=required)
    if kind is Kind.FLAG:
        return forms.BooleanField(label=label, required=False)
    if kind is Kind.TEXT:
        return forms.CharField(label=label, max_length=100, required=required)
    if kind is Kind.WHOLE:
        return forms.IntegerField(label=label, min_value=0, max_value=100_000, required=required)
    highest = item.maximum or (100 if kind is Kind.PERCENT else 1e10)
    field = forms.FloatField(
        label=label, min_value=_MIN[kind], max_value=highest, required=required
    )
    field.widget.attrs["step"] = "any"
    return field


def _shown(item: Input, value: Any) -> Any:
    if item.kind is Kind.PERCENT and isinstance(value, int | float):
        return round(value * 100, 6)
    return value


def _stored(item: Input, value: Any) -> Any:
    if value in (None, ""):
        return None
    if item.kind is Kind.PERCENT:
        return round(value / 100, 10)
    return value


def _source_text(source: dict[str, str]) -> str:
    day = datetime.date.fromisoformat(source["as_of"])
    return _("Source: %(source)s (as of %(day)s)") % {
        "source": source["source"],
        "day": date_format(day, "j F Y"),
    }


class CaseForm(NLDesignForm):
    name = forms.CharField(label=gettext_lazy("Name of the scenario"), max_length=200)
    value_basis = forms.ChoiceField(
        label=gettext_lazy("Value basis"),
        choices=Scenario._meta.get_field("value_basis").choices,  # type: ignore[arg-type]
    )

    def __init__(
        self,
        data: Any = None,
        *,
        complex_: Complex,
        document: dict[str, Any],
        author: str,
        instance: Scenario | None = None,
    ) -> None:
        super().__init__(data)
        self.complex = complex_
        self.instance = instance
        self.document = document
        self.author = author
        self.groups = groups(document)
        self.case: Case | None = None
        self.fields["name"].initial = document.get("name", "")
        self.fields["value_basis"].initial = document.get("value_basis")
        sources = document.get("sources", {})
        for group in self.groups:
            if group.row and not group.new and group.row != "rthf":
                self.fields[f"{field_name(group.row)}-remove"] = forms.BooleanField(
                    label=_("Remove"), required=False
                )
            for item in group.inputs:
                field = self.fields[field_name(item.path)] = _field(item)
                try:
                    field.initial = _shown(item, lookup(document, item.path))
                except KeyError:
                    field.initial = None
                if item.path in sources:
                    field.help_text = _source_text(sources[item.path])
        self.fields[_RTHF_ON] = forms.BooleanField(
            label=_("The RTHF applies"), required=False, initial=bool(document.get("rthf"))
        )
        style(self)  # the fields above came after NLDesignForm styled its own

    def sections(self) -> list[dict[str, Any]]:
        """The groups with their bound fields, for the template."""
        return [
            {
                "group": group,
                "id": f"group-{i}",
                "fields": [self[field_name(item.path)] for item in group.inputs],
                "remove": self[f"{field_name(group.row)}-remove"]
                if group.row and not group.new and group.row != "rthf"
                else None,
                "switch": self[_RTHF_ON] if group.row == "rthf" else None,
            }
            for i, group in enumerate(self.groups)
        ]

    def problems(self) -> list[tuple[str, str]]:
        """(label, message) of every error, for the preview beside the form."""
        return [
            (str(self.fields[name].label) if name in self.fields else "", str(message))
            for name, messages in self.errors.items()
            for message in messages
        ]

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"]
        others = Scenario.objects.filter(complex=self.complex, name=name)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("This complex already has a scenario of this name."))
        return name

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.errors:
            return cleaned
        document = self.new_document = self._document(cleaned)
        if self.errors:
            return cleaned
        try:
            self.case = parse_case(copy.deepcopy(document))
        except CaseError as error:
            for problem in error.problems:
                path, _sep, message = problem.removeprefix("$.").partition(": ")
                name = field_name(path)
                self.add_error(name if name in self.fields else None, message or problem)
        return cleaned

    def _document(self, cleaned: dict[str, Any]) -> dict[str, Any]:
        today = timezone.localdate().isoformat()
        document = copy.deepcopy(self.document)
        document["name"] = cleaned["name"]
        document["value_basis"] = cleaned["value_basis"]
        sources: dict[str, Any] = document.setdefault("sources", {})
        dropped: dict[str, set[int]] = {}
        for group in self.groups:
            values = {item: cleaned.get(field_name(item.path)) for item in group.inputs}
            if group.row == "rthf":
                self._rthf(document, values)
                continue
            if group.new and all(v in (None, "") for v in values.values()):
                continue
            for item, value in values.items():
                if item.in_new_row and value in (None, ""):
                    self.add_error(
                        field_name(item.path), forms.Field.default_error_messages["required"]
                    )
            if group.row and cleaned.get(f"{field_name(group.row)}-remove"):
                key, _sep, index = group.row.partition("[")
                dropped.setdefault(key, set()).add(int(index.rstrip("]")))
                continue
            for item, value in values.items():
                stored = _stored(item, value)
                try:
                    changed = lookup(self.document, item.path) != stored
                except KeyError:
                    changed = True
                set_at(document, item.path, stored)
                if changed and item.kind in (Kind.MONEY, Kind.PERCENT, Kind.NUMBER, Kind.WHOLE):
                    sources[item.path] = {
                        "as_of": today,
                        "source": _("entered by %(name)s") % {"name": self.author},
                    }
        for key, indices in dropped.items():
            _drop_rows(document, key, indices)
        return document

    def _rthf(self, document: dict[str, Any], values: dict[Input, Any]) -> None:
        if not self.cleaned_data.get(_RTHF_ON):
            document["rthf"] = None
            document["sources"] = {
                p: s for p, s in document["sources"].items() if not p.startswith("rthf.")
            }
            return
        document["rthf"] = document.get("rthf") or copy.deepcopy(default_document()["rthf"])
        for item, value in values.items():
            if value not in (None, "") or item.path == "rthf.sale_per_home":
                set_at(document, item.path, _stored(item, value))

    def save(self) -> Scenario:
        scenario = self.instance or Scenario(complex=self.complex)
        scenario.name = self.cleaned_data["name"]
        scenario.value_basis = self.cleaned_data["value_basis"]
        scenario.document = self.new_document
        scenario.save()
        return scenario


def _drop_rows(document: dict[str, Any], key: str, indices: set[int]) -> None:
    """Remove entries of a list and renumber the sources of the entries after them."""
    rows = document.get(key) or []
    keep = [i for i in range(len(rows)) if i not in indices]
    moved = {old: new for new, old in enumerate(keep)}
    document[key] = [rows[i] for i in keep]
    sources = {}
    for path, source in document["sources"].items():
        if path.startswith(f"{key}["):
            old = int(path[len(key) + 1 : path.index("]")])
            if old not in moved:
                continue
            path = f"{key}[{moved[old]}]{path[path.index(']') + 1 :]}"
        sources[path] = source
    document["sources"] = sources


class ImportForm(NLDesignForm):
    file = forms.FileField(
        label=gettext_lazy("Case file (JSON)"),
        help_text=gettext_lazy("The exchange format of docs/finance.md, at most 1 MB."),
    )

    def __init__(self, data: Any = None, files: Any = None, *, complex_: Complex) -> None:
        super().__init__(data, files)
        self.complex = complex_
        self.case: Case | None = None

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > 1_000_000:
            raise forms.ValidationError(_("The file is larger than 1 MB."))
        try:
            self.case = parse_text(upload.read(), upload.name)
        except CaseError as error:
            raise forms.ValidationError(error.problems) from None
        if Scenario.objects.filter(complex=self.complex, name=self.case.name).exists():
            raise forms.ValidationError(
                _("This complex already has a scenario named “%(name)s”.")
                % {"name": self.case.name}
            )
        return upload


__all__ = ["CaseForm", "Group", "ImportForm"]
