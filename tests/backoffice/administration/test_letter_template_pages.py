"""Letter templates: the version in use for every kind, editing with a preview written for a real case
(a plain Preview button that re-renders the page; nothing saved), saving a new version, refusals that
name the missing section, and the version history."""

from __future__ import annotations

import re

from putright.cases import services as case_services
from putright.domain.letters import LetterKind
from putright.domain.lifecycle import Kind
from putright.letters.models import LetterTemplate
from putright.letters.services import current_template
from tests.factories import at

LETTERS = "/landlords/brighter/admin/letters/"
ACK = f"{LETTERS}stage1_acknowledgement/"


def log_case(org):
    return case_services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="email",
        received_at=at("2026-11-16"),
        customer=org.customer,
        summary="Damp in the bedroom",
        description="Mould has come back",
    )


def default_ack(org) -> LetterTemplate:
    template = current_template(org.landlord, LetterKind.STAGE1_ACKNOWLEDGEMENT)
    assert template is not None
    return template


def test_the_list_shows_every_kind_of_letter(admin_client):
    body = admin_client.get(LETTERS).content.decode()
    for kind in LetterKind:
        assert f'href="{LETTERS}{kind.value}/"' in body
    row = body[body.index(f'href="{ACK}"') :]
    row = row[: row.index("</tr>")]
    assert row.count("PutRight's default") == 2  # a plain-language default exists for this one
    survey = body[body.index(f'href="{LETTERS}satisfaction_survey/"') :]
    survey = survey[: survey.index("</tr>")]
    assert "PutRight's default" in survey and "Write one" in survey


def test_the_edit_page_starts_from_the_version_in_use_and_lists_the_required_sections(admin_client, brighter):
    body = admin_client.get(ACK).content.decode()
    assert "In use: version 1" in body and "(PutRight's default)" in body
    assert "<code>complaint_definition</code>" in body and "<code>ombudsman</code>" in body
    assert "{% section &quot;complaint_definition&quot; %}" in body  # the body, in the textarea
    assert "Version history" in body


def test_preview_renders_the_unsaved_letter_for_the_latest_case_and_saves_nothing(admin_client, brighter):
    case = log_case(brighter)
    template = default_ack(brighter)
    body = template.body.replace("Thank you for telling us", "Thanks a lot for telling us")
    body += '<script>alert("x")</script>'  # an administrator's own markup stays inside the sandboxed frame
    response = admin_client.post(
        ACK, {"subject": "Your complaint {{ case.reference }}", "body": body, "action": "preview"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert f"Preview for {case.reference}" in page and f"Your complaint {case.reference}" in page
    frame = re.search(r'<iframe [^>]*sandbox=""[^>]*srcdoc="([^"]*)"></iframe>', page)
    assert frame, "the preview is a sandboxed frame"
    assert "Thanks a lot for telling us" in frame.group(1) and "&lt;script&gt;" in frame.group(1)
    assert '<script>alert("x")' not in page
    assert "Thanks a lot for telling us" in page[page.index("<textarea") :]  # what was typed is kept
    assert LetterTemplate.objects.filter(kind="stage1_acknowledgement").count() == 1


def test_preview_with_a_named_case_and_with_an_unknown_one(admin_client, brighter, great):
    case = log_case(brighter)
    other = log_case(great)
    template = default_ack(brighter)
    page = admin_client.post(
        ACK,
        {
            "subject": "S",
            "body": template.body,
            "case_reference": case.reference.lower(),
            "action": "preview",
        },
    ).content.decode()
    assert f"Preview for {case.reference}" in page
    page = admin_client.post(
        ACK, {"subject": "S", "body": template.body, "case_reference": other.reference, "action": "preview"}
    ).content.decode()
    assert f"No case {other.reference} at Brighter Places" in page and 'href="#id_case_reference"' in page


def test_preview_with_no_case_at_all_says_so(admin_client, brighter):
    template = default_ack(brighter)
    page = admin_client.post(
        ACK, {"subject": "S", "body": template.body, "action": "preview"}
    ).content.decode()
    assert "Brighter Places has no case yet to preview the letter with" in page


def test_saving_makes_a_new_version_with_a_clear_message(admin_client, admin, brighter):
    template = default_ack(brighter)
    response = admin_client.post(
        ACK,
        {"subject": "About your complaint", "body": template.body + "<p>Thank you.</p>", "action": "save"},
        follow=True,
    )
    page = response.content.decode()
    assert "Version 2 of the stage 1 acknowledgement (standard) is saved." in page
    saved = LetterTemplate.objects.get(kind="stage1_acknowledgement", version=2)
    assert saved.created_by == admin and saved.subject == "About your complaint"
    assert "In use: version 2" in page and f"by {admin}" in page


def test_a_template_missing_a_required_section_is_refused_naming_it(admin_client, brighter):
    template = default_ack(brighter)
    body = template.body.replace('{% section "ombudsman" %}', "")
    response = admin_client.post(ACK, {"subject": "About your complaint", "body": body, "action": "save"})
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error: " in page
    assert "The stage 1 acknowledgement is missing 1 required section: ombudsman" in page
    assert 'href="#id_body"' in page
    assert 'value="About your complaint"' in page
    assert LetterTemplate.objects.filter(kind="stage1_acknowledgement").count() == 1


def test_a_template_syntax_error_is_shown_on_the_letter(admin_client, brighter):
    log_case(brighter)
    template = default_ack(brighter)
    page = admin_client.post(
        ACK, {"subject": "S", "body": template.body + "{% if %}", "action": "preview"}
    ).content.decode()
    assert "The template has an error" in page and 'href="#id_body"' in page


def test_the_plain_language_variant_and_editing_from_an_older_version(admin_client, brighter):
    survey = f"{LETTERS}satisfaction_survey/"
    page = admin_client.get(f"{survey}?variant=plain").content.decode()
    assert "There is no plain-language version of this letter yet" in page
    standard = current_template(brighter.landlord, LetterKind.SATISFACTION_SURVEY)
    assert standard is not None and standard.subject in page  # the form starts from the standard letter
    response = admin_client.post(
        f"{survey}?variant=plain",
        {"subject": "Plain", "body": standard.body, "variant": "plain", "action": "save"},
    )
    assert response.status_code == 302
    assert LetterTemplate.objects.get(kind="satisfaction_survey", variant="plain").version == 1
    assert "In use: version 1" in admin_client.get(f"{survey}?variant=plain").content.decode()

    template = default_ack(brighter)
    admin_client.post(ACK, {"subject": "Second", "body": template.body, "action": "save"})
    page = admin_client.get(f"{ACK}?version=1").content.decode()
    assert "You are editing from version 1" in page
    assert admin_client.get(f"{ACK}?version=9").status_code == 404
    assert admin_client.get(f"{LETTERS}no_such_letter/").status_code == 404
    assert admin_client.get(f"{ACK}?variant=fancy").status_code == 404
