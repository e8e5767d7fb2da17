"""Fixtures for email intake: files kept in a temporary folder, the corpus, and cases with known references."""

from pathlib import Path

import pytest

from putright.cases import services as case_services
from putright.cases.models import Case
from putright.domain.lifecycle import Kind
from tests.factories import at

CORPUS = Path(__file__).parent / "corpus"
MAILBOX = "complaints@brighter.test"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PUTRIGHT_MAILBOXES = ""


def corpus(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


def case_with_reference(org, reference: str) -> Case:
    case = case_services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="email",
        received_at=at("2026-11-02"),
        customer=org.customer,
        summary="Boiler not repaired",
        description="The boiler has not worked for a week.",
    )
    Case.objects.filter(pk=case.pk).update(reference=reference)
    case.refresh_from_db()
    return case


@pytest.fixture
def brighter_case(brighter):
    return case_with_reference(brighter, "BP-2026-000042")


@pytest.fixture
def great_case(great):
    return case_with_reference(great, "GP-2026-000007")
