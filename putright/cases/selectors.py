"""Reads for worklists and lists. Each takes the landlord and the person, and returns a queryset with
the joins it needs, so the number of queries does not grow with the page size."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, reduce
from operator import and_, or_
from typing import Any

from django.db import connections
from django.db.models import Count, F, Prefetch, Q, QuerySet, Value, Window, prefetch_related_objects
from django.db.models.expressions import OrderBy, RawSQL
from django.db.models.functions import Replace
from django.utils import timezone

from putright.accounts.models import User
from putright.cases.access import access_case_for_staff, visible_among, visible_cases
from putright.cases.models import Case, Extension, Stage, TimelineEvent
from putright.cases.selectors_worklist_rows import WORKLIST_COLUMNS
from putright.domain.errors import CalendarError
from putright.domain.lifecycle import Status
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_calendar

WEEK_WORKING_DAYS = 5
""""Due this week" means due after today and within this many working days of it, in the landlord's calendar."""

DUE_CHOICES = ("overdue", "today", "week")
"""Values of `CaseFilters.due`: past the next deadline, due today, or due within the coming week."""

SORT_KEYS = ("reference", "received", "next_due", "status", "kind")
"""The columns a case list may be sorted by; `CaseFilters.sort` is one of these, or "-" and one of these."""

SEARCH_MAX_WORDS = 8
WHOLE_REFERENCE = re.compile(r"[A-Za-z]{1,10}-\d{4}-\d{6}")
"""A search that is exactly a case reference (BP-2026-000042) finds that case by its index, not by scanning."""


@dataclass(frozen=True)
class CaseFilters:
    kind: str = ""
    stage: int | None = None
    status: str = ""
    handler_id: int | None = None
    due_before: date | None = None
    overdue: bool = False
    category: str = ""
    service_area: str = ""
    channel: str = ""
    contractor: str = ""
    due: str = ""
    """One of DUE_CHOICES: "overdue", "today" or "week" (after today, within WEEK_WORKING_DAYS working days)."""
    vulnerability: bool = False
    hazard: bool = False
    """Cases reporting an Awaab's Law hazard."""
    about_colleague: bool = False
    """Complaints about colleagues (only ever among the cases the person may see)."""
    search: str = ""
    """Words that must each appear in the reference, customer name, address or postcode, summary or text."""
    sort: str = ""
    """One of SORT_KEYS, "-" first for descending; unknown or empty keeps the default order."""


def week_ends(landlord: Landlord, today: date) -> date:
    """The last day of "due this week" at the landlord: WEEK_WORKING_DAYS working days after today in its
    calendar (calendar days, if the bank-holiday data has run out, rather than failing a worklist)."""
    try:
        return landlord_calendar(landlord).working_day(today, WEEK_WORKING_DAYS)
    except CalendarError:
        return today + timedelta(days=7)


CASE_SEARCH_SQL = "(reference || ' ' || summary || ' ' || description)"
"""On PostgreSQL, the case's text a search word is looked for in: exactly the expression of the trigram (pg_trgm
GIN) index of migration cases/0008, so that ILIKE '%word%' reads an index (words of three letters or more).
A customer's is `Customer.search_text`, stored lower-cased and matched with LIKE (customers/0004)."""


def search_cases(cases: QuerySet[Case], text: str, *, landlord: Landlord) -> QuerySet[Case]:
    """Cases in which every word of `text` appears (any case) in the reference, the lead customer's name,
    address or postcode (spaces ignored), the summary or the description; a whole reference finds its case.

    The same matches on every database; on PostgreSQL each word is looked up in the cases' and the
    customers' trigram indexes instead of scanning every case's text (bench/README.md, "pages").
    """
    words = text.split()[:SEARCH_MAX_WORDS]
    if not words:
        return cases
    if len(words) == 1 and WHOLE_REFERENCE.fullmatch(words[0]):
        return cases.filter(reference=words[0].upper())
    if connections[cases.db].vendor == "postgresql":
        return cases.filter(reduce(and_, (_indexed_match(word, landlord) for word in words)))
    cases = cases.alias(_postcode=Replace("customer__postcode", Value(" "), Value("")))
    return cases.filter(
        reduce(
            and_,
            (
                Q(reference__icontains=word)
                | Q(customer__name__icontains=word)
                | Q(customer__address__icontains=word)
                | Q(_postcode__icontains=word)
                | Q(summary__icontains=word)
                | Q(description__icontains=word)
                for word in words
            ),
        )
    )


def _indexed_match(word: str, landlord: Landlord) -> Q:
    """The landlord's cases whose own text, or whose lead customer's, contains the word: one set of case ids,
    the cases' from their trigram index and the customers' (through the cases' customer key) from their stored
    lower-cased text, each kept to the landlord, so that the page and its count read only the matching cases.
    LIKE on lower-cased text matches exactly what ILIKE would, without lower-casing every row it tests."""
    pattern = "%" + re.sub(r"([\\%_])", r"\\\1", word) + "%"
    return Q(
        id__in=RawSQL(
            f"SELECT id FROM cases_case WHERE landlord_id = %s AND {CASE_SEARCH_SQL} ILIKE %s "
            "UNION SELECT cases_case.id FROM cases_case "
            "JOIN customers_customer ON customers_customer.id = cases_case.customer_id "
            "WHERE customers_customer.landlord_id = %s AND customers_customer.search_text LIKE lower(%s)",
            [landlord.pk, pattern, landlord.pk, pattern],
        )
    )


_SORT_EXPRESSIONS: dict[str, F] = {
    "reference": F("reference"),
    "received": F("received_at"),
    "next_due": F("next_due"),
    "status": F("status_rank"),  # the lifecycle order, stored and indexed (case_list_by_status)
    "kind": F("kind"),
}


def _ordering(sort: str) -> list[OrderBy | str]:
    """The ORDER BY for a whitelisted sort key, with a stable tie-break; the default order otherwise."""
    descending = sort.startswith("-")
    key = sort.removeprefix("-")
    if key not in _SORT_EXPRESSIONS:
        return [F("next_due").asc(nulls_last=True), "-received_at", "-id"]
    expression = _SORT_EXPRESSIONS[key]
    if key == "next_due":  # the one column that may be empty: cases without a running clock last
        first = expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)
    else:  # never empty: a plain DESC lets PostgreSQL read an index backwards instead of sorting every case
        first = expression.desc() if descending else expression.asc()
    then: list[OrderBy | str] = [] if key == "next_due" else [F("next_due").asc(nulls_last=True)]
    return [first, *then, "-received_at", "-id"]


def case_list(
    *, landlord: Landlord, user: User, filters: CaseFilters | None = None, today: date | None = None
) -> QuerySet[Case]:
    """The cases this person may see at the landlord, filtered; soonest deadline first, then newest
    (or in the order `filters.sort` names)."""
    f = filters or CaseFilters()
    day = today or timezone.localdate()
    cases = visible_cases(user, landlord).select_related("customer", "handler")
    if f.kind:
        cases = cases.filter(kind=f.kind)
    if f.stage:
        cases = cases.filter(stage=f.stage)
    if f.status:
        cases = cases.filter(status=f.status)
    if f.handler_id:
        cases = cases.filter(handler_id=f.handler_id)
    if f.due_before:
        cases = cases.filter(next_due__lte=f.due_before)
    if f.overdue:
        cases = cases.filter(next_due__lt=today or timezone.localdate())
    if f.category:
        cases = cases.filter(category=f.category)
    if f.service_area:
        cases = cases.filter(service_area=f.service_area)
    if f.channel:
        cases = cases.filter(channel=f.channel)
    if f.contractor:
        cases = cases.filter(contractor=f.contractor)
    if f.due == "overdue":
        cases = cases.filter(next_due__lt=day)
    elif f.due == "today":
        cases = cases.filter(next_due=day)
    elif f.due == "week":
        cases = cases.filter(next_due__gt=day, next_due__lte=week_ends(landlord, day))
    flags = [
        Q(vulnerability=True) if f.vulnerability else None,
        ~Q(hazard_kind="") if f.hazard else None,
        Q(about_colleague=True) if f.about_colleague else None,
    ]
    if any(flags):
        cases = cases.filter(reduce(or_, [flag for flag in flags if flag is not None]))
    if f.search.strip():
        cases = search_cases(cases, f.search, landlord=landlord)
    return cases.order_by(*_ordering(f.sort))


def page_and_total(cases: QuerySet[Case], start: int, size: int) -> tuple[list[Case], int | None]:
    """Up to `size` cases from `start`, and how many there are in all, read in one query (COUNT(*) OVER ()):
    a search's matches are then gathered once, not once for the page and again for its count (bench/README.md,
    "pages"). The total is None when the page is empty (nothing matches, or it is past the last page).

    What `cases` joins (select_related) is read for the page's cases only, afterwards, rather than joined to
    every match before they are counted and cut (bench/README.md, "search and the year's pack")."""
    joined = _joined(cases.query.select_related)
    page = cases.select_related(None) if joined else cases
    rows = list(page.annotate(listed_in_all=Window(Count("*")))[start : start + size])
    prefetch_related_objects(rows, *joined)
    total: int | None = rows[0].listed_in_all if rows else None
    return list[Case](rows), total


def _joined(select_related: bool | dict[str, Any]) -> list[str]:
    """The relations a queryset's select_related names, as lookups ("customer", "customer__landlord")."""
    if not isinstance(select_related, dict):
        return []
    return [
        lookup
        for name, deeper in select_related.items()
        for lookup in (name, *(f"{name}__{more}" for more in _joined(deeper)))
    ]


@cache
def _worklist_rows() -> QuerySet[Case, Any]:
    """Every case as a worklist row, in worklist order, set up once: values_list() resolving 25 columns over
    two joins took longer on every call than the rest of the worklist's query building (bench/README.md,
    "Worklists (issue 3)"). Never evaluated itself: each worklist filters (and so copies) it."""
    return Case.objects.order_by("next_due", "id").values_list("id", *WORKLIST_COLUMNS, named=True)


def open_cases_soonest_first(
    *, landlord: Landlord, user: User, handler: User | None = None
) -> QuerySet[Case, Any]:
    """Cases with a running clock, the soonest deadline first: the team's (or one handler's) worklist, as
    named rows of the case's id and WORKLIST_COLUMNS (`worklist_cases` gives them the shape of a case with
    its customer and handler), not model instances, which cost more to build than the query takes."""
    cases = visible_among(_worklist_rows(), user, landlord).filter(next_due__isnull=False)
    if handler is not None:
        cases = cases.filter(handler=handler)
    return cases


def overdue_counts(*, landlords: list[Landlord], today: date | None = None) -> dict[int, int]:
    """How many cases are past their next deadline, per landlord (for people covering several)."""
    day = today or timezone.localdate()
    rows = (
        Case.objects.filter(landlord__in=landlords, next_due__lt=day)
        .values("landlord_id")
        .annotate(overdue=Count("*"))  # COUNT(*) lets PostgreSQL answer from the index alone
    )
    counts = {landlord.pk: 0 for landlord in landlords}
    counts.update({row["landlord_id"]: row["overdue"] for row in rows})
    return counts


def case_detail(*, landlord: Landlord, user: User, case_id: int) -> Case:
    """One case with its stages (and their extensions, decisions, remedies, actions), decisions and timeline."""
    case = access_case_for_staff(user, landlord, case_id)
    return (
        Case.objects.filter(pk=case.pk)
        .select_related("customer", "representative", "handler", "landlord", "linked_case")
        .prefetch_related(
            Prefetch("stages", queryset=Stage.objects.order_by("number").select_related("handler")),
            Prefetch("stages__extensions", queryset=Extension.objects.order_by("notified_on", "id")),
            "stages__decisions",
            "stages__remedies",
            "stages__actions",
            "decisions",
            Prefetch("timeline", queryset=TimelineEvent.objects.order_by("at", "id").select_related("actor")),
        )
        .get()
    )


NO_CONTACT_REPLY_DAYS = 365
"""How far back a complaint closed for no contact is looked for when the customer is heard from again."""


def closed_for_no_contact(cases: QuerySet[Case], on: date) -> QuerySet[Case]:
    """Of `cases`, the complaints closed for no contact in the 12 months before `on`, the latest first: new
    feedback from their customer may be the reply, a new complaint linked to the one closed (Brighter Places
    7.ii.e). Callers narrow `cases` to the customer (and the viewer's access) first."""
    since = on - timedelta(days=NO_CONTACT_REPLY_DAYS)
    return cases.filter(status=Status.CLOSED_NO_CONTACT.value, closed_at__date__gte=since).order_by(
        "-closed_at", "-pk"
    )
