from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from magicmix.web.forms import NLDesignForm

from .document import Document, DocumentError, parse


class ImportForm(NLDesignForm):
    file = forms.FileField(
        label=_("Benchmark document (JSON)"),
        help_text=_("Exported by magicmix from another project (docs/benchmark.md), at most 1 MB."),
    )

    def __init__(self, data: Any = None, files: Any = None) -> None:
        super().__init__(data, files)
        self.document: Document | None = None

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        try:
            self.document = parse(upload.read(1_000_001))
        except DocumentError as error:
            raise forms.ValidationError(error.problems) from None
        return upload
