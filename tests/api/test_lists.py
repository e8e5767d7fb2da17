"""Case lists over HTTP: every filter, cursor pagination that neither repeats nor skips a case (ties and
cases without a running clock included), a fixed number of queries whatever the page size, the worklist
and the overdue counts."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from putright.accounts.models import Role
from putright.api.serializers import CaseOutput
from putright.cases import services
from putright.cases.models import Case
from putright.domain.lifecycle import Kind
from tests.factories import at, make_landlord, make_staff

from .conftest import DEFINITION, cases_url, client_for


def log(org, received, kind=Kind.COMPLAINT, **extra):
    return services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=kind,
        channel=extra.pop("channel", "email"),
        received_at=at(received),
        customer=org.customer,
        summary="Damp in the bedroom",
        description="Mould again",
        **extra,
    )


def references(response):
    assert response.status_code == 200, response.json()
    return [c["reference"] for c in response.json()["results"]]


def walk(client, url):
    """Follow `next` links from `url`; the references seen and the last page's body."""
    seen, body = [], None
    while url:
        response = client.get(url)
        seen += references(response)
        body = response.json()
        url = body["next"]
    return seen, body


def expected_order(cases):
    """case_list's order: soonest deadline first, cases without a clock last, then newest, then by id."""
    far = date.max
    return [
        c.reference
        for c in sorted(
            cases, key=lambda c: (c.next_due is None, c.next_due or far, -c.received_at.timestamp(), -c.pk)
        )
    ]


def test_filters(great):
    officer = client_for(great.officer)
    repairs = log(great, "2026-05-01", category="Repairs", service_area="Responsive repairs", channel="phone")
    request = log(great, "2026-05-02", kind=Kind.SERVICE_REQUEST, category="Repairs")
    today = timezone.localdate()
    rent = log(great, (today - timedelta(days=1)).isoformat(), category="Rent")  # its clock runs on
    services.complaint_acknowledge(
        landlord=great.landlord,
        actor=great.manager,
        case_id=rent.pk,
        acknowledged_on=today,
        definition=DEFINITION,
        responsible_for="Rent accounts",
    )
    url = cases_url(great)

    assert references(officer.get(url, {"kind": "complaint", "category": "Repairs"})) == [repairs.reference]
    assert references(officer.get(url, {"kind": "service_request"})) == [request.reference]
    assert references(officer.get(url, {"status": "stage1_investigating"})) == [rent.reference]
    assert set(references(officer.get(url, {"stage": 1}))) == {repairs.reference, rent.reference}
    assert references(officer.get(url, {"handler": "manager@great.test"})) == [rent.reference]
    assert references(client_for(great.manager).get(url, {"handler": "me"})) == [rent.reference]
    assert references(officer.get(url, {"handler": "me"})) == []
    assert references(officer.get(url, {"channel": "phone"})) == [repairs.reference]
    assert references(officer.get(url, {"service_area": "Responsive repairs"})) == [repairs.reference]
    assert references(officer.get(url, {"due_before": "2026-05-31"})) == [repairs.reference]
    assert references(officer.get(url, {"overdue": "true"})) == [repairs.reference]
    assert len(references(officer.get(url))) == 3

    bad = officer.get(url, {"kind": "grumble", "handler": "nobody@great.test", "due_before": "soon"})
    assert bad.status_code == 400 and bad["Content-Type"] == "application/problem+json"
    assert {e["field"] for e in bad.json()["errors"]} == {"kind", "handler", "due_before"}


def test_cursor_pagination_visits_every_case_once_in_the_selectors_order(great):
    cases = []
    for day in (1, 1, 1, 4, 5, 5, 6, 7, 8):  # ties on the deadline and on the time received
        cases.append(log(great, f"2026-05-0{day}"))
    for day in (2, 3, 3):  # no clock runs: listed last
        cases.append(log(great, f"2026-05-0{day}", kind=Kind.COMPLIMENT))
    for case in cases:
        case.refresh_from_db()
    officer = client_for(great.officer)

    seen, last = walk(officer, cases_url(great) + "?page_size=5")
    assert seen == expected_order(cases)
    assert len(seen) == len(set(seen)) == 12

    # ... and back again from the last page.
    back, url = [], last["previous"]
    while url:
        body = officer.get(url).json()
        back = [c["reference"] for c in body["results"]] + back
        url = body["previous"]
    assert back + [c["reference"] for c in last["results"]] == seen

    first = officer.get(cases_url(great), {"page_size": 5}).json()
    assert first["previous"] is None and first["next"]


@pytest.mark.parametrize("query", [{"cursor": "not-a-cursor"}, {"page_size": "0"}, {"page_size": "101"}])
def test_bad_paging_is_a_field_level_400(great, query):
    r = client_for(great.officer).get(cases_url(great), query)
    assert r.status_code == 400
    assert r.json()["errors"][0]["field"] == next(iter(query))


def test_list_queries_do_not_grow_with_the_page_size(great, django_assert_max_num_queries):
    other = make_staff(great.landlord, "other.officer@great.test", Role.FEEDBACK_OFFICER)
    for n in range(60):
        case = log(great, f"2026-{5 + n % 5:02d}-{1 + n % 28:02d}", category="Repairs")
        if n % 2:
            services.complaint_acknowledge(
                landlord=great.landlord,
                actor=other,
                case_id=case.pk,
                acknowledged_on=case.received_at.date() + timedelta(days=1),
                definition=DEFINITION,
                responsible_for="Repairs",
            )
    officer = client_for(great.officer)
    counts = {}
    for size in (5, 50):
        with CaptureQueriesContext(connection) as queries:
            r = officer.get(cases_url(great), {"page_size": size, "category": "Repairs"})
        assert len(r.json()["results"]) == size
        counts[size] = len(queries)
    assert counts[5] == counts[50], counts
    with django_assert_max_num_queries(counts[5]):
        officer.get(cases_url(great), {"page_size": 50, "cursor": r.json()["next"].split("cursor=")[1]})
    print(f"queries per list request: {counts}")


def test_worklist_soonest_first_and_mine(great):
    later, sooner = log(great, "2026-06-01"), log(great, "2026-05-01")
    log(great, "2026-05-15", kind=Kind.COMPLIMENT)
    services.complaint_acknowledge(
        landlord=great.landlord,
        actor=great.manager,
        case_id=later.pk,
        acknowledged_on=date(2026, 6, 2),
        definition=DEFINITION,
        responsible_for="Repairs",
    )
    url = f"/api/v1/landlords/{great.landlord.slug}/worklist/"
    assert references(client_for(great.officer).get(url)) == [sooner.reference, later.reference]
    assert references(client_for(great.manager).get(url, {"handler": "me"})) == [later.reference]
    seen, _ = walk(client_for(great.officer), url + "?page_size=1")
    assert seen == [sooner.reference, later.reference]


def test_worklist_rows_read_as_values_serialise_exactly_as_the_cases_do(great):
    """The worklist reads plain rows, not model instances (issue 3): the same JSON as CaseOutput of the cases,
    with and without a handler, with warnings and a customer."""
    unassigned, assigned = log(great, "2026-05-01"), log(great, "2026-06-01")
    services.complaint_acknowledge(
        landlord=great.landlord,
        actor=great.manager,
        case_id=assigned.pk,
        acknowledged_on=date(2026, 6, 2),
        definition=DEFINITION,
        responsible_for="Repairs",
    )
    great.manager.first_name, great.manager.last_name = "", ""
    great.manager.save()  # a person without a name is shown by email, as str(User) does
    body = client_for(great.officer).get(f"/api/v1/landlords/{great.landlord.slug}/worklist/").json()
    cases = [Case.objects.select_related("customer", "handler").get(pk=c.pk) for c in (unassigned, assigned)]
    assert body["results"] == CaseOutput(cases, many=True).data
    assert body["results"][1]["handler"]["name"] == great.manager.email


def test_overdue_counts_for_every_landlord_held(great, brighter):
    log(great, "2026-05-01")
    log(great, "2026-05-02")
    log(brighter, "2026-05-01")
    covering = make_staff(great.landlord, "cover@both.test", Role.FEEDBACK_OFFICER)
    make_staff(brighter.landlord, "cover@both.test", Role.BOARD)
    r = client_for(covering).get("/api/v1/overdue/")
    assert r.status_code == 200
    assert r.json() == [
        {"slug": "brighter", "name": "Brighter Places", "overdue": 1},
        {"slug": "great", "name": "Great Places", "overdue": 2},
    ]
    assert client_for(great.officer).get("/api/v1/overdue/").json() == [
        {"slug": "great", "name": "Great Places", "overdue": 2}
    ]


def test_a_landlord_with_nothing_lists_nothing(db):
    landlord = make_landlord("quiet", "Quiet Homes", "hos-code-2024", "QH")
    officer = make_staff(landlord, "officer@quiet.test", Role.FEEDBACK_OFFICER)
    body = client_for(officer).get("/api/v1/landlords/quiet/cases/").json()
    assert body == {"next": None, "previous": None, "results": []}
