"""Hostile input: reading any bytes at all never raises (hypothesis), and what comes out is storable."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from putright.triage.parsing import ParsedEmail, parse_email

from .conftest import CORPUS

SHAPES = [path.read_bytes() for path in sorted(CORPUS.glob("*.eml"))]


def storable(text: str) -> bool:
    text.encode("utf-8")  # no lone surrogates left over from raw 8-bit bytes
    return "\x00" not in text


def assert_storable(parsed: ParsedEmail) -> None:
    """Everything `email_ingest` writes to the database is text PostgreSQL accepts."""
    texts = [parsed.message_id, parsed.from_address, parsed.from_name, parsed.to, parsed.subject]
    texts += [parsed.text_body, parsed.html_text, *parsed.problems]
    texts += [t for part in parsed.attachments for t in (part.name, part.content_type, part.content_id)]
    assert all(storable(text) for text in texts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000))
def test_any_bytes_are_read_without_raising(raw):
    assert_storable(parse_email(raw))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SHAPES), st.integers(min_value=0, max_value=3000), st.binary(min_size=1, max_size=40))
def test_corpus_messages_with_bytes_spliced_in_are_read_without_raising(shape, at, noise):
    assert_storable(parse_email(shape[:at] + noise + shape[at:]))
