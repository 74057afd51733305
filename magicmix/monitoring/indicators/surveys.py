"""Indicators from what residents report in the survey waves, one point per wave."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from magicmix.composition.disclosure import THRESHOLD

from ..models import ReferenceFigure, Response, Wave
from . import Context, Expectation, Point, Series, distribution, indicator, not_shown, shares

WAVES = 6  # the latest waves shown


def _waves(context: Context) -> list[Wave]:
    waves = Wave.objects.filter(complex=context.complex, opens_on__lte=context.today)
    return list(reversed(waves.order_by("-opens_on", "-pk")[:WAVES]))


def _scores(context: Context, wave: Wave, code: str) -> list[dict]:
    found = Response.objects.filter(invitation__wave=wave, instrument__code=code)
    if context.persons is not None:
        found = found.filter(invitation__person__in=context.persons)
    return list(found.values_list("scores", flat=True))


def _share(
    context: Context, code: str, score: str, categories: list[Hashable], counted: Hashable
) -> list[Point]:
    """Per wave, the share of respondents whose `score` is `counted`, shown only when the
    protected one-row table of all `categories` shows that cell."""
    points = []
    for wave in _waves(context):
        values = [s[score] for s in _scores(context, wave, code) if s[score] is not None]
        counts = [values.count(category) for category in categories]
        points.append(shares(wave.title, counts, categories.index(counted)))
    return points


def _mean(context: Context, code: str, score: str) -> list[Point]:
    points = []
    for wave in _waves(context):
        values = [s[score] for s in _scores(context, wave, code) if s[score] is not None]
        if len(values) < THRESHOLD:
            points.append(not_shown(wave.title, len(values)))
        else:
            points.append(Point(wave.title, sum(values) / len(values), len(values)))
    return points


def _references(indicator_code: str) -> list[Point]:
    """The latest published figure for each population."""
    latest: dict[str, ReferenceFigure] = {}
    for figure in ReferenceFigure.objects.filter(indicator=indicator_code).order_by(
        "-year", "population"
    ):
        latest.setdefault(figure.population, figure)
    return [
        Point(f"{figure.population} ({figure.year}, {figure.source})", float(figure.value), 0)
        for figure in latest.values()
    ]


@indicator(
    "severely_lonely",
    _("Severely lonely (DJG-6)"),
    Expectation.ISOLATION,
    _("Share of respondents with a loneliness score of 5 or 6."),
)
def severely_lonely(context: Context) -> Series:
    points = _share(context, "djg6", "band", ["not_lonely", "moderate", "severe"], "severe")
    return Series(
        "%",
        points,
        maximum=100,
        references=_references("djg6_severe"),
        note=_(
            "De Jong Gierveld, J. & van Tilburg, T. (2006). A 6-item scale for overall, "
            "emotional, and social loneliness. Research on Aging, 28(5), 582–598."
        ),
    )


@indicator(
    "poor_wellbeing",
    _("Poor wellbeing (WHO-5)"),
    Expectation.ISOLATION,
    _("Share of respondents with a WHO-5 raw score below 13."),
)
def poor_wellbeing(context: Context) -> Series:
    points = _share(context, "who5", "poor", [False, True], True)
    return Series(
        "%",
        points,
        maximum=100,
        note=_(
            "WHO-5 Well-Being Index, Psychiatric Research Unit, Frederiksborg General Hospital."
        ),
    )


@indicator(
    "cross_group_contacts",
    _("Contacts across groups (survey)"),
    Expectation.INTEGRATION,
    _("Mean number of residents of another target group talked to in the last two weeks."),
)
def cross_group_contacts(context: Context) -> Series:
    return Series("", _mean(context, "contact", "contacts"))


@indicator(
    "social_cohesion",
    _("Social cohesion (0–10)"),
    Expectation.INTEGRATION,
    _("Mean of the CBS statements mapped onto 0–10 (a documented parameter, see the docs)."),
)
def social_cohesion(context: Context) -> Series:
    return Series(
        "",
        _mean(context, "cohesion", "cohesion"),
        maximum=10,
        references=_references("cohesion_mean"),
    )


@indicator(
    "satisfaction_complex",
    _("Satisfaction with the complex (1–10)"),
    Expectation.ISOLATION,
    _("Mean report mark residents give the complex."),
)
def satisfaction_complex(context: Context) -> Series:
    return Series("", _mean(context, "satisfaction", "complex"), maximum=10)


def answered_in_both(context: Context, code: str, score: str) -> tuple[list[Any], list[Any]]:
    """For residents who answered `code` in both of the latest two waves: their `score` in the
    earlier and in the later wave (aligned lists)."""
    waves = _waves(context)[-2:]
    if len(waves) < 2:
        return [], []
    found = Response.objects.filter(
        Q(invitation__wave=waves[0]) | Q(invitation__wave=waves[1]), instrument__code=code
    )
    if context.persons is not None:
        found = found.filter(invitation__person__in=context.persons)
    by_person: dict[int, dict[int, Any]] = {}
    for person, wave, scores in found.values_list(
        "invitation__person_id", "invitation__wave_id", "scores"
    ):
        if scores[score] is not None:
            by_person.setdefault(person, {})[wave] = scores[score]
    pairs = [(s[waves[0].pk], s[waves[1].pk]) for s in by_person.values() if len(s) == 2]
    return [a for a, _b in pairs], [b for _a, b in pairs]


BANDS = ["not_lonely", "moderate", "severe"]


@indicator(
    "loneliness_band_change",
    _("Loneliness band per resident between the latest two waves"),
    Expectation.ISOLATION,
    _(
        "Residents who answered DJG-6 in both waves: in a lower band (less lonely), the same "
        "band, or a higher band."
    ),
)
def loneliness_band_change(context: Context) -> Series:
    before, after = answered_in_both(context, "djg6", "band")
    steps = [BANDS.index(b) - BANDS.index(a) for a, b in zip(before, after, strict=True)]
    return Series(
        "%",
        distribution(
            [
                (str(_("less lonely")), sum(step < 0 for step in steps)),
                (str(_("the same")), sum(step == 0 for step in steps)),
                (str(_("lonelier")), sum(step > 0 for step in steps)),
            ]
        ),
        maximum=100,
        note=_("Bands: not lonely 0–1, moderately lonely 2–4, severely lonely 5–6."),
    )
