"""Internal notes and attachments: who may add them, what is refused and why, where files are kept, and
that each appends a timeline event."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from putright.cases.models import CaseAttachment, CaseNote, TimelineEvent
from putright.cases.services.notes import case_attachment_add, case_note_add, clean_name
from putright.domain.errors import InvalidInputError, NotFoundError, NotPermittedError
from tests.backoffice.case_page.conftest import log

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def upload(name: str = "survey.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def stored_files(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


# -- notes -----------------------------------------------------------------------------------------------


def test_a_note_is_kept_and_appears_on_the_timeline(great):
    case = log(great)
    note = case_note_add(
        landlord=great.landlord, actor=great.manager, case_id=case.pk, text="  Called back.  "
    )
    assert note.text == "Called back."
    assert note.author == great.manager
    event = TimelineEvent.objects.filter(case=case).order_by("-id").first()
    assert (event.kind, event.actor, event.after) == ("note_added", great.manager, {"note_id": note.pk})


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_note_is_refused(great, text):
    case = log(great)
    with pytest.raises(InvalidInputError) as refused:
        case_note_add(landlord=great.landlord, actor=great.officer, case_id=case.pk, text=text)
    assert (refused.value.field, str(refused.value)) == ("text", "Enter the note")
    assert not CaseNote.objects.exists()


def test_a_note_too_long_is_refused(great):
    case = log(great)
    with pytest.raises(InvalidInputError, match="10,000 characters or fewer"):
        case_note_add(landlord=great.landlord, actor=great.officer, case_id=case.pk, text="x" * 10_001)


def test_read_only_roles_may_not_add_notes(great):
    case = log(great)
    with pytest.raises(NotPermittedError):
        case_note_add(landlord=great.landlord, actor=great.board, case_id=case.pk, text="A view")
    assert not CaseNote.objects.exists()


def test_another_landlords_case_is_not_found(great, brighter):
    case = log(brighter)
    with pytest.raises(NotFoundError):
        case_note_add(landlord=great.landlord, actor=great.officer, case_id=case.pk, text="Hello")


def test_a_complaint_about_a_colleague_is_not_found_by_those_who_may_not_see_it(great):
    case = log(great, about_colleague=True, colleagues_named="Sam")
    with pytest.raises(NotFoundError):
        case_note_add(landlord=great.landlord, actor=great.manager, case_id=case.pk, text="Hello")
    case_note_add(landlord=great.landlord, actor=great.officer, case_id=case.pk, text="Hello")


def test_notes_are_never_changed_or_deleted(great):
    case = log(great)
    note = case_note_add(landlord=great.landlord, actor=great.officer, case_id=case.pk, text="Hello")
    note.text = "Changed"
    with pytest.raises(ValueError, match="never changed"):
        note.save()
    with pytest.raises(ValueError, match="never deleted"):
        note.delete()


# -- attachments -----------------------------------------------------------------------------------------


def test_a_file_is_stored_under_the_landlords_and_cases_folder_with_a_name_of_our_own(great, _media):
    case = log(great)
    attachment = case_attachment_add(
        landlord=great.landlord,
        actor=great.officer,
        case_id=case.pk,
        file=upload("..\\..\\Damp photo (1).pdf"),
        description=" Surveyor's report ",
    )
    folder = f"cases/landlord-{great.landlord.pk}/{case.reference}/"
    assert attachment.file.name.startswith(folder)
    assert "Damp" not in attachment.file.name and attachment.file.name.endswith(".pdf")
    assert attachment.original_name == "Damp_photo_1.pdf"
    assert (attachment.content_type, attachment.size, attachment.description) == (
        "application/pdf",
        len(PDF),
        "Surveyor's report",
    )
    assert (Path(_media) / attachment.file.name).read_bytes() == PDF
    event = TimelineEvent.objects.filter(case=case).order_by("-id").first()
    assert event.kind == "attachment_added"
    assert event.after["attachment_id"] == attachment.pk
    assert event.summary == "Attached Damp_photo_1.pdf: Surveyor's report"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("run.exe", b"MZ\x90\x00", "The selected file must be a PDF, JPG, PNG, HEIC"),
        ("report", PDF, "The selected file must be a PDF"),
        (
            "report.pdf",
            b"MZ\x90\x00 not a pdf",
            "The selected file is not a PDF file, whatever its name says",
        ),
        ("photo.png", PDF, "The selected file is not a PNG file"),
        ("notes.txt", b"\x00\x01\x02binary", "The selected file is not a plain text (TXT) file"),
        ("empty.pdf", b"", "The selected file is empty"),
    ],
)
def test_files_of_the_wrong_type_or_empty_are_refused_and_nothing_is_kept(
    great, _media, name, content, message
):
    case = log(great)
    with pytest.raises(InvalidInputError, match=message.replace("(", r"\(").replace(")", r"\)")) as refused:
        case_attachment_add(
            landlord=great.landlord, actor=great.officer, case_id=case.pk, file=upload(name, content)
        )
    assert refused.value.field == "file"
    assert not CaseAttachment.objects.exists()
    assert stored_files(Path(_media)) == []


def test_a_file_over_the_size_limit_is_refused(great, settings, _media):
    settings.PUTRIGHT_ATTACHMENT_MAX_BYTES = 1024
    case = log(great)
    with pytest.raises(InvalidInputError, match="The selected file must be smaller than 1KB"):
        case_attachment_add(
            landlord=great.landlord,
            actor=great.officer,
            case_id=case.pk,
            file=upload("big.png", PNG + b"x" * 1024),
        )
    assert stored_files(Path(_media)) == []
    small = case_attachment_add(
        landlord=great.landlord, actor=great.officer, case_id=case.pk, file=upload("small.png", PNG)
    )
    assert small.content_type == "image/png"


def test_no_file_is_refused(great):
    case = log(great)
    with pytest.raises(InvalidInputError, match="Select a file"):
        case_attachment_add(landlord=great.landlord, actor=great.officer, case_id=case.pk, file=None)


def test_read_only_roles_may_not_attach_files(great, _media):
    case = log(great)
    with pytest.raises(NotPermittedError):
        case_attachment_add(landlord=great.landlord, actor=great.board, case_id=case.pk, file=upload())
    assert stored_files(Path(_media)) == []


def test_a_file_that_cannot_be_recorded_is_not_left_behind(great, _media, monkeypatch):
    case = log(great)

    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("putright.cases.services.notes.record", fail)
    with pytest.raises(RuntimeError):
        case_attachment_add(landlord=great.landlord, actor=great.officer, case_id=case.pk, file=upload())
    assert stored_files(Path(_media)) == []


@pytest.mark.parametrize(
    ("uploaded", "cleaned"),
    [
        ("C:\\Users\\me\\letter.docx", "letter.docx"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("my photo!.JPG", "my_photo.JPG"),
        ("..", "attachment"),
        ("a" * 300 + ".pdf", "a" * 196 + ".pdf"),
    ],
)
def test_uploaded_names_are_cleaned(uploaded, cleaned):
    assert clean_name(uploaded) == cleaned
