"""Landlords, staff, customers and complaints for the reminder tests.

Cases come two ways: through the case services with past dates (as a real complaint would), or, where a
test needs exact stored deadlines, as rows with those deadlines set directly.
"""

from __future__ import annotations

from datetime import date
from itertools import count

import pytest

from putright.accounts.models import Role, User
from putright.cases.models import Case, Stage
from putright.customers.models import Adjustment, Customer, Restriction
from putright.domain.lifecycle import Kind
from putright.organisations.models import Landlord, LandlordPolicy
from tests.factories import at, make_staff

D = date.fromisoformat
_numbers = count(900)


class Org:
    """One landlord with staff in the roles reminders go to, and a customer."""

    def __init__(self, slug: str, name: str, policy: str, prefix: str) -> None:
        self.policy = policy
        self.landlord = Landlord.objects.create(slug=slug, name=name, reference_prefix=prefix)
        LandlordPolicy.objects.create(
            landlord=self.landlord, policy_name=policy, adopted_from=D("2022-08-01")
        )
        self.officer = make_staff(self.landlord, f"officer@{slug}.test", Role.FEEDBACK_OFFICER)
        self.officer2 = make_staff(self.landlord, f"officer2@{slug}.test", Role.FEEDBACK_OFFICER)
        self.manager = make_staff(self.landlord, f"manager@{slug}.test", Role.INVESTIGATING_MANAGER)
        self.director = make_staff(self.landlord, f"director@{slug}.test", Role.SENIOR_LEADER)
        self.housing = make_staff(self.landlord, f"housing@{slug}.test", Role.HOUSING_MANAGER)
        self.customer = Customer.objects.create(
            landlord=self.landlord, name="Alex Morgan", email="alex@example.test"
        )

    def complaint(
        self,
        *,
        status: str = "stage1_received",
        stage: int = 1,
        acknowledge_by: date,
        respond_by: date,
        acknowledged_on: date | None = None,
        responded_on: date | None = None,
        handler: User | None = None,
        close_without_contact_after: date | None = None,
        hazard_kind: str = "",
        hazard_due: dict[str, str] | None = None,
        hazard_investigation_concluded: date | None = None,
    ) -> Case:
        """A complaint whose current stage has exactly these stored deadlines (earlier stages responded)."""
        number = next(_numbers)
        case = Case.objects.create(
            landlord=self.landlord,
            reference=f"{self.landlord.reference_prefix}-2026-{number:06d}",
            kind=Kind.COMPLAINT.value,
            status=status,
            stage=stage,
            channel="phone",
            received_at=at("2026-03-02"),
            logged_at=at("2026-03-02"),
            customer=self.customer,
            summary="Leak not repaired",
            description="The kitchen has leaked since February.",
            policy_name=self.policy,
            policy_version=1,
            handler=handler,
            hazard_kind=hazard_kind,
            hazard_due=hazard_due or {},
            hazard_investigation_concluded=hazard_investigation_concluded,
        )
        for n in range(1, stage):
            Stage.objects.create(
                landlord=self.landlord,
                case=case,
                number=n,
                received_at=at("2026-03-02"),
                acknowledge_by=D("2026-03-03"),
                respond_by=D("2026-03-10"),
                acknowledged_on=D("2026-03-03"),
                responded_on=D("2026-03-10"),
            )
        Stage.objects.create(
            landlord=self.landlord,
            case=case,
            number=stage,
            received_at=at("2026-03-02"),
            acknowledge_by=acknowledge_by,
            respond_by=respond_by,
            acknowledged_on=acknowledged_on,
            responded_on=responded_on,
            handler=handler,
            close_without_contact_after=close_without_contact_after,
        )
        return case

    def restriction(self, review_by: date, status: str = "active") -> Restriction:
        return Restriction.objects.create(
            landlord=self.landlord,
            customer=self.customer,
            type="single_point_of_contact",
            reason="Repeated abusive calls",
            how_to_contact="Email the named officer",
            understanding_sought="A housing manager called to agree a way forward",
            starts_on=D("2026-01-05"),
            review_by=review_by,
            status=status,
            decided_by=self.housing,
        )

    def adjustment(self, review_by: date, ended_on: date | None = None) -> Adjustment:
        return Adjustment.objects.create(
            landlord=self.landlord,
            customer=self.customer,
            type=Adjustment.Type.LARGE_PRINT,
            agreed_on=D("2026-01-05"),
            review_by=review_by,
            ended_on=ended_on,
        )


@pytest.fixture(autouse=True)
def _tasks_run_immediately(settings):
    """Tasks run in the test's process as soon as they are enqueued."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def org(db):
    return Org("great", "Great Places", "great-places", "GP")


@pytest.fixture
def other(db):
    return Org("brighter", "Brighter Places", "brighter-places-2022", "BP")


@pytest.fixture
def run_sweep(django_capture_on_commit_callbacks):
    """Sweep as of a day, then run what the sweep left for after the commit (the notification tasks)."""
    from putright.reminders.sweep import sweep

    def run(today: str, lead_days: int = 2):
        with django_capture_on_commit_callbacks(execute=True):
            return sweep(today=D(today), lead_days=lead_days)

    return run


def told(reminder) -> set[User]:
    """Everyone notified about a reminder."""
    return {n.recipient for n in reminder.notifications.select_related("recipient")}
