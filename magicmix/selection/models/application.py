"""An application to an intake: from the public form, or made for a client by a partner.

Two statuses on purpose: `stage` is the internal workflow (shortlists, reviews) that staff work
with; `public_status` is the few plain steps the applicant sees on the private page. A move of
stage sets the public status from PUBLIC_STATUS unless staff hold it back explicitly (say, until
all candidates of a round are told at once). Every move goes through `move_to`, which records an
`ApplicationEvent` with who, when and why.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
import unicodedata
from typing import TYPE_CHECKING

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from magicmix.accounts.models import LETTING_ROLES, STAFF_ROLES, Organisation, Role
from magicmix.housing.models import Cluster, Unit
from magicmix.people.models import TargetGroup

from .events import ApplicationEvent
from .intake import Intake

if TYPE_CHECKING:
    from magicmix.accounts.models import User

LOTTERY_RANGE = 1_000_000_000


class Stage(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("application status", "submitted")
    REVIEW = "review", pgettext_lazy("application status", "eligibility to be reviewed")
    ASSESSING = "assessing", pgettext_lazy("application status", "letter being scored")
    INTERVIEW = "interview", pgettext_lazy("application status", "invited for an interview")
    SHORTLISTED = "shortlisted", pgettext_lazy("application status", "shortlisted")
    OFFERED = "offered", pgettext_lazy("application status", "offer made")
    HOUSED = "housed", pgettext_lazy("application status", "housed")
    NOT_SELECTED = "not_selected", pgettext_lazy("application status", "not selected")
    WITHDRAWN = "withdrawn", pgettext_lazy("application status", "withdrawn")


class PublicStatus(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("application status", "received")
    ASSESSING = "assessing", pgettext_lazy("application status", "being assessed")
    INVITED = "invited", pgettext_lazy("application status", "invited")
    OFFER = "offer", pgettext_lazy("application status", "offer")
    HOUSED = "housed", pgettext_lazy("application status", "housed")
    NOT_SELECTED = "not_selected", pgettext_lazy("application status", "not selected")
    WITHDRAWN = "withdrawn", pgettext_lazy("application status", "withdrawn")


PUBLIC_STATUS: dict[str, str] = {
    Stage.SUBMITTED: PublicStatus.RECEIVED,
    Stage.REVIEW: PublicStatus.RECEIVED,
    Stage.ASSESSING: PublicStatus.ASSESSING,
    Stage.INTERVIEW: PublicStatus.INVITED,
    Stage.SHORTLISTED: PublicStatus.ASSESSING,
    Stage.OFFERED: PublicStatus.OFFER,
    Stage.HOUSED: PublicStatus.HOUSED,
    Stage.NOT_SELECTED: PublicStatus.NOT_SELECTED,
    Stage.WITHDRAWN: PublicStatus.WITHDRAWN,
}
FINAL_STAGES = frozenset({Stage.HOUSED, Stage.NOT_SELECTED, Stage.WITHDRAWN})
# Letters are scored until the application is invited for an interview or decided on.
LETTER_STAGES = frozenset({Stage.SUBMITTED, Stage.ASSESSING})
# Who may still be invited for an interview (eligibility reviewed, not decided on).
INVITABLE_STAGES = frozenset({Stage.SUBMITTED, Stage.ASSESSING, Stage.SHORTLISTED})
# Where staff may decide shortlisted or not selected.
DECIDABLE_STAGES = frozenset(
    {Stage.SUBMITTED, Stage.REVIEW, Stage.ASSESSING, Stage.INTERVIEW, Stage.SHORTLISTED}
)


class CheckResult(models.TextChoices):
    """The eligibility check as a whole: the rules' outcomes, or a person's decision on them."""

    PASSED = "passed", pgettext_lazy("eligibility check", "passed")
    PENDING = "pending", pgettext_lazy("eligibility check", "waiting for a legal value")
    FAILED = "failed", pgettext_lazy("eligibility check", "not passed")
    APPROVED = "approved", pgettext_lazy("eligibility check", "approved by hand")
    REJECTED = "rejected", pgettext_lazy("eligibility check", "rejected by hand")


# Only these may take part in a round; the others wait for a value or a person's decision.
ELIGIBLE_RESULTS = frozenset({CheckResult.PASSED, CheckResult.APPROVED})
# Results a person still has to look at (or a legal value still has to settle).
OPEN_RESULTS = frozenset({CheckResult.PENDING, CheckResult.FAILED})


class Route(models.TextChoices):
    PUBLIC = "public", _("public application")
    NOMINATION = "nomination", _("nomination by a partner")


def name_key(first_name: str, last_name: str) -> str:
    """A name compared without case, accents or extra spaces: "José  de Vries" = "jose de vries"."""
    text = unicodedata.normalize("NFKD", f"{first_name} {last_name}")
    plain = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(plain.casefold().split())


def age_on(born: datetime.date, day: datetime.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_lottery_number() -> int:
    return secrets.randbelow(LOTTERY_RANGE)


class ApplicationQuerySet(models.QuerySet["Application"]):
    def by_token(self, token: str) -> ApplicationQuerySet:
        """The application a private link opens: only with the right token, only until expiry."""
        return self.filter(token_hash=hash_token(token), link_expires_at__gt=timezone.now())

    def visible_to(self, user: User) -> ApplicationQuerySet:
        """Staff of the owning corporation see every application of its intakes; a partner
        caseworker sees only the clients their organisation nominated."""
        return self.filter(
            Q(intake__complex__organisation_id__in=user.organisation_ids(STAFF_ROLES))
            | Q(nomination__organisation_id__in=user.organisation_ids({Role.PARTNER_CASEWORKER}))
        )

    def eligible(self) -> ApplicationQuerySet:
        """Applications whose check passed or was approved by hand: the only ones a round may
        consider."""
        return self.filter(check_result__in=ELIGIBLE_RESULTS)

    def awaiting_check(self) -> ApplicationQuerySet:
        """Open applications whose check waits for a legal value or for a person's decision."""
        return self.filter(check_result__in=OPEN_RESULTS).exclude(stage__in=FINAL_STAGES)

    def reviewable_by(self, user: User) -> ApplicationQuerySet:
        """Applications whose eligibility the user may decide on by hand: application managers
        of the owning corporation."""
        return self.filter(
            intake__complex__organisation_id__in=user.organisation_ids({Role.APPLICATION_MANAGER})
        )

    def managed_by(self, user: User) -> ApplicationQuerySet:
        """Applications whose selection the user runs (letting staff of the owner)."""
        return self.filter(
            intake__complex__organisation_id__in=user.organisation_ids(LETTING_ROLES)
        )

    def scorable_by(self, user: User) -> ApplicationQuerySet:
        """Applications the user may score or interview: any staff of the owning corporation."""
        return self.filter(intake__complex__organisation_id__in=user.organisation_ids(STAFF_ROLES))

    def letters_for(self, scorer: User, scorers_per_letter: int) -> ApplicationQuerySet:
        """The scorer's queue: public letters still being assessed that the scorer has not
        scored and that fewer than `scorers_per_letter` others have; least-scored first."""
        return (
            self.filter(route=Route.PUBLIC, stage__in=LETTER_STAGES)
            .exclude(letter_scores__scorer=scorer)
            .annotate(scorer_count=Count("letter_scores__scorer", distinct=True))
            .filter(scorer_count__lt=scorers_per_letter)
            .order_by("scorer_count", "id")
        )

    def for_panel(self, user: User) -> ApplicationQuerySet:
        """Shortlisted candidates of complexes where the user sits on the resident panel of a
        residents' organisation that is a partner of the complex (coöptatie)."""
        return self.filter(
            stage=Stage.SHORTLISTED,
            intake__complex__partners__organisation_id__in=user.organisation_ids(
                {Role.RESIDENT_PANEL}
            ),
            intake__complex__partners__organisation__kind=Organisation.Kind.RESIDENTS,
        ).distinct()


class Application(models.Model):
    intake = models.ForeignKey(Intake, on_delete=models.PROTECT, related_name="applications")
    route = models.CharField(_("route"), max_length=20, choices=Route.choices, default=Route.PUBLIC)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=150)
    name_key = models.CharField(max_length=260, editable=False, db_index=True)
    date_of_birth = models.DateField(_("date of birth"))
    # The applicant's number in another system (a regional letting system, a partner's client
    # file): what a bulk import recognises an application by. Never a BSN.
    external_reference = models.CharField(
        _("external reference"), max_length=50, blank=True, db_index=True
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    household_size = models.PositiveSmallIntegerField(
        _("household size"), default=1, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    annual_income = models.DecimalField(
        _("gross annual household income (€)"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    income_year = models.PositiveSmallIntegerField(_("income year"))
    target_group = models.ForeignKey(
        TargetGroup,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("target group"),
    )
    education_institution = models.CharField(
        _("where you are enrolled"), max_length=200, blank=True
    )
    unit_types = models.JSONField(_("acceptable unit types"), default=list, blank=True)
    preferred_clusters = models.ManyToManyField(
        Cluster, blank=True, related_name="+", verbose_name=_("preferred parts of the complex")
    )
    motivation = models.TextField(_("what will you do for your neighbours?"))
    registered_on = models.DateField(_("registration date"), default=datetime.date.today)
    lottery_number = models.PositiveIntegerField(_("lottery number"), default=new_lottery_number)
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.SUBMITTED
    )
    public_status = models.CharField(
        _("status shown to the applicant"),
        max_length=20,
        choices=PublicStatus.choices,
        default=PublicStatus.RECEIVED,
    )
    # Only the SHA-256 of the private link's token is kept; the token itself is in the e-mail.
    # NULL, not "", for "no link": unique must hold only among the links that exist.
    token_hash = models.CharField(  # noqa: DJ001
        max_length=64, unique=True, null=True, editable=False
    )
    link_expires_at = models.DateTimeField(null=True, editable=False)
    check_result = models.CharField(
        _("eligibility check"),
        max_length=20,
        choices=CheckResult.choices,
        default=CheckResult.PASSED,
        db_index=True,
    )
    possible_duplicate = models.BooleanField(_("possible duplicate"), default=False)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["token_hash", "name_key"])

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["registered_on", "lottery_number", "id"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        indexes = [models.Index(fields=["intake", "email"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(household_size__gte=1), name="application_household_min_1"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_key = name_key(self.first_name, self.last_name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def unit_type_labels(self) -> list[str]:
        return [str(Unit.Type(code).label) for code in self.unit_types if code in Unit.Type.values]

    @property
    def is_final(self) -> bool:
        return self.stage in FINAL_STAGES

    @property
    def may_change_letter(self) -> bool:
        return not self.is_final and self.intake.is_open()

    def issue_link(self) -> str:
        """A fresh private link token; only its hash is stored (save the application after)."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.link_expires_at = self.intake.link_expires_at()
        return token

    def likely_duplicates(self) -> ApplicationQuerySet:
        """Other applications to the same intake with the same name and date of birth, or the
        same e-mail address."""
        same = Q(name_key=self.name_key, date_of_birth=self.date_of_birth)
        if self.email:
            same |= Q(email__iexact=self.email)
        return Application.objects.filter(same, intake_id=self.intake_id).exclude(pk=self.pk)

    def flag_duplicates(self) -> list[Application]:
        """Mark this application and its look-alikes for staff; nothing is merged or deleted."""
        others = list(self.likely_duplicates())
        if not others:
            return []
        for application in [self, *others]:
            if not application.possible_duplicate:
                application.possible_duplicate = True
                application.save(update_fields=["possible_duplicate"])
                application.record(
                    ApplicationEvent.Kind.DUPLICATE,
                    reason=", ".join(
                        str(other.pk) for other in [self, *others] if other.pk != application.pk
                    ),
                )
        return others

    def record(
        self,
        kind: str,
        *,
        by: User | None = None,
        by_applicant: bool = False,
        reason: str = "",
        from_stage: str = "",
        to_stage: str = "",
    ) -> ApplicationEvent:
        return ApplicationEvent.objects.create(
            application=self,
            kind=kind,
            actor=by,
            by_applicant=by_applicant,
            reason=reason,
            from_stage=from_stage,
            to_stage=to_stage,
        )

    @transaction.atomic
    def move_to(
        self,
        stage: str,
        *,
        by: User | None,
        reason: str,
        by_applicant: bool = False,
        public_status: str | None = None,
        kind: str = "stage",
    ) -> ApplicationEvent:
        """Change the workflow stage (and with it the public status) and log why."""
        previous = self.stage
        self.stage = stage
        self.public_status = public_status or PUBLIC_STATUS[stage]
        self.save(update_fields=["stage", "public_status"])
        return self.record(
            kind,
            by=by,
            by_applicant=by_applicant,
            reason=reason,
            from_stage=previous,
            to_stage=stage,
        )

    def withdraw(self, reason: str, by: User | None = None) -> ApplicationEvent:
        """Withdrawn by staff (`by`) or, without a user, by the applicant through the link."""
        return self.move_to(
            Stage.WITHDRAWN,
            by=by,
            by_applicant=by is None,
            reason=reason,
            kind=ApplicationEvent.Kind.WITHDRAWN,
        )
