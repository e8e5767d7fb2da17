"""The Board pack's CSV, spreadsheet and PDF: each opens, carries the hand-worked June figures the page shows,
neutralises formulas in text people typed, and is for the same people as the page."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from putright.domain.tsm import DateRange
from putright.reporting.board_pack import board_pack
from putright.reporting.exports import HEADER, cell_safe, pack_rows

from .conftest import Builder

JUNE = "first_0=1&first_1=6&first_2=2025&last_0=30&last_1=6&last_2=2025"
JUNE_RANGE = DateRange(date(2025, 6, 1), date(2025, 6, 30))


def export_url(fmt: str, slug: str = "great", query: str = JUNE) -> str:
    return reverse("backoffice:report-board-pack-export", args=[slug, fmt]) + f"?{query}"


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8"))))


def test_the_csv_is_one_tidy_table_of_the_june_figures(client, june, great):
    client.force_login(great.board)
    response = client.get(export_url("csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="great-board-pack-2025-06-01-to-2025-06-30.csv"' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == list(HEADER)
    assert all(len(row) == 4 for row in rows)
    assert ["Volumes", "Cases received by kind", "Complaint", "3"] in rows
    assert ["Volumes", "Complaints received by channel", "Email", "1"] in rows
    assert ["Outcomes", "Stage 1 responses issued", "Upheld", "1"] in rows
    assert ["Outcomes", "Stage 2 responses issued", "Partly upheld", "1"] in rows
    assert ["Timeliness", "Stage 1 acknowledgements", "Number", "3"] in rows
    assert ["Timeliness", "Stage 1 acknowledgements", "Within the policy", "2"] in rows
    assert ["Timeliness", "Stage 1 acknowledgements", "Within the policy (%)", "66.7"] in rows
    assert ["Extensions", "Reasons given most often", "Waiting for the contractor's report", "1"] in rows
    assert [
        "Open and overdue",
        "Complaints past an acknowledgement or response date",
        "At the end of 2025-06-30",
        "2",
    ] in rows
    assert ["Compensation", "Offered in responses issued in the period", "Amount (£)", "150.00"] in rows
    assert ["Compensation", "Paid in the period", "Amount (£)", "25.00"] in rows
    # Trends, July 2024 to June 2025: P7 in April, P6 and P8 in May, P1 to P3 in June.
    assert ["Trends", "Complaints received at stage 1", "April 2025", "1"] in rows
    assert ["Trends", "Complaints received at stage 1", "May 2025", "2"] in rows
    assert ["Trends", "Complaints received at stage 1", "June 2025", "3"] in rows
    assert ["Trends", "Complaints received at stage 2", "June 2025", "1"] in rows
    assert ["Trends", "Responses within the Code (%)", "June 2025", "100.0"] in rows
    assert ["Trends", "Responses within the Code (%)", "July 2024", ""] in rows
    assert ["Trends", "Complaints overdue at the month end", "June 2025", "2"] in rows
    assert len([r for r in rows if r[0] == "Trends"]) == 9 * 12
    assert ["Hot spots", "Thresholds", "Complaints received, at or above", "10"] in rows


def test_the_csv_carries_every_breakdown_the_page_shows(client, june, great):
    client.force_login(great.board)
    page = " ".join(
        client.get(reverse("backoffice:report-board-pack", args=["great"]) + f"?{JUNE}")
        .content.decode()
        .split()
    )
    volumes = [r for r in csv_rows(client.get(export_url("csv")))[1:] if r[0] == "Volumes"]
    assert len(volumes) >= 10
    for _, _, label, value in volumes:
        shown = re.escape(label.replace("'", "&#x27;"))
        assert re.search(
            rf">{shown}</th> <td class=\"govuk-table__cell govuk-table__cell--numeric\">{value}<", page
        )


def test_text_that_starts_like_a_formula_is_quoted_in_the_csv_and_the_spreadsheet(client, great):
    Builder(great).log("2025-06-02", category='=HYPERLINK("http://x","y")', contractor="@SUM(A1)")
    client.force_login(great.board)
    rows = csv_rows(client.get(export_url("csv")))
    breakdowns = [row[2] for row in rows]
    assert '\'=HYPERLINK("http://x","y")' in breakdowns and "'@SUM(A1)" in breakdowns
    assert not any(cell.startswith(("=", "@", "+", "-")) for row in rows for cell in row)
    book = load_workbook(io.BytesIO(client.get(export_url("xlsx")).content))
    cells = [c for row in book["Volumes"].iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert '\'=HYPERLINK("http://x","y")' in [c.value for c in cells]


def test_cell_safe_quotes_only_formula_starts():
    assert cell_safe("=1+1") == "'=1+1"
    assert cell_safe("-10") == "'-10"
    assert cell_safe("\tx") == "'\tx"
    assert cell_safe("Repairs - plumbing") == "Repairs - plumbing"


def test_the_spreadsheet_has_a_sheet_per_section_with_the_same_figures(client, june, great):
    client.force_login(great.board)
    response = client.get(export_url("xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Volumes",
        "Outcomes",
        "Timeliness",
        "Extensions",
        "Open and overdue",
        "Compensation",
        "Refusals",
        "Satisfaction",
        "Ombudsman cases and orders",
        "Trends",
        "Hot spots",
    ]
    found = [
        (sheet.title, *row)
        for sheet in book.worksheets
        for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    expected = [
        (r.section, r.measure, r.breakdown, r.value)
        for r in pack_rows(board_pack(great.landlord, JUNE_RANGE))
    ]
    assert [row[:3] for row in found] == [row[:3] for row in expected]
    for got, want in zip(found, expected, strict=True):
        assert (got[3] is None and want[3] is None) or Decimal(str(got[3])) == want[3]
    assert book["Compensation"]["C2"].value == 150  # a number the spreadsheet can add up, not text
    assert [c.value for c in book["Volumes"][1]] == ["Measure", "Breakdown", "Value"]


def test_the_pdf_opens_and_prints_the_june_figures(client, june, great):
    client.force_login(great.board)
    response = client.get(export_url("pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Great Places: Board pack, complaints" in text
    assert "1 June 2025 to 30 June 2025" in text
    assert "Within the policy (%) 66.7" in text
    assert "Amount (£) 150.00" in text and "Amount (£) 25.00" in text
    assert "Waiting for the contractor's report 1" in text.replace("’", "'")
    assert "Complaints received at stage 1 June 2025 3" in text
    assert "Hot spots: flagged for a service review" in text
    assert "Ombudsman cases and orders" in text


def test_the_page_links_to_each_file_for_the_chosen_period(client, june, great):
    client.force_login(great.board)
    page = client.get(reverse("backoffice:report-board-pack", args=["great"]) + f"?{JUNE}").content.decode()
    for fmt in ("pdf", "xlsx", "csv"):
        link = reverse("backoffice:report-board-pack-export", args=["great", fmt])
        found = re.search(rf'href="({re.escape(link)}\?[^"]+)"', page)
        assert found, fmt
        response = client.get(found.group(1).replace("&amp;", "&"))
        assert response.status_code == 200
        assert "2025-06-01-to-2025-06-30" in response["Content-Disposition"]


def test_a_period_that_will_not_do_goes_back_to_the_page_and_its_errors(client, great):
    client.force_login(great.board)
    backwards = "first_0=30&first_1=6&first_2=2025&last_0=1&last_1=6&last_2=2025"
    response = client.get(export_url("csv", query=backwards))
    assert response.status_code == 302
    assert response["Location"] == reverse("backoffice:report-board-pack", args=["great"]) + f"?{backwards}"
    page = client.get(response["Location"]).content.decode()
    assert "The last day must be the same as or after the first day" in page


def test_an_unknown_format_is_not_found(client, great):
    client.force_login(great.board)
    assert client.get(export_url("docx")).status_code == 404


@pytest.mark.parametrize(
    ("role", "status"), [("board", 200), ("director", 200), ("manager", 403), ("housing", 403)]
)
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_the_files_by_role(client, great, role, status, fmt):
    client.force_login(getattr(great, role))
    assert client.get(export_url(fmt)).status_code == status


def test_another_landlords_pack_is_not_found_and_signed_out_people_sign_in(client, great, brighter):
    client.force_login(brighter.board)
    assert client.get(export_url("csv")).status_code == 404
    client.logout()
    response = client.get(export_url("xlsx"))
    assert response.status_code == 302 and "/sign-in/" in response["Location"]
