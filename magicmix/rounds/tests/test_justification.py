import datetime
import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from magicmix.housing.models import Cluster
from magicmix.legal.checks import Rulebook, daeb_income
from magicmix.rounds.models import Dimension, Round
from magicmix.rounds.services import runs
from magicmix.selection.models import EligibilityOutcome
from magicmix.testing import factories

from .helpers import approved, new_round, policy, scene, work

pytestmark = pytest.mark.django_db


def test_the_justification_lists_policy_candidates_explanations_and_overrides(
    client: Client,
) -> None:
    s = scene()
    policy(s)
    checked = daeb_income(Rulebook.on(datetime.date(2026, 3, 1)), Decimal(35000), 1)
    EligibilityOutcome.of(s.applications[0], checked).save()
    round_ = new_round(s)
    runs.start(round_)
    work()
    run = round_.latest_run()
    assert run is not None
    runs.override(run, s.units[0], None, "Woning blijkt vochtig.", s.staff)
    client.force_login(s.staff)
    text = client.get(reverse("rounds:justification_csv", args=[round_.pk])).content.decode(
        "utf-8-sig"
    )
    assert "Beleid" in text and "Statushouder" in text
    assert text.count("Kandidaat") >= 5
    assert "Geplaatst in woning" in text and "Woning blijkt vochtig." in text
    # The stored eligibility outcome by its name, not its code, with its parameter version.
    assert "DAEB-inkomensgrens: voldoet" in text and "daeb_income" not in text
    pdf = client.get(reverse("rounds:justification_pdf", args=[round_.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_an_auditor_reads_local_times_decimal_commas_and_labels(client: Client) -> None:
    s = scene(vacancies=1, students=1, statushouders=0)
    policy(s, minimum=Decimal("12.5"), share=True, hard=False)
    round_ = approved(s)
    Round.objects.filter(pk=round_.pk).update(
        approved_at=datetime.datetime(2026, 7, 1, 10, 30, tzinfo=datetime.UTC)
    )
    client.force_login(s.staff)
    text = client.get(reverse("rounds:justification_csv", args=[round_.pk])).content.decode(
        "utf-8-sig"
    )
    assert "goedgekeurd op;1 juli 2026 12:30" in text  # summer time in Amsterdam: UTC+2
    assert ";Statushouder;12,50;" in text  # the group's name, and a decimal comma
    assert "aanbiedingen: wacht op antwoord;1" in text


def test_the_pdf_gives_one_line_per_candidate_and_numbers_its_pages(client: Client) -> None:
    s = scene(vacancies=25, students=25, statushouders=5)
    round_ = approved(s)
    client.force_login(s.staff)
    pdf = client.get(reverse("rounds:justification_pdf", args=[round_.pk])).content
    pages = len(re.findall(rb"/Type /Page\b", pdf))
    # 30 candidates on one line each, the summary, policy, runs and 25 offers (was: one
    # candidate per page).
    assert 2 <= pages <= 6, pages


def test_the_policy_report_names_roles_and_cluster_paths_not_codes(client: Client) -> None:
    s = scene()
    gang = s.units[0].cluster
    gang.parent = factories.cluster(s.complex, name="Gebouw Noord", kind=Cluster.Kind.BUILDING)
    gang.save()
    policy(s, dimension=Dimension.ROLE, value="supported", cluster=gang, minimum=Decimal(1))
    round_ = new_round(s)
    runs.start(round_)
    work()
    client.force_login(s.staff)
    client.cookies.load({settings.LANGUAGE_COOKIE_NAME: "nl"})
    page = client.get(reverse("rounds:round_detail", args=[round_.pk])).content.decode()
    report = page[page.index('id="policy-heading"') :]
    assert "Gebouw Noord / Gang A" in report and "rol: vragend" in report
    exported = client.get(reverse("rounds:justification_csv", args=[round_.pk]))
    text = exported.content.decode("utf-8-sig")
    assert "Gebouw Noord / Gang A;rol;vragend" in text
    pdf = client.get(reverse("rounds:justification_pdf", args=[round_.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    for where in (page, text):
        assert "supported" not in where
