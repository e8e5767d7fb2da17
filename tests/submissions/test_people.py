"""Who a submission is logged for: the person acting for someone is recorded as their representative (with
authority requested, nothing disclosed until staff record it), an existing customer is found rather than
duplicated, a customer under a contact restriction can still make a new, different complaint, and the case is
summed up in the person's own words (shown back to them in the portal)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from putright.customers.models import Customer, Representative
from putright.customers.services import representative_set_authority, restriction_apply
from putright.domain.lifecycle import Kind
from putright.letters.models import Letter
from putright.residents.access import resident_cases, resident_for_email
from putright.submissions.models import PublicSubmission
from putright.submissions.services import submission_file_stage, submission_receive

pytestmark = pytest.mark.django_db

FOR_JUNE = {
    "who": "representative",
    "relationship": "Daughter",
    "person_name": "June Taylor",
    "person_type": "leaseholder",
    "person_address": "4 Elm Court",
    "person_postcode": "M21 7QP",
    "person_email": "june@example.test",
    "person_phone": "",
    "authority": "consent_form",
    "kind": "complaint",
    "what_happened": "The heating has failed three times since October.",
    "issue_date": "",
    "aware_date": "",
    "outcome": "Replace the boiler",
    "adjustments": [],
    "name": "Priya Taylor",
    "email": "priya@example.test",
    "phone": "07700 900 982",
    "preferred": "phone",
}


def _receive(landlord, answers, **kwargs):
    options = {"files": [], "authority_files": [], "client_address": "203.0.113.9", **kwargs}
    submission = submission_receive(landlord=landlord, answers=answers, **options)
    assert submission.status == PublicSubmission.Status.PROCESSED, submission.error
    return submission


def test_the_person_acting_is_the_representative_and_the_person_they_act_for_the_customer(great):
    case = _receive(great.landlord, FOR_JUNE).case
    june = case.customer
    assert (june.name, june.type, june.address, june.postcode) == (
        "June Taylor",
        Customer.Type.LEASEHOLDER,
        "4 Elm Court",
        "M21 7QP",
    )
    assert (june.email, june.phone) == ("june@example.test", "")  # Priya's details stay hers
    rep = case.representative
    assert (rep.customer, rep.name, rep.relationship) == (june, "Priya Taylor", "Daughter")
    assert (rep.email, rep.phone) == ("priya@example.test", "07700 900 982")
    assert rep.basis == Representative.Basis.ASKED_BY_CUSTOMER
    assert rep.evidence == "Asked us to send the customer a consent form"


def test_a_consent_form_request_sends_the_customer_an_authority_request_letter(great):
    case = _receive(great.landlord, FOR_JUNE).case
    assert Letter.objects.filter(customer=case.customer, kind="authority_request").count() == 1


def test_uploaded_permission_is_named_as_the_evidence_and_kept_with_the_case(great):
    staged = submission_file_stage(
        landlord=great.landlord,
        file=SimpleUploadedFile("permission.pdf", b"%PDF-1.4\n"),
        field="authority_file",
    )
    answers = {**FOR_JUNE, "authority": "evidence"}
    case = _receive(great.landlord, answers, authority_files=[staged]).case
    assert case.representative.evidence == "Evidence uploaded with the online form: permission.pdf"
    assert case.representative.authority == Representative.Authority.REQUESTED
    assert [a.original_name for a in case.attachments.all()] == ["permission.pdf"]


def test_nothing_is_disclosed_to_the_representative_until_their_authority_is_recorded(great):
    others = _receive(great.landlord, {**FOR_JUNE, "person_email": "", "person_name": "Someone Else"}).case
    case = _receive(great.landlord, FOR_JUNE).case
    today = timezone.localdate()
    assert resident_for_email(great.landlord, "priya@example.test", today) is None
    representative_set_authority(
        landlord=great.landlord,
        actor=great.officer,
        representative_id=case.representative.pk,
        authority=Representative.Authority.GIVEN,
        evidence="Consent form signed by June",
    )
    priya = resident_for_email(great.landlord, "priya@example.test", today)
    assert priya is not None
    seen = list(resident_cases(great.landlord, priya, today))
    assert seen == [case] and others not in seen  # Someone Else has given Priya no authority


ALEX_HIMSELF = {
    "who": "resident",
    "kind": "complaint",
    "what_happened": "Mould in the bathroom since the roof leak.",
    "issue_date": "",
    "aware_date": "",
    "outcome": "",
    "adjustments": [],
    "name": "Alex Morgan",
    "email": "alex@example.test",
    "phone": "",
    "preferred": "email",
}


def _give_authority(org, representative, **scope):
    return representative_set_authority(
        landlord=org.landlord,
        actor=org.officer,
        representative_id=representative.pk,
        authority=Representative.Authority.GIVEN,
        evidence="Consent form signed by Alex",
        **scope,
    )


def test_a_representative_from_the_form_may_act_only_on_the_matter_they_complained_about(great):
    own = _receive(great.landlord, ALEX_HIMSELF).case
    answers = {**FOR_JUNE, "person_email": "alex@example.test", "person_name": "Alex Morgan"}
    case = _receive(great.landlord, answers).case
    assert own.customer == case.customer == great.customer
    assert case.representative.scope == (
        "The matter raised through the online form: The heating has failed three times since October."
    )
    _give_authority(great, case.representative)
    today = timezone.localdate()
    priya = resident_for_email(great.landlord, "priya@example.test", today)
    assert list(resident_cases(great.landlord, priya, today)) == [case]  # not Alex's own complaint


def test_staff_widen_a_form_representatives_authority_to_everything(great):
    own = _receive(great.landlord, ALEX_HIMSELF).case
    answers = {**FOR_JUNE, "person_email": "alex@example.test", "person_name": "Alex Morgan"}
    case = _receive(great.landlord, answers).case
    rep = _give_authority(great, case.representative, scope="")
    assert rep.scope == ""
    today = timezone.localdate()
    priya = resident_for_email(great.landlord, "priya@example.test", today)
    assert set(resident_cases(great.landlord, priya, today)) == {own, case}
    event = great.customer.events.filter(kind="representative_authority").latest("pk")
    assert event.before["scope"].startswith("The matter raised") and event.after["scope"] == ""


def test_acting_for_someone_already_on_the_records_adds_to_their_record(great):
    answers = {**FOR_JUNE, "person_email": "ALEX@example.test", "person_name": "Alex Morgan"}
    case = _receive(great.landlord, answers).case
    assert case.customer == great.customer
    assert Customer.objects.filter(landlord=great.landlord).count() == 1
    assert great.customer.representatives.get() == case.representative


def test_a_customer_under_a_contact_restriction_can_still_make_a_new_different_complaint(great):
    restriction_apply(
        landlord=great.landlord,
        actor=great.housing,
        customer_id=great.customer.pk,
        type="single-channel",
        reason="Daily calls about the same matter after it was answered.",
        how_to_contact="By email only",
        understanding_sought="A housing manager met them to agree a way forward.",
        starts_on=timezone.localdate(),
    )
    answers = {
        **{k: v for k, v in FOR_JUNE.items() if not k.startswith("person_")},
        "who": "resident",
        "what_happened": "Black mould has come back in the bedroom.",
        "name": "Alex Morgan",
        "email": "alex@example.test",
        "preferred": "email",
    }
    case = _receive(great.landlord, answers).case
    assert case.customer == great.customer
    assert case.kind == Kind.COMPLAINT.value and case.stages.get(number=1).respond_by
    assert case.representative is None
    assert any("active contact restriction (single-channel" in w for w in case.warnings)


def test_the_case_is_summed_up_in_the_persons_own_words(great):
    short = _receive(great.landlord, FOR_JUNE).case
    assert short.summary == "The heating has failed three times since October."
    long = _receive(great.landlord, {**FOR_JUNE, "what_happened": "Water  comes in. " * 20}).case
    assert long.summary == "Water comes in. " * 4 + "Water comes i..."  # spaces tidied, cut to 80
