"""Every field of every form has bounds, the same on SQLite as on PostgreSQL.

A free text without a maximum lets one visitor store megabytes; SQLite accepts any integer and
any year, so without bounds the same input is saved on SQLite and refused with a server error
on PostgreSQL (a number that overflows a smallint, a date in year 1 that cannot be shifted to
UTC). NLDesignForm and NLDesignModelForm apply these bounds to every field that has none of
its own: text up to TEXT_LIMIT (multi-line) or LINE_LIMIT characters, integers within the range
of their PostgreSQL column, dates and times between FIRST_YEAR and LAST_YEAR.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

TEXT_LIMIT = 10_000  # a motivation letter of some 1,500 words
LINE_LIMIT = 300
FIRST_YEAR, LAST_YEAR = 1900, 2199
_INTEGER = BaseDatabaseOperations.integer_field_ranges["IntegerField"]


@deconstructible
class YearRange:
    message = _("Enter a date between %(first)d and %(last)d.")

    def __call__(self, value: datetime.date) -> None:
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise ValidationError(
                self.message, code="year", params={"first": FIRST_YEAR, "last": LAST_YEAR}
            )


def _column_range(form: forms.BaseForm, name: str) -> tuple[int, int]:
    """The range PostgreSQL stores for the model field behind `name`, else a 32-bit integer."""
    model = getattr(getattr(form, "_meta", None), "model", None)
    try:
        internal_type = model._meta.get_field(name).get_internal_type()  # type: ignore[union-attr]
    except Exception:  # a form field without a model field of that name
        return _INTEGER
    return BaseDatabaseOperations.integer_field_ranges.get(internal_type, _INTEGER)


def bound(form: forms.BaseForm) -> None:
    for name, field in form.fields.items():
        if isinstance(field, forms.CharField) and field.max_length is None:
            multiline = isinstance(field.widget, forms.Textarea)
            field.max_length = TEXT_LIMIT if multiline else LINE_LIMIT
            field.validators.append(MaxLengthValidator(field.max_length))
            field.widget.attrs.setdefault("maxlength", str(field.max_length))
        elif type(field) is forms.IntegerField:
            low, high = _column_range(form, name)
            _limit(field, "min_value", low, MinValueValidator, "min")
            _limit(field, "max_value", high, MaxValueValidator, "max")
        elif isinstance(field, forms.DateField | forms.DateTimeField) and not any(
            isinstance(validator, YearRange) for validator in field.validators
        ):
            field.validators.append(YearRange())


def _limit(field: Any, attribute: str, value: int, validator: Any, html: str) -> None:
    own = getattr(field, attribute)
    if own is None or (value > own if html == "min" else value < own):
        setattr(field, attribute, value)
        field.validators.append(validator(value))
        field.widget.attrs[html] = str(value)
