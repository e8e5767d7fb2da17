"""The Board pack's Ombudsman cases and orders for June 2025 at Great Places, every figure worked by hand
from the fixture below (determinations the day before the period and on its first day, a referral on its
last day, compliance either side of the due date and after the period), in the pack, the files and the page."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from putright.domain.tsm import DateRange
from putright.ombudsman.models import Finding, OmbudsmanCase, Order
from putright.reporting.board_pack import board_pack
from putright.reporting.exports import OMBUDSMAN, pack_csv
from putright.reporting.ombudsman_cases import ombudsman_section
from tests.factories import Org

from .conftest import Builder

D = date.fromisoformat
JUNE = DateRange(D("2025-06-01"), D("2025-06-30"))
JUNE_QUERY = "first_0=1&first_1=6&first_2=2025&last_0=30&last_1=6&last_2=2025"
K = Finding.Kind
ORDER, RECOMMENDATION = Order.Type.ORDER, Order.Type.RECOMMENDATION


def refer(org: Org, ref: str, referred: str, *, accepted=None, investigating=None, determined=None, **case):
    complaint = Builder(org).log("2025-01-10", **case)
    status = (
        OmbudsmanCase.Status.DETERMINED
        if determined
        else OmbudsmanCase.Status.INVESTIGATING
        if investigating
        else OmbudsmanCase.Status.ACCEPTED
        if accepted
        else OmbudsmanCase.Status.REFERRED
    )
    return OmbudsmanCase.objects.create(
        landlord=org.landlord,
        case=complaint,
        ombudsman_reference=ref,
        referred_on=D(referred),
        status=status,
        accepted_on=D(accepted) if accepted else None,
        investigating_on=D(investigating) if investigating else None,
        determined_on=D(determined) if determined else None,
    )


def find(referral: OmbudsmanCase, *kinds: str) -> None:
    for n, kind in enumerate(kinds):
        Finding.objects.create(ombudsman_case=referral, element=f"Element {n + 1}", finding=kind)


def order(referral: OmbudsmanCase, type_: str, due: str, completed: str | None = None) -> None:
    Order.objects.create(
        landlord=referral.landlord,
        ombudsman_case=referral,
        type=type_,
        description="Apologise and pay",
        due_on=D(due),
        completed_on=D(completed) if completed else None,
    )


@pytest.fixture
def ombudsman_june(great, brighter):
    return build_ombudsman_june(great, brighter)


def build_ombudsman_june(great: Org, brighter: Org) -> Org:
    """A: determined 31 May (the day before): its findings are not June's, its orders' compliance is.
    B: determined 1 June (the first day). C: referred 30 June (the last day). D: accepted in June, not
    determined. E: determined 1 July (after). F: determined in June with no findings. Brighter Places has
    one of everything in June, none of which counts at Great Places."""
    a = refer(great, "A", "2025-04-10", accepted="2025-04-20", determined="2025-05-31")
    find(a, K.MALADMINISTRATION, K.SERVICE_FAILURE)
    order(a, ORDER, due="2025-06-20", completed="2025-06-19")  # complied in June, on time
    order(a, RECOMMENDATION, due="2025-06-10")  # open and overdue at the end of June
    b = refer(great, "B", "2025-05-01", investigating="2025-05-15", determined="2025-06-01")
    find(b, K.SEVERE_MALADMINISTRATION, K.NO_MALADMINISTRATION, K.MALADMINISTRATION)
    order(b, ORDER, due="2025-06-15", completed="2025-06-25")  # complied in June, late
    order(b, ORDER, due="2025-06-30")  # open at the end of June, due on its last day: not overdue
    order(b, RECOMMENDATION, due="2025-07-15", completed="2025-07-01")  # open at the end of June
    refer(great, "C", "2025-06-30")
    refer(great, "D", "2025-05-20", accepted="2025-06-10")
    e = refer(great, "E", "2025-03-01", accepted="2025-03-10", determined="2025-07-01")
    find(e, K.OUTSIDE_JURISDICTION)
    order(e, ORDER, due="2025-07-20")  # made after June: not open at its end
    refer(great, "F", "2025-02-01", determined="2025-06-15")
    other = refer(brighter, "X", "2025-06-02", accepted="2025-06-03", determined="2025-06-10")
    find(other, K.SEVERE_MALADMINISTRATION)
    order(other, ORDER, due="2025-06-12")
    order(other, RECOMMENDATION, due="2025-06-20", completed="2025-06-21")
    return great


def test_ombudsman_cases_referred_under_investigation_and_determined_in_the_period(ombudsman_june):
    o = ombudsman_section(ombudsman_june.landlord, JUNE)
    assert (o.referred, o.investigating_at_end, o.determined) == (1, 2, 2)  # C; D and E; B and F


def test_ombudsman_findings_per_element_and_per_cases_worst(ombudsman_june):
    o = ombudsman_section(ombudsman_june.landlord, JUNE)
    assert [(f.label, f.elements, f.cases) for f in o.findings] == [
        ("Severe maladministration", 1, 1),
        ("Maladministration", 1, 0),
        ("Service failure", 0, 0),
        ("Reasonable redress / resolved", 0, 0),
        ("No maladministration", 1, 0),
        ("Outside jurisdiction", 0, 0),
    ]
    assert o.cases_without_findings == 1  # F


def test_ombudsman_orders_made_complied_on_time_late_open_and_overdue(ombudsman_june):
    o = ombudsman_section(ombudsman_june.landlord, JUNE)
    assert [
        (c.type, c.made, c.complied_on_time, c.complied_late, c.open_at_end, c.overdue_at_end)
        for c in o.orders
    ] == [
        (ORDER, 2, 1, 1, 1, 0),
        (RECOMMENDATION, 1, 0, 0, 2, 1),
    ]


def test_ombudsman_cases_listed_newest_referral_first_with_worst_finding(ombudsman_june):
    rows = ombudsman_section(ombudsman_june.landlord, JUNE).referrals
    assert [(r.reference, r.determined_on, r.worst) for r in rows] == [
        ("C", None, ""),
        ("D", None, ""),
        ("B", D("2025-06-01"), "Severe maladministration"),
        ("E", None, ""),  # determined after June
        ("F", D("2025-06-15"), "No findings recorded"),
    ]


def test_ombudsman_section_in_a_period_with_none_is_all_zero(great):
    o = ombudsman_section(great.landlord, JUNE)
    assert (o.referred, o.investigating_at_end, o.determined, o.cases_without_findings) == (0, 0, 0, 0)
    assert all(f.elements == f.cases == 0 for f in o.findings) and o.referrals == ()


def test_ombudsman_section_rows_in_the_csv(ombudsman_june):
    rows = list(csv.reader(io.StringIO(pack_csv(board_pack(ombudsman_june.landlord, JUNE)))))
    mine = [r for r in rows if r[0] == OMBUDSMAN]
    assert ["Ombudsman cases and orders", "Cases determined in the period", "Number", "2"] in mine
    assert [OMBUDSMAN, "Cases under investigation", "At the end of 2025-06-30", "2"] in mine
    assert [
        OMBUDSMAN,
        "Findings in determinations made in the period, per element",
        "Severe maladministration",
        "1",
    ] in mine
    assert [
        OMBUDSMAN,
        "Recommendations not complied with and overdue",
        "At the end of 2025-06-30",
        "1",
    ] in mine
    assert [OMBUDSMAN, "Orders complied with in the period", "After the due date", "1"] in mine
    b = OmbudsmanCase.objects.select_related("case").get(ombudsman_reference="B")
    described = "Referred 2025-05-01, determined 2025-06-01, Severe maladministration"
    assert [OMBUDSMAN, f"Case B (complaint {b.case.reference})", described, ""] in mine
    assert [r[2] for r in mine if r[1].startswith("Case E ")] == [
        "Referred 2025-03-01, not determined by 2025-06-30"
    ]


def page(client, user) -> str:
    client.force_login(user)
    url = reverse("backoffice:report-board-pack", args=["great"]) + f"?{JUNE_QUERY}"
    response = client.get(url)
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def test_the_ombudsman_section_appears_with_links_to_the_cases(client, ombudsman_june):
    text = page(client, ombudsman_june.director)
    assert '<h2 class="govuk-heading-m" id="ombudsman">Ombudsman cases and orders</h2>' in text
    b = OmbudsmanCase.objects.get(landlord=ombudsman_june.landlord, ombudsman_reference="B")
    link = reverse("backoffice:ombudsman-case", args=["great", b.pk])
    assert f'<a class="govuk-link" href="{link}">B</a>' in text
    assert "Severe maladministration" in text and "X" not in [
        r.reference for r in ombudsman_section(ombudsman_june.landlord, JUNE).referrals
    ]


def test_ombudsman_cases_the_person_may_not_open_are_listed_without_a_link(client, ombudsman_june):
    hidden = refer(
        ombudsman_june,
        "H",
        "2025-06-05",
        about_colleague=True,
        colleagues_named="A surveyor",
    )
    text = page(client, ombudsman_june.board)
    assert '<th scope="row" class="govuk-table__header govuk-!-font-weight-regular">H</th>' in text
    assert reverse("backoffice:ombudsman-case", args=["great", hidden.pk]) not in text
    b = OmbudsmanCase.objects.get(landlord=ombudsman_june.landlord, ombudsman_reference="B")
    assert reverse("backoffice:ombudsman-case", args=["great", b.pk]) in text


def test_the_ombudsman_section_is_printed_in_the_pdf(client, ombudsman_june):
    client.force_login(ombudsman_june.board)
    url = reverse("backoffice:report-board-pack-export", args=["great", "pdf"]) + f"?{JUNE_QUERY}"
    response = client.get(url)
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Cases under investigation At the end of 2025-06-30 2" in text
    assert "by their worst finding No findings recorded 1" in text
    assert "Orders complied with in the period After the due date 1" in text
    assert "Recommendations not complied with and overdue At the end of 2025-06-30 1" in text


def test_ombudsman_section_takes_five_queries_whatever_the_number_of_cases(
    ombudsman_june, django_assert_num_queries
):
    with django_assert_num_queries(5):  # the counts, findings per element, worst per case, orders, the list
        ombudsman_section(ombudsman_june.landlord, JUNE)
    for n in range(3):
        b = refer(ombudsman_june, f"B{n}", "2025-05-01", determined="2025-06-02")
        find(b, K.SERVICE_FAILURE, K.RESOLVED)
        order(b, ORDER, due="2025-06-20", completed="2025-06-20")
    with django_assert_num_queries(5):
        o = ombudsman_section(ombudsman_june.landlord, JUNE)
    assert (o.determined, o.orders[0].complied_on_time, o.findings[2].cases) == (5, 4, 3)
