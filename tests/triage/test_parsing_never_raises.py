"""Hostile input: reading any bytes at all never raises (hypothesis), and what comes out is storable."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from putright.triage.parsing import parse_email

from .conftest import CORPUS

SHAPES = [path.read_bytes() for path in sorted(CORPUS.glob("*.eml"))]


def storable(text: str) -> bool:
    text.encode("utf-8")  # no lone surrogates left over from raw 8-bit bytes
    return "\x00" not in text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000))
def test_any_bytes_are_read_without_raising(raw):
    parsed = parse_email(raw)
    assert all(storable(t) for t in (parsed.subject, parsed.from_address, parsed.text_body, parsed.html_text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SHAPES), st.integers(min_value=0, max_value=3000), st.binary(min_size=1, max_size=40))
def test_corpus_messages_with_bytes_spliced_in_are_read_without_raising(shape, at, noise):
    parsed = parse_email(shape[:at] + noise + shape[at:])
    assert all(storable(t) for t in (parsed.subject, parsed.from_name, parsed.text_body, parsed.html_text))
    assert all(storable(a.name) for a in parsed.attachments)
