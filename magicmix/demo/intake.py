"""An intake in progress for the demo: public applications with letters, partner nominations,
a rubric, letter scores by two scorers, interviews, the resident panel's advice, a shortlist.

Everything goes through the selection's own workflow functions (submit, nominate, score,
invite, record, advise, move), so the demo has the eligibility outcomes and the log a real
intake has. Some work is left undone on purpose, for a new user to try: letters nobody scored
yet, interviews still planned, shortlisted candidates without the panel's advice.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from magicmix.accounts.models import Organisation, User
from magicmix.housing.models import Cluster, Complex, Unit
from magicmix.legal.contracts import ContractType
from magicmix.people.models import SupportNeed, TargetGroup
from magicmix.selection.models import (
    Application,
    CooptationAdvice,
    Criterion,
    Intake,
    Interview,
    Nomination,
    Rubric,
    Stage,
    breakdowns,
)
from magicmix.selection.services import applications, eligibility, interviews, judgements

from .letters import LetterWriter
from .residents import PersonMaker

PUBLIC_APPLICANTS = 84
PUBLIC_GROUPS = {"werkende-jongere": 0.45, "student": 0.35, "starter": 0.2}
AGES = (18, 25)  # well inside the jongerencontract's band, also some days after the build
# Partner, target group, how many, support hours a week, months of support.
NOMINATIONS = [
    ("coa", "statushouder", 7, Decimal("2.0"), 12),
    ("shelter", "uitstroom-mo", 3, Decimal("6.0"), 36),
]
LETTER_CRITERIA = [  # name, guidance, weight
    ("Bijdrage aan de buren", "Wat gaat iemand concreet doen, en hoe vaak?", Decimal(2)),
    (
        "Past bij het concept",
        "Begrijpt iemand wat om-en-om wonen met statushouders vraagt?",
        Decimal(1),
    ),
    ("Haalbaar en concreet", "Is het plan uitvoerbaar naast werk of studie?", Decimal(1)),
]
INTERVIEW_CRITERIA = [
    ("Motivatie in het gesprek", "", Decimal(1)),
    ("Omgaan met verschillen en conflicten", "", Decimal(1)),
    ("Tijd en beschikbaarheid", "", Decimal(1)),
]
HELD, PLANNED, SHORTLISTED, ADVISED = 10, 4, 7, 4
NOMINEE_TALKS = 4  # kennismakingsgesprekken with the shortlisted nominees
LOCATION = "Ontmoetingsruimte, Gebouw A"
LEFT_IN_REVIEW = 3
REVIEWED = "Handmatig gecontroleerd: de huur blijft onder de aftoppingsgrens; kan door."


@dataclass(frozen=True)
class Team:
    """The demo users who do the selection's work."""

    scorers: tuple[User, User]
    letting: User
    panel: User
    caseworkers: dict[str, User]  # partner key → caseworker


def build_intake(
    complex_: Complex, orgs: dict[str, Organisation], maker: PersonMaker, team: Team
) -> Intake:
    today = maker.today
    vacancies = Unit.objects.filter(complex=complex_, status=Unit.Status.IN_USE).vacant(today)
    intake = Intake.objects.create(
        complex=complex_,
        title=f"Werving {today.year}: nieuwe bewoners De Havenwerf",
        opens_on=today - datetime.timedelta(days=28),
        closes_on=today + datetime.timedelta(days=21),
        places=max(1, vacancies.count()),
        contract_type=ContractType.YOUTH,
        contribution_hours=16,
        house_rules="U doet zestien uur per maand mee aan de gemeenschap, in het zelfbeheerteam, "
        "als gangmaker of met een activiteit. Stille uren van 23.00 tot 7.00 uur.",
        status=Intake.Status.OPEN,
    )
    intake.target_groups.set(
        TargetGroup.objects.filter(organisation=orgs["corporation"], code__in=PUBLIC_GROUPS)
    )
    rubric = Rubric.objects.create(intake=intake, blind=True, scorers_per_letter=2)
    criteria = [
        Criterion.objects.create(
            rubric=rubric,
            stage=stage,
            name=name,
            guidance=guidance,
            weight=weight,
            max_points=5,
            position=n,
        )
        for stage, given in (
            (Criterion.Stage.LETTER, LETTER_CRITERIA),
            (Criterion.Stage.INTERVIEW, INTERVIEW_CRITERIA),
        )
        for n, (name, guidance, weight) in enumerate(given)
    ]
    letters = [c for c in criteria if c.stage == Criterion.Stage.LETTER]
    talks = [c for c in criteria if c.stage == Criterion.Stage.INTERVIEW]
    selection = Selection(intake, maker, team)
    public = selection.apply(PUBLIC_APPLICANTS)
    nominated = selection.nominate(orgs)
    selection.review(public + nominated)
    selection.score_letters(public, letters)
    selection.interview_and_decide(public, nominated, talks)
    for application in public[-2:]:
        application.withdraw("Heeft inmiddels andere woonruimte gevonden.")
    return intake


class Selection:
    def __init__(self, intake: Intake, maker: PersonMaker, team: Team) -> None:
        self.intake, self.maker, self.team = intake, maker, team
        self.rng = maker.rng
        self.writer = LetterWriter(maker.rng)
        self.promises: dict[int, list[str]] = {}  # application → what its letter promises
        self.buildings = list(
            Cluster.objects.filter(complex=intake.complex, kind=Cluster.Kind.BUILDING)
        )

    def _application(self, group: str) -> tuple[Application, list[str]]:
        today = self.maker.today
        person = self.maker.make(group, ages=AGES, max_household=1)
        letter, promises = self.writer.write(person.first_name, person.age_on(today))
        assert person.annual_income is not None and person.income_year is not None
        application = Application(
            intake=self.intake,
            first_name=person.first_name,
            last_name=person.last_name,
            date_of_birth=person.date_of_birth,
            email=person.email,
            phone=person.phone,
            household_size=1,
            annual_income=person.annual_income,
            income_year=person.income_year,
            target_group=person.target_group,
            unit_types=[Unit.Type.STUDIO],
            motivation=letter,
            registered_on=today - datetime.timedelta(days=self.rng.randrange(28)),
        )
        return application, promises

    def apply(self, count: int) -> list[Application]:
        """Public applications through the form's own submit; a refused one is not kept."""
        groups, weights = list(PUBLIC_GROUPS), list(PUBLIC_GROUPS.values())
        applied = []
        for _ in range(count):
            application, promises = self._application(self.rng.choices(groups, weights)[0])
            preferred = [self.rng.choice(self.buildings)] if self.rng.random() < 0.4 else []
            try:
                applications.submit(application, preferred)
            except applications.NotEligible:
                continue
            self.promises[application.pk] = promises
            applied.append(application)
        return applied

    def nominate(self, orgs: dict[str, Organisation]) -> list[Application]:
        nominated = []
        for partner, group, count, hours, months in NOMINATIONS:
            for _ in range(count):
                application, promises = self._application(group)
                application.email = ""  # the caseworker is the contact of a nominated client
                intensive = partner == "shelter" and self.rng.random() < 0.4
                nomination = Nomination(
                    organisation=orgs[partner],
                    support_need=SupportNeed.INTENSIVE if intensive else SupportNeed.LIGHT,
                    support_organisation=orgs[partner],
                    support_hours_per_week=hours * 2 if intensive else hours,
                    support_months=months,
                    readiness=self.rng.choice(READINESS[group]),
                )
                try:
                    applications.nominate(application, nomination, self.team.caseworkers[partner])
                except applications.NotEligible:
                    continue
                self.promises[application.pk] = promises
                nominated.append(application)
        return nominated

    def review(self, applications: list[Application]) -> None:
        """An application manager checks by hand what a missing legal parameter left open, and
        leaves the last few for the demo's user."""
        waiting = [a for a in applications if a.stage == Stage.REVIEW]
        for application in waiting[:-LEFT_IN_REVIEW]:
            eligibility.decide(application, approve=True, reason=REVIEWED, by=self.team.scorers[0])

    def _points(self, application: Application, criterion: Criterion) -> int:
        """Points that follow the letter: more promises, more points, with a scorer's spread."""
        base = 1 + len(self.promises[application.pk])
        return max(1, min(criterion.max_points, base + self.rng.choice([-1, 0, 0, 1])))

    def score_letters(self, public: list[Application], criteria: list[Criterion]) -> None:
        """Most letters by both scorers, some by one, the rest left for the demo's user; the
        first scorer (application manager) keeps a queue of her own."""
        first, second = self.team.scorers
        for n, application in enumerate(public):
            if application.stage == Stage.REVIEW:
                continue
            share = n / len(public)
            scorers = [first, second] if share < 0.7 else [second] if share < 0.85 else []
            for scorer in scorers:
                points = {c: self._points(application, c) for c in criteria}
                judgements.score_letter(application, scorer, points)

    def interview_and_decide(
        self, public: list[Application], nominated: list[Application], criteria: list[Criterion]
    ) -> None:
        """The best letters and a few nominees are invited; most talks are held, the rest are
        still planned. The best after the talks are shortlisted, some with the panel's advice."""
        scores = breakdowns(a.pk for a in public)
        ranked = sorted(
            (a for a in public if scores[a.pk].scorers == 2),
            key=lambda a: -(scores[a.pk].letter or 0),
        )
        invited = ranked[: HELD + PLANNED - 2] + nominated[:2]
        held_day = self.maker.today - datetime.timedelta(days=3)
        planned_day = self.maker.today + datetime.timedelta(days=4)
        starts = interviews.slots(held_day, datetime.time(10), datetime.time(13))
        starts += interviews.slots(planned_day, datetime.time(10), datetime.time(13))
        held = []
        for n, application in enumerate(invited):
            slot = starts[n] if n < HELD else starts[len(starts) // 2 + n]
            interview = interviews.invite(application, slot, LOCATION, self.team.letting)
            if n < HELD:
                self._hold(interview, criteria)
                held.append(application)
        talks = breakdowns(a.pk for a in held)
        held.sort(key=lambda a: -(talks[a.pk].total or 0))
        for application in held[:SHORTLISTED]:
            application.move_to(
                Stage.SHORTLISTED, by=self.team.letting, reason="Sterke brief en een goed gesprek."
            )
        for application in held[SHORTLISTED:]:
            application.move_to(
                Stage.NOT_SELECTED,
                by=self.team.letting,
                reason="Andere kandidaten lieten meer inzet zien.",
            )
        # Nominees have no letter: a kennismakingsgesprek with their caseworker, scored on the
        # same interview points, gives them a selection score, so they are ranked among the
        # others instead of last.
        talk_day = held_day - datetime.timedelta(days=1)
        nominee_slots = interviews.slots(talk_day, datetime.time(10), datetime.time(12))
        for application, slot in zip(nominated[2 : 2 + NOMINEE_TALKS], nominee_slots, strict=False):
            self._hold(interviews.invite(application, slot, LOCATION, self.team.letting), criteria)
            application.move_to(
                Stage.SHORTLISTED,
                by=self.team.letting,
                reason="Voordracht besproken met de partner; kennismakingsgesprek gehouden.",
            )
        for application, advice in zip(held[:ADVISED], ADVICES, strict=False):
            judgements.give_advice(application, self.team.panel, *advice)

    def _hold(self, interview: Interview, criteria: list[Criterion]) -> None:
        application = interview.application
        promises = self.promises[application.pk] or ["meedoen met activiteiten"]
        summary = (
            f"{application.first_name} wil zich vooral inzetten voor {' en '.join(promises)}. "
            + self.rng.choice(IMPRESSIONS)
        )
        points = {c: self.rng.randint(2, 5) for c in criteria}
        judgements.record_interview(
            interview, self.team.letting, Interview.Status.HELD, summary, points
        )


READINESS = {
    "statushouder": [
        "Woont twee jaar in het azc, volgt de inburgering op B1-niveau en werkt als vrijwilliger "
        "bij de voedselbank. Wil graag tussen Nederlandse jongeren wonen.",
        "Heeft zijn inburgering bijna afgerond en begint na de zomer aan een mbo-opleiding. "
        "Klaar om zelfstandig te wonen.",
    ],
    "uitstroom-mo": [
        "Woont een jaar in de begeleide woonvorm, heeft schulden in een regeling en een vaste "
        "dagbesteding. Klaar voor een eigen studio met ambulante begeleiding.",
        "Stabiel sinds anderhalf jaar, werkt twee dagen in de horeca. Begeleiding blijft drie jaar.",
    ],
}
IMPRESSIONS = [
    "Kwam goed voorbereid en had al ideeën voor de gang.",
    "Wat stil in het begin, maar heel concreet over wat ze wil doen.",
    "Enthousiast; vertelde hoe hij in zijn studentenhuis conflicten oploste.",
    "Kent de buurt en wil de buurtvereniging erbij betrekken.",
]
ADVICES = [
    (
        CooptationAdvice.Advice.IN_FAVOUR,
        "Past goed bij onze gang; we hebben iemand nodig die kookt.",
    ),
    (CooptationAdvice.Advice.IN_FAVOUR, "Sympathiek gesprek, wil echt iets doen."),
    (CooptationAdvice.Advice.NEUTRAL, "Geen bezwaar, wel weinig concreet over tijd."),
    (CooptationAdvice.Advice.AGAINST, "Lijkt vooral een goedkope kamer te zoeken."),
]
