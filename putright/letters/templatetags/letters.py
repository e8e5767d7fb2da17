"""`{% section "name" %}`: one required part of a letter, written from the case's facts.

Sections are the standard wording the rules require (the Ombudsman's details, a decision on every point);
the landlord's template arranges them and adds its own words around them. Each renders inside
`<section data-section="name">`, which is how a letter's required content is checked before sending.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template.base import FilterExpression, Parser, Token
from django.template.context import Context
from django.template.loader import get_template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from putright.domain.letters import Section

register = template.Library()


class SectionNode(template.Node):
    def __init__(self, name: FilterExpression) -> None:
        self.name = name

    def section_name(self) -> str:
        """The literal section name (templates may only name sections literally)."""
        return str(self.name.var).strip("\"'")

    def render(self, context: Context) -> SafeString:
        name = self.section_name()
        values: dict[str, Any] = {str(k): v for k, v in context.flatten().items()}
        body = get_template(f"letters/sections/{name}.html").render(values)
        return format_html(
            '<section class="letter-section" data-section="{}">{}</section>', name, mark_safe(body)
        )


@register.tag("section")
def section(parser: Parser, token: Token) -> SectionNode:
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError('use {% section "name" %} with a quoted section name')
    name = bits[1][1:-1]
    known = {s.value for s in Section}
    if name not in known:
        raise template.TemplateSyntaxError(f"unknown section {name!r}; known: {', '.join(sorted(known))}")
    return SectionNode(parser.compile_filter(bits[1]))


@register.filter
def long_date(value: Any) -> str:
    """A date as UK letters write it: 9 April 2026."""
    return f"{value.day} {value:%B %Y}" if value else ""
