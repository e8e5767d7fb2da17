"""Rendering a letter from a template version and the case's facts: HTML (email and the letter body),
plain text, and PDF on the landlord's letterhead (large print when the customer needs it); and finding
which required sections a template or a rendered letter contains."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import html2text
from django.template import Context, Engine, Template, TemplateSyntaxError
from django.template.loader import render_to_string

from putright.domain.errors import InvalidInputError
from putright.letters.templatetags.letters import SectionNode


def compile_body(body: str, field: str = "body") -> Template:
    """Compile a template body with the letters tags loaded; a syntax error is a clear input error."""
    try:
        return Engine.get_default().from_string("{% load letters %}" + body)
    except TemplateSyntaxError as exc:
        raise InvalidInputError(field, f"the template has an error: {exc}") from None


def sections_in_template(body: str) -> set[str]:
    """The section names a template body places, whatever branches they sit in."""
    nodes = compile_body(body).nodelist.get_nodes_by_type(SectionNode)
    return {node.section_name() for node in nodes if isinstance(node, SectionNode)}


class _SectionText(HTMLParser):
    """Collects the text inside each `<section data-section=...>` of a rendered letter."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str | None] = []
        self.text: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section":
            self.open.append(dict(attrs).get("data-section"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for name in self.open:
            if name:
                self.text[name] = self.text.get(name, "") + data


def sections_in_letter(html: str) -> set[str]:
    """The section names a rendered letter contains with some words in them."""
    parser = _SectionText()
    parser.feed(html)
    return {name for name, text in parser.text.items() if text.strip()}


@dataclass(frozen=True)
class Rendered:
    subject: str
    body_html: str
    """The letter's body: the template with its sections, without the letterhead."""
    email_html: str
    text: str


def render(subject: str, body: str, context: dict[str, Any]) -> Rendered:
    subject_text = compile_body(subject, "subject").render(Context(context)).strip()
    body_html = compile_body(body).render(Context(context))
    email_html = render_to_string(
        "letters/email.html", {**context, "subject": subject_text, "body": body_html}
    )
    converter = html2text.HTML2Text()
    converter.body_width = 0  # never break an email address or a link across lines
    converter.ignore_images = True
    converter.ignore_emphasis = True
    converter.ignore_links = True  # every link text in the templates is already the readable address
    text = (
        converter.handle(render_to_string("letters/text.html", {**context, "body": body_html})).strip() + "\n"
    )
    return Rendered(subject_text, body_html, email_html, text)


def pdf(rendered: Rendered, context: dict[str, Any], *, large_print: bool) -> bytes:
    """The letter as a PDF on the landlord's letterhead; large print sets the text at 18pt."""
    from weasyprint import HTML

    page = render_to_string(
        "letters/letter.html",
        {**context, "subject": rendered.subject, "body": rendered.body_html, "large_print": large_print},
    )
    return bytes(HTML(string=page).write_pdf())
