"""Forms for complexes, partners, clusters and units; choices never reach outside the complex."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import Organisation, normal_link_code
from magicmix.web.forms import EMPTY_CHOICE, NLDesignForm, NLDesignModelForm

from .cluster_tree import ClusterTree
from .models import (
    Cluster,
    Complex,
    ComplexPartner,
    DesignatedBy,
    DesignatedRole,
    Designation,
    Unit,
    linked_partners,
)


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
    already work in one of the corporation's complexes; another is given by its name and the
    link code it handed out, so that the page never lists the other organisations of the
    installation and a name alone tells nobody whether an organisation is registered."""

    organisation = forms.ModelChoiceField(
        label=_("organisation"), queryset=Organisation.objects.none(), required=False
    )
    new_organisation = forms.CharField(
        label=_("or a partner that does not work with you yet"),
        max_length=200,
        required=False,
        help_text=_("Its name exactly as it is registered in magicmix."),
    )
    link_code = forms.CharField(
        label=_("its link code"),
        max_length=30,
        required=False,
        help_text=_("The partner finds it on its account page in magicmix, e.g. K7QD-2M4X-PLAE."),
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
        self.order_fields(["organisation", "new_organisation", "link_code"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        name = data.get("new_organisation", "")
        if name and not data.get("organisation"):
            data["organisation"] = Organisation.objects.filter(
                kind=Organisation.Kind.PARTNER,
                name__iexact=name.strip(),
                link_code=normal_link_code(data.get("link_code", "")),
            ).first()
            if data["organisation"] is None:
                # One answer for a wrong name and a wrong code: no way to test a name.
                self.add_error(
                    "link_code",
                    _(
                        "No partner matches this name and link code. Ask the partner for its "
                        "link code."
                    ),
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


def designation_choices(complex_: Complex) -> list[tuple[Any, Any]]:
    """The groups of the corporation's catalogue (reached through the reverse relation, so
    housing imports nothing of people) and the two roles, as "group:code" / "role:value"."""
    groups = complex_.organisation.target_groups.order_by("name").values_list("code", "name")
    return [
        ("", EMPTY_CHOICE),
        (_("Target group"), [(f"{DesignatedBy.GROUP}:{code}", name) for code, name in groups]),
        (
            _("Role"),
            [(f"{DesignatedBy.ROLE}:{value}", label) for value, label in DesignatedRole.choices],
        ),
    ]


class UnitForm(_ComplexPartForm):
    designated_for = forms.ChoiceField(
        label=_("Designated for"),
        required=False,
        help_text=_("The target group or role the unit is meant for (om-en-om)."),
    )

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
            "designation",
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
        self.fields["designated_for"].choices = designation_choices(self.instance.complex)  # type: ignore[attr-defined]
        if self.instance.designated_dimension:
            self.initial["designated_for"] = (
                f"{self.instance.designated_dimension}:{self.instance.designated_value}"
            )
        self.order_fields([*self.Meta.fields, "designated_for"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        strength, chosen = data.get("designation", ""), data.get("designated_for", "")
        if strength and not chosen:
            self.add_error("designated_for", _("Choose the group or role the unit is meant for."))
        dimension, _sep, value = chosen.partition(":") if strength else ("", "", "")
        self.instance.designated_dimension, self.instance.designated_value = dimension, value
        return data


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


class DesignateVacatedForm(NLDesignForm):
    strength = forms.ChoiceField(
        label=_("designate them"),
        choices=[(Designation.SOFT, _("first for")), (Designation.HARD, _("only for"))],
        initial=Designation.SOFT,
        widget=forms.RadioSelect,
        help_text=_(
            "Soft: the group comes first, someone else only when no other unit of their choice "
            "is free. Hard: only the group, the unit stays empty otherwise."
        ),
    )
