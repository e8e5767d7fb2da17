"""Reading a raw email into what triage needs, whatever shape it arrives in.

Real mail is often broken: headers in raw 8-bit bytes or unknown charsets, missing dates and ids, HTML with
scripts, attachments inside forwarded messages, Outlook's winmail.dat. Nothing here raises on such input:
each thing that cannot be read is noted in `problems` and the rest is kept. HTML is reduced to its text
(scripts and styles dropped) because it is never shown as HTML.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import mimetypes
import posixpath
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.errors import CharsetError
from email.header import decode_header
from email.headerregistry import Address
from email.message import EmailMessage, Message
from email.utils import getaddresses, parseaddr

import html2text
from django.core.exceptions import SuspiciousFileOperation
from django.utils.text import get_valid_filename

TEXT_MAX_CHARS = 1_000_000
"""A body longer than this is cut (the raw message keeps all of it)."""
NAME_MAX_CHARS = 200
MESSAGE_ID_MAX_CHARS = 255
MAX_DEPTH = 20
"""How deep multipart nesting is read: mail programs nest a few levels, hostile mail thousands."""


@dataclass(frozen=True)
class Part:
    """An attachment or inline part, decoded."""

    name: str
    content_type: str
    data: bytes
    content_id: str = ""
    inline: bool = False


@dataclass
class ParsedEmail:
    message_id: str
    from_address: str = ""
    from_name: str = ""
    to: str = ""
    subject: str = ""
    sent_at: datetime | None = None
    text_body: str = ""
    html_text: str = ""
    content_type: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    """The first value of each header, by lower-case name, decoded."""
    attachments: list[Part] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def derived_message_id(raw: bytes) -> str:
    """A stable id for a message without one: the same bytes always give the same id."""
    return f"<sha256-{hashlib.sha256(raw).hexdigest()}@putright.invalid>"


def clean_text(text: str) -> str:
    """Text safe to store: raw 8-bit bytes the parser kept as surrogates are decoded as UTF-8 or, failing
    that, Windows-1252 (what such mail almost always is); NUL characters are dropped."""
    if any("\udc80" <= ch <= "\udcff" for ch in text):
        data = text.encode("utf-8", "surrogateescape")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", "replace")
    return text.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")


def clean_name(name: str, fallback: str) -> str:
    """A file name without folders, reduced to safe characters; `fallback` when nothing is left."""
    base = posixpath.basename(clean_text(name).replace("\\", "/")).strip()
    try:
        cleaned = get_valid_filename(base)
    except SuspiciousFileOperation:  # a name that cleans to nothing ("..", "")
        cleaned = fallback
    if len(cleaned) > NAME_MAX_CHARS:
        suffix = posixpath.splitext(cleaned)[1][:20]
        cleaned = cleaned[: NAME_MAX_CHARS - len(suffix)] + suffix
    return cleaned


def html_to_text(html: str) -> str:
    """The words of an HTML part; scripts, styles, images and link addresses dropped (the raw message
    keeps them all)."""
    converter = html2text.HTML2Text()
    converter.body_width = 0
    converter.ignore_images = True
    converter.ignore_links = True
    converter.ignore_emphasis = True
    return converter.handle(html).strip()


def _raw_header(msg: Message, name: str) -> str | None:
    for key, value in msg.raw_items() if isinstance(msg, EmailMessage) else msg.items():
        if key.lower() == name.lower():
            return str(value)
    return None


def _note(problems: list[str], problem: str) -> None:
    if problem not in problems:
        problems.append(problem)


def _word_text(data: bytes, charset: str | None) -> tuple[str, str | None]:
    """One encoded word's text and, when its declared charset could not read it, the fallback that did."""
    if charset is None:
        return data.decode("latin-1"), None
    try:
        return data.decode(charset), None
    except (LookupError, UnicodeDecodeError):
        pass
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def _fallback_words(raw: str, name: str, problems: list[str]) -> str | None:
    """Encoded words in a charset Python cannot read (it would put U+FFFD in the subject and keep raw
    bytes in a name) decoded best-effort: the declared charset, then UTF-8, then Latin-1; the header is
    noted. None when every word reads in its own charset, so the usual decoding applies."""
    try:
        words = decode_header(raw)
    except Exception:  # a malformed encoded word: the usual path keeps it as written
        return None
    if any(isinstance(word, str) for word, _ in words):  # no encoded words at all
        return None
    decoded = [_word_text(word, charset) for word, charset in words]
    used = [(c, fallback) for (_, c), (_, fallback) in zip(words, decoded, strict=True) if fallback]
    if not used:
        return None
    charset, fallback = used[0]
    _note(
        problems,
        f"The {name} header is in a character set that could not be read ({charset}); decoded as {fallback}",
    )
    return clean_text("".join(text for text, _ in decoded))


def header_text(msg: Message, name: str, problems: list[str]) -> str | None:
    """The header's first value decoded (RFC 2047 encoded words, in an unreadable charset as UTF-8 or
    Latin-1; raw 8-bit bytes as UTF-8 or Windows-1252), unfolded; None when absent."""
    raw = _raw_header(msg, name)
    if raw is None:
        return None
    if any("\udc80" <= ch <= "\udcff" for ch in raw):
        problems.append(f"The {name} header has unencoded 8-bit characters; read as UTF-8 or Windows-1252")
        value = clean_text(raw)
    elif (fallback := _fallback_words(raw, name, problems)) is not None:
        value = fallback
    else:
        try:
            value = clean_text(str(msg[name]))
        except Exception:  # the header registry refuses some malformed values: keep them as written
            problems.append(f"The {name} header could not be decoded; kept as written")
            value = clean_text(raw)
    return " ".join(value.split())


def _sender(msg: Message, problems: list[str]) -> tuple[str, str]:
    try:
        header = msg["From"]
        addresses: tuple[Address, ...] = getattr(header, "addresses", ()) if header is not None else ()
        if addresses and addresses[0].addr_spec and "@" in addresses[0].addr_spec:
            name = addresses[0].display_name
            if any(isinstance(d, CharsetError) for d in getattr(header, "defects", ())):  # like the Subject
                name = parseaddr(header_text(msg, "From", problems) or "")[0] or name
            return clean_text(addresses[0].addr_spec), clean_text(name)
    except Exception:  # a From header the registry cannot parse: fall back to the simple parser
        problems.append("The From header could not be parsed; read as plainly as possible")
    name, address = parseaddr(header_text(msg, "From", problems) or "")
    return address, name


def _sent_at(msg: Message, problems: list[str]) -> datetime | None:
    if _raw_header(msg, "Date") is None:
        return None
    try:
        value = getattr(msg["Date"], "datetime", None)
    except Exception:
        value = None
    if not isinstance(value, datetime):
        problems.append("The Date header is not a date")
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _message_id(msg: Message, raw: bytes, problems: list[str]) -> str:
    value = header_text(msg, "Message-ID", problems)
    if not value:
        problems.append("No Message-ID: one was derived from the message's bytes")
        return derived_message_id(raw)
    if len(value) > MESSAGE_ID_MAX_CHARS:
        return f"<sha256-{hashlib.sha256(value.encode()).hexdigest()}@long-id.putright.invalid>"
    return value


def _decoded(part: Message, problems: list[str]) -> str:
    """A text part's content, decoded by its charset; an unknown or wrong charset is read as UTF-8 or
    Windows-1252 instead."""
    try:
        content = part.get_content() if isinstance(part, EmailMessage) else None
        if isinstance(content, str):
            return clean_text(content)
    except Exception:  # LookupError (unknown charset) and friends
        problems.append(
            f"A {part.get_content_type()} part has an unknown charset; read as UTF-8 or Windows-1252"
        )
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    try:
        return clean_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        return clean_text(data.decode("cp1252", "replace"))


def part_text(part: Message, problems: list[str]) -> str:
    """A text part's content with plain line ends."""
    return _decoded(part, problems).replace("\r\n", "\n").strip()


def _part_bytes(part: Message, problems: list[str]) -> bytes:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        inner = inner[0] if isinstance(inner, list) and inner else inner
        try:
            return inner.as_bytes() if isinstance(inner, Message) else b""
        except Exception:  # a forwarded message too broken to write back: keep what the part held
            problems.append("A forwarded message could not be rewritten exactly; kept as text")
            return str(inner).encode("utf-8", "replace")
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        return payload
    blocks = part.get_payload()  # message/delivery-status and friends: a list of header blocks
    if isinstance(blocks, list):
        try:
            return b"\n".join(block.as_bytes() for block in blocks if isinstance(block, Message))
        except Exception:
            problems.append(f"A {part.get_content_type()} part could not be kept")
    return b""


def _leaves(msg: Message, problems: list[str], depth: int = 0) -> list[Message]:
    """Every non-multipart part, in order; a forwarded message (message/rfc822) is one leaf, kept whole.
    Parts nested deeper than any mail program makes them are left in the raw message."""
    if msg.get_content_type() == "message/rfc822" or msg.get_content_maintype() != "multipart":
        return [msg]
    parts = msg.get_payload()
    if not isinstance(parts, list):
        return []
    if depth >= MAX_DEPTH:
        problems.append(f"Parts nested more than {MAX_DEPTH} deep were not read (the raw message has them)")
        return []
    return [
        leaf for part in parts if isinstance(part, Message) for leaf in _leaves(part, problems, depth + 1)
    ]


def _attachment(part: Message, index: int, problems: list[str]) -> Part:
    content_type = clean_text(part.get_content_type())
    try:
        filename = part.get_filename()
    except Exception:
        filename = None
    if content_type == "message/rfc822":
        fallback = f"forwarded-message-{index}.eml"
    else:
        fallback = f"attachment-{index}{mimetypes.guess_extension(content_type) or '.bin'}"
    content_id = clean_text((_raw_header(part, "Content-ID") or "").strip().strip("<>"))[:255]
    disposition = (part.get_content_disposition() or "").lower()
    return Part(
        name=clean_name(filename, fallback) if filename else fallback,
        content_type=content_type[:100],
        data=_part_bytes(part, problems),
        content_id=content_id,
        inline=disposition == "inline" or (bool(content_id) and disposition != "attachment"),
    )


def _bodies(msg: EmailMessage) -> tuple[Message | None, Message | None]:
    plain = html = None
    try:
        plain = msg.get_body(preferencelist=("plain",))
        html = msg.get_body(preferencelist=("html",))
    except Exception:  # a structure get_body cannot walk: the leaves are still read as attachments
        pass
    return plain, html


def _cut(text: str, what: str, problems: list[str]) -> str:
    if len(text) > TEXT_MAX_CHARS:
        problems.append(f"The {what} was cut to {TEXT_MAX_CHARS:,} characters (the raw message has it all)")
        return text[:TEXT_MAX_CHARS]
    return text


def parse_email(raw: bytes) -> ParsedEmail:
    """Read a raw message; never raises on malformed input (what could not be read is in `problems`)."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    problems: list[str] = [f"Defect: {type(d).__name__}" for d in msg.defects][:20]
    parsed = ParsedEmail(message_id=_message_id(msg, raw, problems), problems=problems)
    parsed.from_address, parsed.from_name = _sender(msg, problems)
    to = [header_text(msg, name, problems) or "" for name in ("To", "Cc")]
    parsed.to = ", ".join(a for _, a in getaddresses([t for t in to if t]) if a)
    parsed.subject = (header_text(msg, "Subject", problems) or "")[:500]
    parsed.sent_at = _sent_at(msg, problems)
    parsed.content_type = msg.get_content_type()
    for key, _ in msg.raw_items():
        if key.lower() not in parsed.headers:
            parsed.headers[key.lower()] = header_text(msg, key, problems) or ""

    plain, html = _bodies(msg)
    if html is not None:
        parsed.html_text = _cut(html_to_text(part_text(html, problems)), "HTML text", problems)
    if plain is not None:
        parsed.text_body = _cut(part_text(plain, problems), "plain text", problems)
    elif html is not None:
        parsed.text_body = parsed.html_text
    elif msg.get_content_maintype() == "multipart" and isinstance(msg.get_payload(), str):  # no boundary
        parsed.text_body = _cut(clean_text(str(msg.get_payload())), "text", problems)
    bodies = {id(p) for p in (plain, html) if p is not None}
    leaves = [leaf for leaf in _leaves(msg, problems) if id(leaf) not in bodies]
    parsed.attachments = [_attachment(leaf, n, problems) for n, leaf in enumerate(leaves, start=1)]
    parsed.problems = [clean_text(problem) for problem in dict.fromkeys(problems)]
    return parsed
