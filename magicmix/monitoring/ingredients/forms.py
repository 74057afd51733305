from __future__ import annotations

from magicmix.web.forms import NLDesignModelForm

from .models import Ingredients


class IngredientsForm(NLDesignModelForm):
    class Meta:
        model = Ingredients
        fields = [
            "selects_by_letter",
            "selects_by_interview",
            "contribution_hours",
            "social_management",
            "social_management_hours",
            "support_model",
        ]
