"""The 2025 and 2026 income and rent limits, and the contract terms of the Wet vaste
huurcontracten. A figure that is not known exactly is seeded without a value: checks on a day it
covers then say "parameter missing" instead of falling back to the year before."""

import datetime
from decimal import Decimal

from django.db import migrations

OPENRIJK_2025 = "https://openrijk.nl/"
RIJKSOVERHEID_2026 = (
    "https://www.rijksoverheid.nl/actueel/nieuws/2025/11/25/indexering-inkomensgrenzen-"
    "woningcorporaties-maximale-huurprijsgrenzen-en-huurtoeslagparameters-2026"
)
WET_VASTE_HUURCONTRACTEN = "https://zoek.officielebekendmakingen.nl/stb-2024-152.html"
WOONBOND_JONGERENCONTRACT = (
    "https://www.woonbond.nl/woning-zoeken-recht/tijdelijk-huren/jongerencontract"
)
AOW = "https://www.rijksoverheid.nl/onderwerpen/algemene-ouderdomswet-aow"

Y2025 = datetime.date(2025, 1, 1)
Y2026 = datetime.date(2026, 1, 1)
LAW = datetime.date(2024, 7, 1)

# (kind, valid_from, amount, age_from, age_below, target_groups, source, note)
SEED = [
    ("daeb_income_single", Y2025, "49669", None, None, "", OPENRIJK_2025, ""),
    ("daeb_income_multi", Y2025, "54847", None, None, "", OPENRIJK_2025, ""),
    ("daeb_rent", Y2025, "900.07", None, None, "", OPENRIJK_2025, ""),
    ("passend_income_single", Y2025, "28375", None, None, "", OPENRIJK_2025, ""),
    ("passend_income_multi", Y2025, "38500", None, None, "", OPENRIJK_2025, ""),
    ("passend_income_older_single", Y2025, "27775", None, None, "", OPENRIJK_2025, ""),
    ("passend_income_older_multi", Y2025, "37350", None, None, "", OPENRIJK_2025, ""),
    ("cap_rent_small", Y2025, "682.96", None, None, "", OPENRIJK_2025, ""),
    ("cap_rent_large", Y2025, "731.93", None, None, "", OPENRIJK_2025, ""),
    ("young_rent", Y2025, "477.20", None, 23, "", OPENRIJK_2025, ""),
    ("daeb_income_single", Y2026, "51537", None, None, "", RIJKSOVERHEID_2026, ""),
    ("daeb_income_multi", Y2026, "56910", None, None, "", RIJKSOVERHEID_2026, ""),
    ("daeb_rent", Y2026, "932.93", None, None, "", RIJKSOVERHEID_2026, ""),
    ("passend_income_single", Y2026, "29400", None, None, "", RIJKSOVERHEID_2026, ""),
    ("passend_income_multi", Y2026, "39925", None, None, "", RIJKSOVERHEID_2026, ""),
    ("passend_income_older_single", Y2026, "28775", None, None, "", RIJKSOVERHEID_2026, ""),
    ("passend_income_older_multi", Y2026, "38650", None, None, "", RIJKSOVERHEID_2026, ""),
    (
        "cap_rent_small", Y2026, None, None, None, "", RIJKSOVERHEID_2026,
        "To be confirmed: about € 713 (cents not recorded). Enter it from the official table.",
    ),
    (
        "cap_rent_large", Y2026, None, None, None, "", RIJKSOVERHEID_2026,
        "Not retrieved. Enter it from the official 2026 table.",
    ),
    ("young_rent", Y2026, "498.20", 18, 21, "", RIJKSOVERHEID_2026, ""),
    (
        "aow_age", datetime.date(2024, 1, 1), "67", None, None, "", AOW,
        "Whole years only; enter a new value before the AOW age moves.",
    ),
    ("temporary_max_months", LAW, "24", None, None, "", WET_VASTE_HUURCONTRACTEN, ""),
    (
        "temporary_groups", LAW, None, None, None,
        "student, uitstroom-mo, statushouder, tweede-kans", WET_VASTE_HUURCONTRACTEN,
        "Students, people leaving maatschappelijke opvang, vergunninghouders from COA, "
        "tweede-kans tenants.",
    ),
    ("youth_age", LAW, None, 18, 28, "", WOONBOND_JONGERENCONTRACT, ""),
    ("youth_term_months", LAW, "60", None, None, "", WOONBOND_JONGERENCONTRACT, ""),
    ("youth_extension_months", LAW, "24", None, None, "", WOONBOND_JONGERENCONTRACT, ""),
    ("campus_groups", LAW, None, None, None, "student", WET_VASTE_HUURCONTRACTEN, ""),
    ("campus_proof_interval_months", LAW, "12", None, None, "", WET_VASTE_HUURCONTRACTEN, ""),
    ("campus_proof_grace_months", LAW, "3", None, None, "", WET_VASTE_HUURCONTRACTEN, ""),
]  # fmt: skip


def seed(apps, schema_editor):  # type: ignore[no-untyped-def]
    Parameter = apps.get_model("legal", "Parameter")
    Parameter.objects.bulk_create(
        Parameter(
            kind=kind,
            valid_from=valid_from,
            amount=None if amount is None else Decimal(amount),
            age_from=age_from,
            age_below=age_below,
            target_groups=groups,
            source_url=source,
            note=note,
        )
        for kind, valid_from, amount, age_from, age_below, groups, source, note in SEED
    )


def unseed(apps, schema_editor):  # type: ignore[no-untyped-def]
    Parameter = apps.get_model("legal", "Parameter")
    for kind, valid_from, *_rest in SEED:
        Parameter.objects.filter(kind=kind, valid_from=valid_from).delete()


class Migration(migrations.Migration):
    dependencies = [("legal", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
