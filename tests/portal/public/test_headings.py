"""A question page's heading is heard once: a page of several questions has its own heading, never the
first question's label again (GOV.UK question pages)."""

from __future__ import annotations

import re

import pytest

from tests.portal.public.test_validation import BEFORE_DATES
from tests.portal.public.walk import url

pytestmark = pytest.mark.django_db


def test_the_dates_page_heading_is_not_a_question_label(client, great):
    for earlier, values in BEFORE_DATES:
        assert client.post(url("great", earlier), values).status_code == 302
    page = client.get(url("great", "dates")).content.decode()
    headings = re.findall(r"<h1[^>]*>\s*(.*?)\s*</h1>", page, re.S)
    legends = re.findall(r"<legend[^>]*>\s*(.*?)\s*</legend>", page, re.S)
    assert headings == ["The dates of the problem"]
    assert legends == ["When did it happen?", "When did you find out about it?"]
    assert f"<title>{headings[0]}" in page
