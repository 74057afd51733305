"""The change of DJG-6 band per resident between the latest two waves, recomputed from the raw
answers with the published rule (`published`), without the indicator code."""

import pytest
from django.utils import timezone

from magicmix.monitoring.indicators import Context, registered
from magicmix.monitoring.models import Response

from .test_indicators import generated_waves
from .test_score_djg6 import published

pytestmark = pytest.mark.django_db

ORDER = {"not_lonely": 0, "moderate": 1, "severe": 2}


def test_band_change_per_resident_between_waves() -> None:
    world, waves = generated_waves(7)
    series = registered()["loneliness_band_change"].compute(
        Context(world.complex, timezone.localdate())
    )
    bands: list[dict[int, str]] = []
    for wave in waves:
        found = {}
        for r in Response.objects.filter(invitation__wave=wave, instrument__code="djg6"):
            band = published(r.answers)["band"]
            if band is not None:
                found[r.invitation.person_id] = band
        bands.append(found)
    both = set(bands[0]) & set(bands[1])
    steps = [ORDER[bands[1][p]] - ORDER[bands[0][p]] for p in both]
    counts = [sum(s < 0 for s in steps), sum(s == 0 for s in steps), sum(s > 0 for s in steps)]
    small = {i for i, c in enumerate(counts) if c < 5}
    if len(small) == 1:
        small.add(min((c, i) for i, c in enumerate(counts) if i not in small)[1])
    for i, point in enumerate(series.points):
        shown = len(both) >= 5 and i not in small
        assert point.value == pytest.approx(100 * counts[i] / len(both) if shown else None)
        assert point.n == len(both)
    assert any(p.value is not None for p in series.points)
    assert [p.label for p in series.points] == ["minder eenzaam", "gelijk", "eenzamer"] or [
        p.label for p in series.points
    ] == ["less lonely", "the same", "lonelier"]
