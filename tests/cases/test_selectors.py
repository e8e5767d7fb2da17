"""Worklists and access: scoped to the landlord and the person, soonest deadline first, fixed query counts."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from putright.cases import services
from putright.cases.access import access_case_for_staff
from putright.cases.selectors import (
    CaseFilters,
    case_detail,
    case_list,
    open_cases_soonest_first,
    overdue_counts,
    page_and_total,
)
from putright.cases.selectors_worklist_rows import worklist_cases
from putright.domain.errors import NotFoundError, NotPermittedError
from putright.domain.lifecycle import Kind

from .conftest import at

D = date.fromisoformat


def log(org, received, **extra):
    return services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=extra.pop("kind", Kind.COMPLAINT),
        channel="email",
        received_at=at(received),
        customer=org.customer,
        summary="Damp in the bedroom",
        description="Mould again",
        **extra,
    )


def test_open_cases_are_listed_soonest_deadline_first(great):
    later, sooner = log(great, "2026-06-01"), log(great, "2026-05-01")
    log(great, "2026-05-15", kind=Kind.COMPLIMENT)  # no clock runs
    listed = worklist_cases(open_cases_soonest_first(landlord=great.landlord, user=great.officer))
    assert [c.pk for c in listed] == [sooner.pk, later.pk]
    # Friday 1 May 2026: 5 working days, skipping the early May bank holiday (4 May).
    assert listed[0].next_due == D("2026-05-11") and listed[0].next_due_kind == "acknowledge"


def test_overdue_counts_per_landlord(great, brighter):
    log(great, "2026-05-01")
    log(great, "2026-11-20")
    log(brighter, "2026-05-01")
    counts = overdue_counts(landlords=[great.landlord, brighter.landlord], today=D("2026-11-23"))
    assert counts == {great.landlord.pk: 1, brighter.landlord.pk: 1}


def test_case_list_filters(great):
    complaint = log(great, "2026-05-01", category="Repairs")
    log(great, "2026-05-02", kind=Kind.SERVICE_REQUEST, category="Repairs")
    log(great, "2026-05-03", category="Rent")
    found = case_list(
        landlord=great.landlord, user=great.officer, filters=CaseFilters(kind="complaint", category="Repairs")
    )
    assert [c.pk for c in found] == [complaint.pk]
    overdue = case_list(
        landlord=great.landlord, user=great.officer, filters=CaseFilters(overdue=True), today=D("2026-11-23")
    )
    assert overdue.count() == 2


def test_case_list_query_count_does_not_grow_with_cases(great):
    for day in range(1, 4):
        log(great, f"2026-05-0{day}")
    with CaptureQueriesContext(connection) as few:
        [c.customer.name for c in case_list(landlord=great.landlord, user=great.officer)]
    for day in range(4, 10):
        log(great, f"2026-05-0{day}")
    with CaptureQueriesContext(connection) as many:
        [c.customer.name for c in case_list(landlord=great.landlord, user=great.officer)]
    assert len(few) == len(many)


def test_case_detail_query_count_is_fixed(great):
    case = log(great, "2026-05-01")
    with CaptureQueriesContext(connection) as queries:
        detail = case_detail(landlord=great.landlord, user=great.officer, case_id=case.pk)
        [(s.number, list(s.extensions.all()), s.handler) for s in detail.stages.all()]
        [e.actor for e in detail.timeline.all()]
    assert len(queries) <= 14


def test_complaints_about_colleagues_are_hidden_from_other_staff(great):
    case = log(great, "2026-05-01", about_colleague=True, colleagues_named="Sam")
    assert access_case_for_staff(great.officer, great.landlord, case.pk) == case
    with pytest.raises(NotFoundError):
        access_case_for_staff(great.manager, great.landlord, case.pk)
    assert case not in case_list(landlord=great.landlord, user=great.manager)


def test_nobody_reaches_another_landlords_case_by_guessing_its_id(great, brighter):
    case = log(great, "2026-05-01")
    with pytest.raises(NotPermittedError):
        access_case_for_staff(great.officer, brighter.landlord, case.pk)
    with pytest.raises(NotFoundError):
        access_case_for_staff(brighter.officer, brighter.landlord, case.pk)
    assert case_list(landlord=brighter.landlord, user=brighter.officer).count() == 0


def test_search_matches_words_literally_in_the_case_or_its_lead_customer(great):
    """Every word must appear in the case's text or its lead customer's (name, address, postcode without
    spaces); LIKE's wildcards in a word are plain characters (PostgreSQL reads trigram indexes for this)."""
    great.customer.address, great.customer.postcode = "12 Oak Road, York", "YO1 7HH"
    great.customer.save()
    damp = log(great, "2026-05-01")
    rent = services.feedback_log(
        landlord=great.landlord,
        actor=great.officer,
        kind=Kind.COMPLAINT,
        channel="email",
        received_at=at("2026-05-02"),
        customer=great.customer,
        summary="Rent up 100% in_full",
        description="Charged twice",
    )

    def found(text):
        filters = CaseFilters(search=text)
        return sorted(c.pk for c in case_list(landlord=great.landlord, user=great.officer, filters=filters))

    assert found("damp oak") == [damp.pk]  # one word in the case, one in its customer's address
    assert found("yo17hh") == sorted([damp.pk, rent.pk])
    assert found("BEDROOM mould") == [damp.pk]
    assert found("100%") == [rent.pk]
    assert found("in_full") == [rent.pk]
    assert found("%") == [rent.pk]  # not a wildcard that matches every case
    assert found("_") == [rent.pk]
    assert found("inxfull") == []
    assert found("damp twice") == []


def test_search_finds_the_lead_customer_by_their_details_as_recorded_now(great):
    """The customer's searched text is kept by the database (customers/0004), so a change made any way,
    a save or a bulk update, is found at once, in any case, and the old details no longer are."""
    damp = log(great, "2026-05-01")
    great.customer.name = "Priya Patel"
    great.customer.save()

    def found(text):
        filters = CaseFilters(search=text)
        return [c.pk for c in case_list(landlord=great.landlord, user=great.officer, filters=filters)]

    assert found("PATEL") == found("priya") == [damp.pk]
    type(great.customer).objects.filter(pk=great.customer.pk).update(
        address="9 Elm Close", postcode="LS2 9JT"
    )
    assert found("elm CLOSE") == found("ls29jt") == [damp.pk]
    great.customer.name = "Priya Shah"
    great.customer.save(update_fields=["name"])
    assert found("patel") == []


def test_a_search_page_reads_its_customers_and_handlers_for_its_cases_only(great):
    """The page's customers and handlers are read after the page is cut (two small queries at most), not
    joined to every match before they are counted; each case still has them without a query of its own."""
    for day in range(1, 31):
        log(great, f"2026-04-{day:02d}")
    cases = case_list(landlord=great.landlord, user=great.officer, filters=CaseFilters(search="damp"))
    with CaptureQueriesContext(connection) as queries:
        rows, total = page_and_total(cases, 0, 25)
        shown = [(c.customer.name, c.handler) for c in rows]
    assert (len(rows), total, len(shown)) == (25, 30, 25)
    assert len(queries.captured_queries) <= 3
    page_columns = queries.captured_queries[0]["sql"].split(" FROM ")[0]
    assert '"customers_customer"."name"' not in page_columns and '"accounts_user"' not in page_columns
