"""Reads about letters, their deliveries and template versions. Each takes the landlord (and the person,
where what they may see depends on it) and returns a queryset with the joins it needs, so the number of
queries does not grow with the number of rows.

Who may see a letter: anyone who may see its case; a letter with no case (a restriction, its review, a
request for a representative's authority) to those who manage customers or restrictions. Anything else is
the same NotFoundError as a letter that does not exist.
"""

from __future__ import annotations

from django.db import models
from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When, prefetch_related_objects

from putright.accounts.models import User
from putright.accounts.permissions import can, roles_at
from putright.cases.access import visible_cases
from putright.cases.models import Case
from putright.domain.errors import NotFoundError
from putright.domain.letters import LetterKind
from putright.letters.models import Delivery, Letter, LetterTemplate
from putright.organisations.models import Landlord

CONTENT = ("body_html", "html", "text", "pdf")
"""A letter's rendered content: large, and wanted only when showing that one letter."""


def visible_letters(user: User, landlord: Landlord) -> QuerySet[Letter]:
    """The landlord's letters this person may see."""
    roles = roles_at(user, landlord)
    seen = Q(case__in=visible_cases(user, landlord))
    if can(user, landlord, "customer.manage", roles) or can(user, landlord, "restriction.manage", roles):
        seen |= Q(case__isnull=True)
    return Letter.objects.filter(seen, landlord=landlord)


def letter_for_staff(user: User, landlord: Landlord, letter_id: int) -> Letter:
    """One letter in full (its content, case, customer, template and deliveries), if this person may see
    it. The PDF, if made, is read only when asked for."""
    letter = (
        visible_letters(user, landlord)
        .select_related("landlord", "case", "customer", "template")
        .defer("pdf")
        .prefetch_related(Prefetch("deliveries", queryset=Delivery.objects.order_by("id")))
        .filter(pk=letter_id)
        .first()
    )
    if letter is None:
        raise NotFoundError(f"no letter {letter_id} at {landlord.name}")
    return letter


def with_letters(case: Case) -> Case:
    """The case with `case.letters.all()` loaded: its letters in the order they were written, each with its
    template and deliveries but without its content (two queries, however many letters and deliveries)."""
    letters = (
        Letter.objects.select_related("template")
        .defer(*CONTENT)
        .prefetch_related(Prefetch("deliveries", queryset=Delivery.objects.order_by("id")))
        .order_by("created_at", "id")
    )
    prefetch_related_objects([case], Prefetch("letters", queryset=letters))
    return case


def visible_deliveries(user: User, landlord: Landlord) -> QuerySet[Delivery]:
    """The deliveries of the letters this person may see, each with its letter, case and customer."""
    return (
        Delivery.objects.filter(landlord=landlord, letter__in=visible_letters(user, landlord))
        .select_related("letter", "letter__case", "letter__customer")
        .defer(*(f"letter__{field}" for field in CONTENT))
    )


def deliveries_with_status(user: User, landlord: Landlord, status: str) -> QuerySet[Delivery]:
    """The back office's lists (failed, uncertain, to print, retrying), newest first."""
    return visible_deliveries(user, landlord).filter(status=status).order_by("-id")


def delivery_for_staff(user: User, landlord: Landlord, delivery_id: int) -> Delivery:
    """One delivery with its letter, if this person may see the letter."""
    delivery = visible_deliveries(user, landlord).filter(pk=delivery_id).first()
    if delivery is None:
        raise NotFoundError(f"no delivery {delivery_id} at {landlord.name}")
    return delivery


def latest_templates(landlord: Landlord) -> dict[tuple[str, str], LetterTemplate]:
    """The landlord's latest saved version of each kind and variant, by (kind, variant), in one query.
    Kinds never saved are absent: `services.current_template` installs PutRight's default for those."""
    newest = (
        LetterTemplate.objects.filter(landlord=landlord, kind=OuterRef("kind"), variant=OuterRef("variant"))
        .order_by("-version")
        .values("version")[:1]
    )
    rows = (
        LetterTemplate.objects.filter(landlord=landlord, version=Subquery(newest))
        .select_related("created_by")
        .defer("body")
    )
    return {(t.kind, t.variant): t for t in rows}


def template_versions(landlord: Landlord, kind: LetterKind) -> QuerySet[LetterTemplate]:
    """Every version of the landlord's template for one kind of letter: the standard variant's, newest
    first, then the plain-language variant's."""
    standard_first = models.Case(
        When(variant=LetterTemplate.Variant.STANDARD, then=Value(0)), default=Value(1)
    )
    return (
        LetterTemplate.objects.filter(landlord=landlord, kind=kind.value)
        .select_related("created_by")
        .order_by(standard_first, "variant", "-version")
    )
