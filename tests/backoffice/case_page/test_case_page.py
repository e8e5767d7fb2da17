"""The case page: who reaches it (by role, landlord and the case's sensitivity), what it shows of the
case, its stages and its customer, the timeline (capped, newest first) with a query count that does not
grow with the history, and the note and file forms with their downloads."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from putright.accounts.models import Membership, Role
from putright.backoffice.case_page.reads import TIMELINE_CAP
from putright.cases.models import Case, CaseAttachment, CaseNote
from putright.cases.services.notes import case_note_add
from putright.customers.models import Adjustment, Disability, Representative, Restriction
from putright.domain.lifecycle import Kind
from putright.letters.models import Letter
from tests.backoffice.case_page.conftest import acknowledge, log, page_url
from tests.backoffice.case_page.test_notes_service import PDF, upload
from tests.factories import make_staff

D = date.fromisoformat


def html(response) -> str:
    return response.content.decode()


# -- who may see it --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role",
    [
        Role.FEEDBACK_OFFICER,
        Role.INVESTIGATING_MANAGER,
        Role.SENIOR_LEADER,
        Role.HOUSING_MANAGER,
        Role.LINE_MANAGER,
        Role.MEMBER_RESPONSIBLE,
        Role.BOARD,
    ],
)
def test_every_role_that_may_view_cases_sees_the_page(client, great, role):
    case = log(great)
    client.force_login(make_staff(great.landlord, f"{role}@x.test", role))
    response = client.get(page_url(case))
    assert response.status_code == 200
    assert case.reference in html(response)


def test_a_complaint_about_a_colleague_is_hidden_from_most_roles(client, great):
    case = log(great, about_colleague=True, colleagues_named="Sam Jones")
    client.force_login(great.manager)
    assert client.get(page_url(case)).status_code == 404
    client.force_login(great.officer)
    response = client.get(page_url(case))
    assert response.status_code == 200
    assert "About a colleague: restricted" in html(response)


def test_another_landlords_reference_or_a_guessed_one_is_not_found(client, great, brighter):
    theirs = log(brighter)
    mine = log(great)
    client.force_login(great.officer)
    assert client.get(f"/landlords/{great.landlord.slug}/cases/{theirs.reference}/").status_code == 404
    assert client.get(page_url(theirs)).status_code == 404  # a landlord they hold no role at
    guessed = mine.reference[:-1] + ("9" if mine.reference[-1] != "9" else "8")
    assert client.get(f"/landlords/{great.landlord.slug}/cases/{guessed}/").status_code == 404


def test_signing_in_is_required(client, great):
    case = log(great)
    response = client.get(page_url(case))
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


# -- what it shows ---------------------------------------------------------------------------------------


def test_the_page_shows_the_case_its_stage_deadlines_and_their_explanations(client, great):
    case = acknowledge(great, log(great, contractor="Acme Roofing", category="Repairs"))
    client.force_login(great.officer)
    page = html(client.get(page_url(case)))
    stage = case.stages.get()
    for text in [
        case.reference,
        "Damp in the bedroom",
        "Mould has come back in the bedroom",
        "Acme Roofing",
        "Repairs",
        "Stage 1",
        "Acknowledge by",
        stage.acknowledge_by.strftime("%A %-d %B %Y"),
        stage.respond_by.strftime("%A %-d %B %Y"),
        "Why this date",
        "The leak was not repaired",  # the definition's point
        "A repair",  # and the outcome sought
        "moj-timeline__item",
        "Letter: Stage 1 acknowledgement",
    ]:
        assert text in page, text
    first_ack_line = next(line for line in stage.explanation if line.startswith("Acknowledge by"))
    assert first_ack_line.replace("'", "&#x27;") in page


def test_the_customer_panel_shows_adjustments_restrictions_and_representatives(client, great):
    customer = great.customer
    Adjustment.objects.create(
        landlord=great.landlord,
        customer=customer,
        type="large_print",
        details="18pt",
        agreed_on=D("2026-10-01"),
        review_by=D("2027-04-01"),
    )
    Adjustment.objects.create(
        landlord=great.landlord,
        customer=customer,
        type="interpreter",
        details="Polish",
        agreed_on=D("2026-01-01"),
        review_by=D("2026-07-01"),
        ended_on=D("2026-06-01"),
    )
    Restriction.objects.create(
        landlord=great.landlord,
        customer=customer,
        type="single point of contact",
        reason="Many calls a day",
        how_to_contact="Email Jo Bloggs only",
        understanding_sought="Met on 1 October",
        starts_on=D("2026-10-02"),
        review_by=D("2027-01-02"),
        decided_by=great.housing,
    )
    Representative.objects.create(
        landlord=great.landlord,
        customer=customer,
        name="Cllr Pat Lee",
        relationship="Councillor",
        basis="designated_person",
        authority="given",
    )
    Disability.objects.create(
        landlord=great.landlord, customer=customer, description="Sight loss", disclosed_on=D("2026-09-01")
    )
    case = log(great, vulnerability=True, vulnerability_note="Lives alone, recently bereaved")
    client.force_login(great.officer)
    page = html(client.get(page_url(case)))
    for text in [
        "Large print",
        "18pt",
        "Contact restriction",
        "Email Jo Bloggs only",
        "2 Jan 2027",
        "Cllr Pat Lee",
        "Authority given",
        "Lives alone, recently bereaved",
        "Sight loss",
    ]:
        assert text in page, text
    assert "Polish" not in page  # an ended adjustment
    assert f'href="/landlords/great/customers/{customer.pk}/"' in page  # the customer record

    client.force_login(great.manager)  # no disability.view
    page = html(client.get(page_url(case)))
    assert "Large print" in page
    assert "Sight loss" not in page and "Disclosed disabilities" not in page


def test_the_action_panel_is_on_the_page(client, great):
    case = log(great)
    client.force_login(great.officer)
    assert 'id="case-actions-heading"' in html(client.get(page_url(case)))


def test_queries_do_not_grow_with_the_timeline(client, great):
    case = acknowledge(great, log(great))
    client.force_login(great.officer)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page_url(case) + "?timeline=all").status_code == 200
        return len(queries)

    for i in range(3):
        case_note_add(landlord=great.landlord, actor=great.officer, case_id=case.pk, text=f"Note {i}")
    client.post(page_url(case, "attachments/"), {"attachment-file": upload()})
    few = count()
    for i in range(12):
        case_note_add(landlord=great.landlord, actor=great.officer, case_id=case.pk, text=f"More {i}")
    for _ in range(3):
        client.post(page_url(case, "attachments/"), {"attachment-file": upload()})
    letter = Letter.objects.get(case=case)
    for _ in range(3):
        letter.pk = None
        letter.save()
    assert count() == few


def test_the_timeline_is_newest_first_and_capped_with_show_all(client, great):
    case = log(great)
    for i in range(TIMELINE_CAP + 5):
        case_note_add(landlord=great.landlord, actor=great.officer, case_id=case.pk, text=f"Note number {i}.")
    client.force_login(great.officer)
    page = html(client.get(page_url(case)))
    last = TIMELINE_CAP + 4
    assert page.index(f"Note number {last}.") < page.index(f"Note number {last - 1}.")
    assert "Note number 0." not in page
    assert f"Show all {TIMELINE_CAP + 6} entries" in page
    page = html(client.get(page_url(case) + "?timeline=all"))
    assert "Note number 0." in page and "Show all" not in page


# -- notes -----------------------------------------------------------------------------------------------


def test_adding_a_note_comes_back_to_the_page_where_it_shows(client, great):
    case = log(great)
    client.force_login(great.manager)
    response = client.post(page_url(case, "notes/"), {"note-text": "Spoke to the surveyor"})
    assert response.status_code == 302
    assert response["Location"] == page_url(case) + "#timeline"
    page = html(client.get(response["Location"]))
    assert "Spoke to the surveyor" in page and "Internal note" in page and "Note added" in page


def test_an_empty_note_shows_the_error_and_keeps_nothing(client, great):
    case = log(great)
    client.force_login(great.officer)
    response = client.post(page_url(case, "notes/"), {"note-text": "  "})
    assert response.status_code == 400
    page = html(response)
    assert "There is a problem" in page and 'href="#id_note-text"' in page and "Enter the note" in page
    assert page.count("<title>Error: ") == 1
    assert not CaseNote.objects.exists()


def test_a_note_too_long_keeps_what_was_typed(client, great):
    case = log(great)
    client.force_login(great.officer)
    response = client.post(page_url(case, "notes/"), {"note-text": "Long words " * 1000})
    assert response.status_code == 400
    assert "10,000 characters or fewer" in html(response)
    assert "Long words Long words" in html(response)


def test_read_only_roles_are_offered_no_forms_and_may_not_post(client, great, _media):
    case = log(great)
    client.force_login(great.board)
    page = html(client.get(page_url(case)))
    assert "Add an internal note" not in page and "Attach a file" not in page
    assert client.post(page_url(case, "notes/"), {"note-text": "A view"}).status_code == 404
    assert client.post(page_url(case, "attachments/"), {"attachment-file": upload()}).status_code == 404
    assert not CaseNote.objects.exists() and not CaseAttachment.objects.exists()


def test_notes_on_another_landlords_case_are_not_found(client, great, brighter):
    case = log(brighter)
    make_staff(brighter.landlord, great.officer.email, Role.BOARD)  # seen there, but read only
    client.force_login(great.officer)
    assert (
        client.post(
            f"/landlords/{great.landlord.slug}/cases/{case.reference}/notes/", {"note-text": "x"}
        ).status_code
        == 404
    )
    assert client.post(page_url(case, "notes/"), {"note-text": "x"}).status_code == 404
    assert not CaseNote.objects.exists()


def test_signing_in_is_required_to_post(client, great):
    case = log(great)
    response = client.post(page_url(case, "notes/"), {"note-text": "x"})
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")
    assert not CaseNote.objects.exists()


# -- attachments and downloads ---------------------------------------------------------------------------


def test_attaching_a_file_then_downloading_it(client, great):
    case = log(great)
    client.force_login(great.officer)
    response = client.post(
        page_url(case, "attachments/"),
        {"attachment-file": upload("Survey report.pdf"), "attachment-description": "Survey"},
    )
    assert response.status_code == 302
    attachment = CaseAttachment.objects.get()
    page = html(client.get(page_url(case)))
    link = page_url(case, f"attachments/{attachment.pk}/")
    assert link in page and "Survey_report.pdf" in page

    client.force_login(great.board)  # anyone who may see the case may download
    download = client.get(link)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="Survey_report.pdf"'
    assert download["Cache-Control"] == "private, no-store"


def test_a_refused_file_shows_a_govuk_error(client, great):
    case = log(great)
    client.force_login(great.officer)
    response = client.post(page_url(case, "attachments/"), {"attachment-file": upload("tool.exe", b"MZ")})
    assert response.status_code == 400
    page = html(response)
    assert 'href="#id_attachment-file"' in page and "The selected file must be a PDF" in page
    assert "govuk-file-upload--error" in page
    response = client.post(page_url(case, "attachments/"), {"attachment-description": "Nothing chosen"})
    assert "Select a file" in html(response) and 'value="Nothing chosen"' in html(response)
    assert not CaseAttachment.objects.exists()


def test_files_are_served_only_to_those_who_may_see_the_case(client, great, brighter):
    hidden = log(great, about_colleague=True, colleagues_named="Sam")
    other = log(great)
    client.force_login(great.officer)
    client.post(page_url(hidden, "attachments/"), {"attachment-file": upload()})
    attachment = CaseAttachment.objects.get()
    assert client.get(page_url(hidden, f"attachments/{attachment.pk}/")).status_code == 200
    # Through another case's address: not found.
    assert client.get(page_url(other, f"attachments/{attachment.pk}/")).status_code == 404
    client.force_login(great.manager)  # may not see complaints about colleagues
    assert client.get(page_url(hidden, f"attachments/{attachment.pk}/")).status_code == 404
    client.force_login(brighter.officer)
    assert client.get(page_url(hidden, f"attachments/{attachment.pk}/")).status_code == 404
    client.logout()
    assert client.get(page_url(hidden, f"attachments/{attachment.pk}/")).status_code == 302


def test_a_letter_downloads_as_a_pdf_from_its_own_case_only(client, great):
    case = acknowledge(great, log(great))
    other = log(great)
    letter = Letter.objects.get(case=case)
    client.force_login(great.officer)
    assert page_url(case, f"letters/{letter.pk}.pdf") in html(client.get(page_url(case)))
    response = client.get(page_url(case, f"letters/{letter.pk}.pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith(f'attachment; filename="{case.reference}-')
    assert client.get(page_url(other, f"letters/{letter.pk}.pdf")).status_code == 404
    Membership.objects.filter(user=great.officer).delete()
    assert client.get(page_url(case, f"letters/{letter.pk}.pdf")).status_code == 404


def test_a_closed_complaint_shows_its_learning(client, great):
    from putright.cases import services

    case = acknowledge(great, log(great))
    services.stage_respond(
        landlord=great.landlord,
        actor=great.manager,
        case_id=case.pk,
        responded_on=D("2026-11-05"),
        outcome="upheld",
        summary="We are sorry.",
        answers=[services.PointAnswer("The leak was not repaired", "upheld", "It was late.")],
        remedies=[services.RemedyInput("apology", "We apologise", None)],
    )
    services.case_close(
        landlord=great.landlord, actor=great.officer, case_id=case.pk, lesson="Book roofers within a week"
    )
    client.force_login(great.officer)
    page = html(client.get(page_url(case)))
    for text in ["Learning", "Book roofers within a week", "We apologise", "It was late.", "Upheld"]:
        assert text in page, text


def test_linked_cases_and_group_customers_are_shown(client, great):
    from putright.cases import services
    from putright.customers.models import Customer

    neighbour = Customer.objects.create(landlord=great.landlord, name="Priya Shah", postcode="LS1 2AB")
    request = log(great, kind=Kind.SERVICE_REQUEST, summary="Roof repair")
    complaint = services.case_convert_to_complaint(
        landlord=great.landlord, actor=great.officer, case_id=request.pk
    )
    group = log(great, group_customers=(neighbour,))
    client.force_login(great.officer)
    page = html(client.get(page_url(complaint)))
    assert f'href="{page_url(request)}"' in page and "Raised from" in page
    page = html(client.get(page_url(request)))
    assert f'href="{page_url(complaint)}"' in page and "Linked cases" in page
    page = html(client.get(page_url(group)))
    assert "Also complaining" in page and "Priya Shah, LS1 2AB" in page


def test_a_linked_case_hidden_from_the_person_is_not_named(client, great):
    from putright.cases import services

    hidden = log(great, kind=Kind.SERVICE_REQUEST, about_colleague=True, colleagues_named="Sam")
    complaint = services.case_convert_to_complaint(
        landlord=great.landlord, actor=great.officer, case_id=hidden.pk
    )
    Case.objects.filter(pk=complaint.pk).update(about_colleague=False)
    client.force_login(great.manager)
    page = html(client.get(page_url(complaint)))
    assert hidden.reference not in page and "Raised from" not in page


def test_a_file_missing_from_storage_is_not_found_rather_than_an_error(client, great, _media):
    case = log(great)
    client.force_login(great.officer)
    client.post(page_url(case, "attachments/"), {"attachment-file": upload()})
    attachment = CaseAttachment.objects.get()
    (_media / attachment.file.name).unlink()
    assert client.get(page_url(case, f"attachments/{attachment.pk}/")).status_code == 404
