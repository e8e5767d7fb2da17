"""Landlords, staff in every role and customers, for tests of the apps and the API."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from putright.accounts.models import Membership, Role, User
from putright.customers.models import Customer
from putright.organisations.models import Landlord, LandlordPolicy

LONDON = ZoneInfo("Europe/London")


def at(day: str, time: str = "10:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=LONDON)


def make_landlord(
    slug: str, name: str, policy: str, prefix: str, nation: str = "england-and-wales"
) -> Landlord:
    landlord = Landlord.objects.create(slug=slug, name=name, nation=nation, reference_prefix=prefix)
    LandlordPolicy.objects.create(landlord=landlord, policy_name=policy, adopted_from=date(2022, 8, 1))
    return landlord


def make_staff(landlord: Landlord, email: str, *roles: str, line_manager: User | None = None) -> User:
    user = User.objects.filter(email=email).first() or User.objects.create_user(
        email, "correct horse battery"
    )
    for role in roles:
        Membership.objects.create(user=user, landlord=landlord, role=role, line_manager=line_manager)
    return user


class Org:
    """One landlord with a person in every role and a customer."""

    def __init__(self, slug: str, name: str, policy: str, prefix: str) -> None:
        self.landlord = make_landlord(slug, name, policy, prefix)
        self.officer = make_staff(self.landlord, f"officer@{slug}.test", Role.FEEDBACK_OFFICER)
        self.manager = make_staff(self.landlord, f"manager@{slug}.test", Role.INVESTIGATING_MANAGER)
        self.director = make_staff(self.landlord, f"director@{slug}.test", Role.SENIOR_LEADER)
        self.director2 = make_staff(
            self.landlord, f"director2@{slug}.test", Role.SENIOR_LEADER, Role.INVESTIGATING_MANAGER
        )
        self.housing = make_staff(self.landlord, f"housing@{slug}.test", Role.HOUSING_MANAGER)
        self.board = make_staff(self.landlord, f"board@{slug}.test", Role.BOARD)
        self.colleague = make_staff(
            self.landlord, f"colleague@{slug}.test", Role.LINE_MANAGER, line_manager=self.manager
        )
        self.customer = Customer.objects.create(
            landlord=self.landlord, name="Alex Morgan", tenancy_reference="T-1001", email="alex@example.test"
        )
