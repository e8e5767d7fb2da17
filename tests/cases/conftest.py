"""The shared fixtures live in tests/conftest.py and the builders in tests/factories.py."""

from tests.factories import LONDON, Org, at, make_landlord, make_staff

__all__ = ["LONDON", "Org", "at", "make_landlord", "make_staff"]
