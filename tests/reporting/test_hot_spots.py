"""Hot spots flagged for a service review, worked by hand from the June 2025 fixture (conftest `june`) with
postcodes given to its customers, and the thresholds changed by administrators only, audited."""

from __future__ import annotations

from datetime import date

import pytest

from putright.accounts.models import AdministrationEvent, Role, User
from putright.cases.models import Case
from putright.customers.models import Customer
from putright.domain.errors import InvalidInputError, NotPermittedError
from putright.domain.tsm import DateRange
from putright.reporting.hot_spots import hot_spot_cases, hot_spot_thresholds, hot_spots
from putright.reporting.services import hot_spot_thresholds_update
from tests.factories import at, make_staff

D = date.fromisoformat
JUNE = DateRange(D("2025-06-01"), D("2025-06-30"))


@pytest.fixture
def june_places(june, great, brighter):
    return give_places(great)


def give_places(great) -> dict[str, Case]:
    """After `build_june`: P1, P2 and P8 are Alex Morgan's (postcode "bn14ab": sector BN1 4); P3 is Sam Lee's (BN2 1AA); P6 and
    P7 are Jo Bell's, whose postcode "BN1" is too short for a sector. In June: Property services received P1
    and P2 and responded to both (P1 upheld, P2 not); BN1 4 received P1 and P2 and responded to P1 (upheld),
    P2 (not upheld) and P8 at stage 2 (partly upheld). Brighter Places' June complaint is in Property
    services too, and never counted."""
    Customer.objects.filter(pk=great.customer.pk).update(postcode="bn14ab")
    sam = Customer.objects.create(landlord=great.landlord, name="Sam Lee", postcode="BN2 1AA")
    jo = Customer.objects.create(landlord=great.landlord, name="Jo Bell", postcode="BN1")
    cases = {name: Case.objects.get(landlord=great.landlord, received_at=at(day)) for name, day in PLACES}
    Case.objects.filter(pk=cases["P3"].pk).update(customer=sam)
    Case.objects.filter(pk__in=[cases["P6"].pk, cases["P7"].pk]).update(customer=jo)
    Case.objects.exclude(landlord=great.landlord).update(service_area="Property services")
    return cases


PLACES = (
    ("P1", "2025-06-02"),
    ("P2", "2025-06-03"),
    ("P3", "2025-06-10"),
    ("P6", "2025-05-20"),
    ("P7", "2025-04-01"),
    ("P8", "2025-05-01"),
)


def administrator(great):
    return User.objects.filter(email="admin@great.test").first() or make_staff(
        great.landlord, "admin@great.test", Role.ADMINISTRATOR
    )


def set_thresholds(great, complaints: int, share: int, responses: int) -> None:
    admin = administrator(great)
    hot_spot_thresholds_update(
        landlord=great.landlord,
        actor=admin,
        complaints_at_least=complaints,
        upheld_share_at_least=share,
        responses_at_least=responses,
    )


def flagged(great):
    return [
        (h.breakdown, h.value, h.received, h.responses, h.upheld, h.by_volume, h.by_upheld)
        for h in hot_spots(great.landlord, JUNE).rows
    ]


def test_nothing_is_a_hot_spot_under_the_default_thresholds(june_places, great):
    assert hot_spot_thresholds(great.landlord) == hot_spots(great.landlord, JUNE).thresholds
    assert (hot_spot_thresholds(great.landlord).complaints_at_least, flagged(great)) == (10, [])


def test_hot_spots_at_or_above_the_complaints_threshold_or_the_upheld_share(june_places, great):
    set_thresholds(great, complaints=2, share=50, responses=2)
    assert flagged(great) == [
        # 2 received; 1 of 2 responses upheld is 50%, at the threshold.
        ("service_area", "Property services", 2, 2, 1, True, True),
        # Acme (1 complaint) and Neighbourhoods (1, no responses) are under both.
        # BN1 4: 2 received; P1 upheld and P8 partly upheld of 3 responses (66.7%). BN2 1 has 1 complaint.
        ("estate", "BN1 4", 2, 3, 2, True, True),
    ]


def test_the_upheld_share_counts_only_with_enough_responses(june_places, great):
    set_thresholds(great, complaints=3, share=66, responses=3)
    assert flagged(great) == [("estate", "BN1 4", 2, 3, 2, False, True)]
    set_thresholds(great, complaints=3, share=67, responses=3)
    assert flagged(great) == []
    set_thresholds(great, complaints=3, share=50, responses=4)
    assert flagged(great) == []


def test_hot_spots_take_two_grouped_queries_for_all_three_breakdowns(
    june_places, great, django_assert_num_queries
):
    """Received and responses each counted once by every combination of service area, contractor and estate
    (and the thresholds read), not once per breakdown: the same rows as the test above."""
    set_thresholds(great, complaints=2, share=50, responses=2)
    with django_assert_num_queries(3):
        rows = hot_spots(great.landlord, JUNE).rows
    assert [(h.breakdown, h.value, h.received, h.responses, h.upheld) for h in rows] == [
        ("service_area", "Property services", 2, 2, 1),
        ("estate", "BN1 4", 2, 3, 2),
    ]


def refs(cases):
    return sorted(c.reference for c in cases)


def test_the_cases_behind_each_hot_spot(june_places, great):
    landlord, c = great.landlord, june_places
    assert refs(hot_spot_cases(landlord, JUNE, "service_area", "Property services", "received")) == refs(
        [c["P1"], c["P2"]]
    )
    assert refs(hot_spot_cases(landlord, JUNE, "estate", "BN1 4", "responses")) == refs(
        [c["P1"], c["P2"], c["P8"]]
    )
    assert refs(hot_spot_cases(landlord, JUNE, "estate", "BN2 1", "received")) == refs([c["P3"]])
    assert refs(hot_spot_cases(landlord, JUNE, "contractor", "Acme", "responses")) == refs([c["P1"]])
    assert not hot_spot_cases(landlord, JUNE, "handler", "x", "received").exists()
    assert not hot_spot_cases(landlord, JUNE, "service_area", "", "received").exists()


def test_thresholds_are_changed_by_administrators_only_and_audited(great):
    with pytest.raises(NotPermittedError):
        hot_spot_thresholds_update(
            landlord=great.landlord,
            actor=great.director,
            complaints_at_least=3,
            upheld_share_at_least=40,
            responses_at_least=2,
        )
    set_thresholds(great, complaints=3, share=40, responses=2)
    event = AdministrationEvent.objects.get(landlord=great.landlord, kind="reporting.hot_spot_thresholds")
    assert event.summary == (
        "Board pack hot spots: 3 or more complaints, or 40% or more upheld of at least 2 responses"
    )
    assert event.before == {"complaints_at_least": 10, "upheld_share_at_least": 50, "responses_at_least": 5}
    assert event.after == {"complaints_at_least": 3, "upheld_share_at_least": 40, "responses_at_least": 2}


@pytest.mark.parametrize(
    "limits, field",
    [
        ((0, 50, 5), "complaints_at_least"),
        ((10, 101, 5), "upheld_share_at_least"),
        ((10, 50, 0), "responses_at_least"),
    ],
)
def test_thresholds_out_of_range_are_refused_naming_the_field_and_change_nothing(great, limits, field):
    admin = make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR)
    complaints, share, responses = limits
    with pytest.raises(InvalidInputError) as error:
        hot_spot_thresholds_update(
            landlord=great.landlord,
            actor=admin,
            complaints_at_least=complaints,
            upheld_share_at_least=share,
            responses_at_least=responses,
        )
    assert error.value.field == field
    assert hot_spot_thresholds(great.landlord).complaints_at_least == 10
    assert not AdministrationEvent.objects.filter(kind="reporting.hot_spot_thresholds").exists()
