"""Forms for complexes, partners, clusters and units; choices never reach outside the complex."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import Organisation
from magicmix.web.forms import EMPTY_CHOICE, NLDesignForm, NLDesignModelForm

from .cluster_tree import ClusterTree
from .models import Cluster, Complex, ComplexPartner, Unit, linked_partners


def _date_input() -> forms.DateInput:
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class ComplexForm(NLDesignModelForm):
    class Meta:
        model = Complex
        fields = [
            "organisation",
            "name",
            "street",
            "house_number",
            "postcode",
            "city",
            "municipality",
            "exploitation_start",
            "exploitation_end",
            "concept",
            "placement_style",
        ]
        widgets = {
            "exploitation_start": _date_input(),
            "exploitation_end": _date_input(),
            "concept": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(
        self, data: Any = None, *, corporations: QuerySet[Organisation], **kwargs: Any
    ) -> None:
        super().__init__(data, **kwargs)
        field = self.fields["organisation"]
        field.queryset = corporations  # type: ignore[attr-defined]
        # The corporation is the user's own: only a choice for someone in several corporations,
        # and it never changes afterwards. Kept as a (disabled) field so that the unique name
        # per corporation is validated by the form instead of failing in the database.
        if self.instance.pk or len(corporations) == 1:
            field.disabled = True
            field.widget = forms.HiddenInput()
            if not self.instance.pk:
                self.initial["organisation"] = corporations[0].pk


class PartnerForm(NLDesignModelForm):
    """Add a partner to a complex or change what it may do. The list offers only partners that
    already work in one of the corporation's complexes; another is named exactly, so that the
    page never lists the other organisations of the installation."""

    organisation = forms.ModelChoiceField(
        label=_("organisation"), queryset=Organisation.objects.none(), required=False
    )
    new_organisation = forms.CharField(
        label=_("or a partner that does not work with you yet"),
        max_length=200,
        required=False,
        help_text=_("Its name exactly as it is registered in magicmix."),
    )

    class Meta:
        model = ComplexPartner
        fields = ["may_nominate", "provides_support", "description"]

    def __init__(self, data: Any = None, *, complex_: Complex, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.fields["organisation"].queryset = linked_partners([complex_.organisation_id])  # type: ignore[attr-defined]
        self.fields["organisation"].help_text = _(
            "Choosing an organisation that is already a partner changes what it may do."
        )
        self.order_fields(["organisation", "new_organisation"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        name = data.get("new_organisation", "")
        if name and not data.get("organisation"):
            data["organisation"] = Organisation.objects.filter(
                kind=Organisation.Kind.PARTNER, name__iexact=name.strip()
            ).first()
            if data["organisation"] is None:
                self.add_error(
                    "new_organisation", _("No partner organisation is registered by this name.")
                )
        elif not data.get("organisation") and "organisation" not in self.errors:
            self.add_error(
                "organisation", _("Choose a partner, or give the name of a new partner.")
            )
        return data


class _ComplexPartForm(NLDesignModelForm):
    """A form for a part of a complex whose `complex` is set by the view, not by the form."""

    def _get_validation_exclusions(self) -> set[str]:
        # Validate the unique constraints that include the complex (cluster names, unit codes)
        # here instead of letting the database refuse them.
        return super()._get_validation_exclusions() - {"complex"}  # type: ignore[misc]


class ClusterForm(_ComplexPartForm):
    class Meta:
        model = Cluster
        fields = ["name", "kind", "parent", "position"]

    def __init__(self, data: Any = None, *, tree: ClusterTree, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        own = tree.node(self.instance.pk) if self.instance.pk else None
        below_self = {node.cluster.pk for node in own.walk()} if own else set()
        # No cycles: a cluster cannot move into itself or into one of its own sub-clusters.
        parent = self.fields["parent"]
        parent.queryset = Cluster.objects.filter(  # type: ignore[attr-defined]
            complex=self.instance.complex
        ).exclude(pk__in=below_self)
        parent.choices = [("", _("(top level)"))] + [  # type: ignore[attr-defined]
            (node.cluster.pk, node.path) for node in tree if node.cluster.pk not in below_self
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        name, parent = data.get("name"), data.get("parent")
        siblings = Cluster.objects.filter(
            complex=self.instance.complex, parent=parent, name__iexact=name or ""
        ).exclude(pk=self.instance.pk)
        if name and siblings.exists():
            self.add_error("name", _("There is already a cluster with this name at this place."))
        return data


class UnitForm(_ComplexPartForm):
    class Meta:
        model = Unit
        fields = [
            "code",
            "cluster",
            "type",
            "floor_area",
            "rooms",
            "max_occupants",
            "self_contained",
            "accessibility",
            "basic_rent",
            "service_costs",
            "status",
        ]
        # Dutch decimals ("23,5") in and out.
        localized_fields = ["floor_area", "basic_rent", "service_costs"]
        widgets = {
            name: forms.TextInput(attrs={"inputmode": "decimal"}) for name in localized_fields
        }

    def __init__(self, data: Any = None, *, tree: ClusterTree, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        cluster = self.fields["cluster"]
        cluster.queryset = Cluster.objects.filter(  # type: ignore[attr-defined]
            complex=self.instance.complex
        )
        cluster.choices = [("", EMPTY_CHOICE)] + [  # type: ignore[attr-defined]
            (node.cluster.pk, node.path) for node in tree
        ]


class UnitFilterForm(NLDesignForm):
    cluster = forms.TypedChoiceField(label=_("Cluster"), required=False, coerce=int)
    type = forms.ChoiceField(label=_("Type"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    occupancy = forms.ChoiceField(
        label=_("Occupancy"),
        required=False,
        choices=[("", _("all")), ("vacant", _("vacant")), ("occupied", _("occupied"))],
    )

    def __init__(self, data: Any = None, *, tree: ClusterTree, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        everything = [("", _("all"))]
        self.fields["cluster"].choices = everything + [  # type: ignore[attr-defined]
            (node.cluster.pk, node.path) for node in tree
        ]
        self.fields["type"].choices = everything + Unit.Type.choices  # type: ignore[attr-defined]
        self.fields["status"].choices = everything + Unit.Status.choices  # type: ignore[attr-defined]
