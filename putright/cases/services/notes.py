"""Internal notes and attachments on a case. Anyone who may see the case may add them, except the read-only
roles (the Member Responsible for Complaints and the Board): the same people who may log feedback
(`case.log`). Each appends a timeline event; neither is ever changed or deleted.

An attachment is checked before it is kept: its type against an allow-list, by its name's extension and by
its first bytes (a renamed program is not a PDF), and its size against `PUTRIGHT_ATTACHMENT_MAX_BYTES`. It
is stored by Django's default storage under the landlord's and the case's folder, under a random name: the
uploaded name is cleaned and kept only for display and as the name offered on download.
"""

from __future__ import annotations

import posixpath
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.text import get_valid_filename

from putright.accounts.models import User
from putright.cases.models import CaseAttachment, CaseNote
from putright.cases.services._base import authorise, locked_case, now, record
from putright.domain.errors import InvalidInputError
from putright.organisations.models import Landlord

NOTE_MAX_CHARS = 10_000
DESCRIPTION_MAX_CHARS = 300
NAME_MAX_CHARS = 200
SNIFF_BYTES = 2048


def _text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:  # a multi-byte character cut at the end of the sample is fine
        return error.start >= len(head) - 3
    return True


def _zip(head: bytes) -> bool:
    return head.startswith(b"PK\x03\x04")


@dataclass(frozen=True)
class FileType:
    label: str
    content_type: str
    looks_right: Callable[[bytes], bool]


FILE_TYPES: dict[str, FileType] = {
    ".pdf": FileType("PDF", "application/pdf", lambda h: h.startswith(b"%PDF-")),
    ".jpg": FileType("JPG", "image/jpeg", lambda h: h.startswith(b"\xff\xd8\xff")),
    ".jpeg": FileType("JPG", "image/jpeg", lambda h: h.startswith(b"\xff\xd8\xff")),
    ".png": FileType("PNG", "image/png", lambda h: h.startswith(b"\x89PNG\r\n\x1a\n")),
    ".heic": FileType("HEIC", "image/heic", lambda h: h[4:8] == b"ftyp"),
    ".docx": FileType(
        "Word (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", _zip
    ),
    ".xlsx": FileType(
        "Excel (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _zip
    ),
    ".odt": FileType("OpenDocument text (ODT)", "application/vnd.oasis.opendocument.text", _zip),
    ".txt": FileType("plain text (TXT)", "text/plain", _text),
}
"""The files PutRight keeps, by extension: documents, photographs and spreadsheets, nothing that runs."""


def allowed_types_text() -> str:
    """e.g. "PDF, JPG, PNG, ... or plain text (TXT)", for hints and error messages."""
    labels = list(dict.fromkeys(t.label for t in FILE_TYPES.values()))
    return ", ".join(labels[:-1]) + " or " + labels[-1]


def max_size_text() -> str:
    """The size limit as people say it, e.g. "20MB"."""
    limit = settings.PUTRIGHT_ATTACHMENT_MAX_BYTES
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):g}MB"
    return f"{limit / 1024:g}KB"


@transaction.atomic
def case_note_add(*, landlord: Landlord, actor: User, case_id: int, text: str) -> CaseNote:
    """Add an internal note to the case."""
    case = locked_case(landlord, case_id)
    authorise(actor, case, "case.log")
    text = text.strip()
    if not text:
        raise InvalidInputError("text", "Enter the note")
    if len(text) > NOTE_MAX_CHARS:
        raise InvalidInputError("text", f"The note must be {NOTE_MAX_CHARS:,} characters or fewer")
    note = CaseNote.objects.create(landlord=landlord, case=case, text=text, author=actor, created_at=now())
    record(case, actor, "note_added", "Added an internal note", after={"note_id": note.pk})
    return note


def clean_name(name: str) -> str:
    """The uploaded name without any folders and reduced to safe characters, e.g. "photo_1.jpg"."""
    base = posixpath.basename(name.replace("\\", "/")).strip()
    try:
        cleaned = get_valid_filename(base)
    except SuspiciousFileOperation:  # a name that cleans to nothing ("..", "")
        cleaned = "attachment"
    if len(cleaned) > NAME_MAX_CHARS:
        suffix = posixpath.splitext(cleaned)[1][:20]
        cleaned = cleaned[: NAME_MAX_CHARS - len(suffix)] + suffix
    return cleaned


def _checked_type(file: File[bytes], name: str) -> FileType:
    extension = posixpath.splitext(name)[1].lower()
    file_type = FILE_TYPES.get(extension)
    if file_type is None:
        raise InvalidInputError("file", f"The selected file must be a {allowed_types_text()}")
    if not file.size:
        raise InvalidInputError("file", "The selected file is empty")
    if file.size > settings.PUTRIGHT_ATTACHMENT_MAX_BYTES:
        raise InvalidInputError("file", f"The selected file must be smaller than {max_size_text()}")
    file.seek(0)
    head = file.read(SNIFF_BYTES)
    file.seek(0)
    if not file_type.looks_right(head):
        raise InvalidInputError(
            "file", f"The selected file is not a {file_type.label} file, whatever its name says"
        )
    return file_type


@transaction.atomic
def case_attachment_add(
    *, landlord: Landlord, actor: User, case_id: int, file: File[bytes] | None, description: str = ""
) -> CaseAttachment:
    """Keep a file with the case, after checking its type and size."""
    case = locked_case(landlord, case_id)
    authorise(actor, case, "case.log")
    if file is None:
        raise InvalidInputError("file", "Select a file")
    description = description.strip()
    if len(description) > DESCRIPTION_MAX_CHARS:
        raise InvalidInputError(
            "description", f"The description must be {DESCRIPTION_MAX_CHARS} characters or fewer"
        )
    name = clean_name(file.name or "")
    file_type = _checked_type(file, name)
    extension = posixpath.splitext(name)[1].lower()
    stored = default_storage.save(
        f"cases/landlord-{landlord.pk}/{case.reference}/{uuid.uuid4().hex}{extension}", file
    )
    try:
        attachment = CaseAttachment.objects.create(
            landlord=landlord,
            case=case,
            file=stored,
            original_name=name,
            content_type=file_type.content_type,
            size=file.size,
            description=description,
            uploaded_by=actor,
            uploaded_at=now(),
        )
        record(
            case,
            actor,
            "attachment_added",
            f"Attached {name}" + (f": {description}" if description else ""),
            after={"attachment_id": attachment.pk, "name": name, "size": file.size},
        )
    except BaseException:
        default_storage.delete(stored)
        raise
    return attachment
