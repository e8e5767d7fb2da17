"""The perception survey pages and TP09 on the TSM page in a real browser: axe-core finds no WCAG 2.0, 2.1
or 2.2 level A or AA violations at 1280 and 375 pixels wide, including the import page showing a file's
faults, and withdrawing an import (its confirmation, the error when no reason is given, and the list after);
importing and withdrawing work without JavaScript. Screenshots go to $PUTRIGHT_SCREENSHOTS/survey if set (else the test's
temporary folder)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from putright.surveys.models import PerceptionSurvey
from tests.e2e.helpers import axe_at_cleanly, axe_here, sign_in
from tests.factories import Org
from tests.reporting.conftest import Builder
from tests.surveys.conftest import WAVE_1, WAVE_2, answered, csv_of, imported

pytestmark = pytest.mark.e2e


@pytest.fixture
def great(transactional_db: Any) -> Org:
    return Org("great", "Great Places", "great-places", "GP")


def test_tp09_and_survey_pages_pass_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, great: Org
) -> None:
    imported(great, WAVE_1, name="wave-1.csv")
    sign_in(page, client, live_server, great.officer)
    axe_at_cleanly(
        page, live_server, "/landlords/great/reports/tsm/?year=2025", axe_js, shots / "tsm-tp09.png"
    )
    assert page.locator("#tp09").get_by_text("57.1%").count() == 1
    axe_at_cleanly(page, live_server, "/landlords/great/reports/tsm/surveys/", axe_js, shots / "surveys.png")
    axe_at_cleanly(
        page, live_server, "/landlords/great/reports/tsm/surveys/import/", axe_js, shots / "survey-import.png"
    )


def test_tp09_stand_in_passes_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, great: Org
) -> None:
    answered(Builder(great).log("2025-05-01"), 4, "2025-06-01")
    sign_in(page, client, live_server, great.board)
    axe_at_cleanly(
        page, live_server, "/landlords/great/reports/tsm/?year=2025", axe_js, shots / "tsm-tp09-stand-in.png"
    )
    assert page.get_by_text("Not a TSM-compliant perception survey").count() == 1


def test_a_file_with_faults_comes_back_listed_and_passes_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, great: Org, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_of("A,yes,fine", "B,perhaps,", "A,no,"))
    sign_in(page, client, live_server, great.officer)
    page.goto(f"{live_server.url}/landlords/great/reports/tsm/surveys/import/")
    page.get_by_label("Which reporting year is the survey for?").select_option("2025")
    page.get_by_label("Telephone").check()
    page.get_by_label("Notes on the sample (optional)").fill("1,000 tenancies")
    page.get_by_label("Upload the results file").set_input_files(str(bad))
    page.get_by_role("button", name="Import results").click()
    assert page.locator(".govuk-error-summary a[href^='#row-error-']").count() == 3
    axe_here(page, axe_js, shots / "survey-import-errors.png")
    page.locator(".govuk-error-summary").get_by_role("link", name="Line 4, respondent_id").click()
    assert page.url.endswith("#row-error-3")
    assert page.get_by_label("Notes on the sample (optional)").input_value() == "1,000 tenancies"


def test_importing_works_without_javascript(
    browser: Any, live_server: Any, client: Any, great: Org, tmp_path: Path
) -> None:
    good = tmp_path / "wave-1.csv"
    good.write_text(WAVE_1)
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        sign_in(page, client, live_server, great.officer)
        page.goto(f"{live_server.url}/landlords/great/reports/tsm/?year=2025")
        page.get_by_role("link", name="Import survey results for 2025/26").click()
        page.get_by_label("Which reporting year is the survey for?").select_option("2025")
        page.get_by_label("Online").check()
        page.get_by_label("Upload the results file").set_input_files(str(good))
        page.get_by_role("button", name="Import results").click()
        assert page.url.endswith("/reports/tsm/surveys/")
        assert page.get_by_text("11 responses imported from “wave-1.csv” for 2025/26").count() == 1
    finally:
        context.close()


def test_withdrawing_an_import_passes_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, great: Org
) -> None:
    first = imported(great, WAVE_1, name="wave-1.csv")
    imported(great, WAVE_2, name="wave-2.csv")
    sign_in(page, client, live_server, great.officer)
    confirm = f"/landlords/great/reports/tsm/surveys/{first.pk}/withdraw/"
    axe_at_cleanly(page, live_server, confirm, axe_js, shots / "survey-withdraw.png")
    page.get_by_role("button", name="Withdraw import").click()
    assert (
        page.locator(".govuk-error-summary").get_by_text("Enter why the import is being withdrawn").count()
        == 1
    )
    axe_here(page, axe_js, shots / "survey-withdraw-error.png")
    page.locator(".govuk-error-summary").get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "id_reason"
    page.keyboard.type("The file was not the final results")
    page.get_by_role("button", name="Withdraw import").click()
    assert page.url.endswith("/reports/tsm/surveys/")
    assert page.get_by_text("is withdrawn: its 11 responses no longer count in TP09").count() == 1
    axe_here(page, axe_js, shots / "surveys-withdrawn.png")
    axe_at_cleanly(page, live_server, confirm, axe_js, shots / "survey-withdrawn.png")
    first.refresh_from_db()
    assert first.withdrawal_reason == "The file was not the final results"


def test_withdrawing_works_without_javascript(
    browser: Any, live_server: Any, client: Any, great: Org
) -> None:
    imported(great, WAVE_1, name="wave-1.csv")
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        sign_in(page, client, live_server, great.officer)
        page.goto(f"{live_server.url}/landlords/great/reports/tsm/surveys/")
        page.get_by_role("link", name="Withdraw the import of wave-1.csv for 2025/26").click()
        page.get_by_label("Why is the import being withdrawn?").fill("Wrong year")
        page.get_by_role("button", name="Withdraw import").click()
        assert page.url.endswith("/reports/tsm/surveys/")
        assert PerceptionSurvey.objects.get().withdrawal_reason == "Wrong year"
    finally:
        context.close()
