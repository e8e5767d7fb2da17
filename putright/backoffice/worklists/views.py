"""My work, team work and the case list: pages over the landlord-scoped selectors, nothing more.

Every page works without JavaScript: the worklist toggle, the filters, sorting and paging are plain links
and GET forms. The reads (and every rule about who sees what) live in putright/cases/worklists.py and
putright/cases/selectors.py.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from putright.accounts.models import User
from putright.accounts.permissions import landlords_for
from putright.backoffice.auth.access import staff_required
from putright.backoffice.worklists.forms import SORT_CHOICES, CaseListForm
from putright.cases import selectors
from putright.cases.models import Case
from putright.cases.worklists import (
    MINE,
    SECTION_KEYS,
    TEAM,
    Section,
    Worklist,
    case_list_choices,
    worklist,
)
from putright.domain.errors import NotFoundError
from putright.domain.lifecycle import Kind, Status
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_for_user
from putright.reporting.exports import cell_safe

PAGE_SIZE = 25

CASE_LIST_LINKS = {"overdue": "overdue", "due_today": "today", "due_this_week": "week"}
"""Worklist sections that the case list's "Next deadline" filter reproduces exactly (in team work)."""

STATUS_COLOURS = {
    Status.STAGE1_RECEIVED: "blue",
    Status.STAGE1_INVESTIGATING: "light-blue",
    Status.STAGE1_RESPONDED: "turquoise",
    Status.STAGE2_REQUESTED: "purple",
    Status.STAGE2_INVESTIGATING: "pink",
    Status.STAGE2_RESPONDED: "green",
    Status.OPEN: "blue",
    Status.ACKNOWLEDGED: "light-blue",
    Status.PASSED_ON: "green",
    Status.RESOLVED: "green",
    Status.CONVERTED: "grey",
    Status.CLOSED: "grey",
    Status.NOT_ACCEPTED: "grey",
    Status.WITHDRAWN: "grey",
    Status.CLOSED_NO_CONTACT: "grey",
}

SORTABLE = [
    ("reference", "Reference"),
    ("kind", "Kind"),
    ("status", "Status"),
    ("received", "Received"),
    ("next_due", "Next due"),
]


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # staff_required
    return user


def _landlord(user: User, slug: str) -> Landlord:
    """The landlord, if the person holds a role there; otherwise 404, the same as an unknown slug."""
    try:
        return landlord_for_user(user, slug)
    except NotFoundError:
        raise Http404("No such landlord among yours") from None


def _query(params: QueryDict, **changes: str | None) -> str:
    """The query string with `changes` applied (None removes a key), empty values dropped."""
    query = params.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value:
            query[key] = value
    for key in list(query.keys()):
        values = [v for v in query.getlist(key) if v]
        if values:
            query.setlist(key, values)
        else:
            query.pop(key)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


# -- my work and team work -------------------------------------------------------------------------------


@staff_required
def my_work(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    view = TEAM if request.GET.get("view") == TEAM else MINE
    landlords = landlords_for(user)
    slug = request.GET.get("landlord", "")
    chosen = [landlord for landlord in landlords if landlord.slug == slug] if slug else landlords
    if slug and not chosen:
        raise Http404("No such landlord among yours")
    show = request.GET.get("show", "")
    work = worklist(user=user, landlords=chosen, view=view, expand=show if show in SECTION_KEYS else "")
    single = chosen[0] if len(chosen) == 1 else None
    cards = [
        Card(
            section,
            case_list_url=f"{reverse('backoffice:case-list', args=[single.slug])}?due={CASE_LIST_LINKS[section.key]}"
            if single is not None and view == TEAM and section.key in CASE_LIST_LINKS
            else "",
            show_all_query=f"{_query(request.GET, show=section.key)}#{section.key}" if section.more else "",
            expanded=section.key == show,
        )
        for section in work.sections
    ]
    return render(
        request,
        "backoffice/worklists/my_work.html",
        {
            "work": work,
            "view": view,
            "landlords": landlords,
            "chosen": chosen,
            "single": single,
            "focused": bool(slug),
            "mine_query": _query(request.GET, view=None, show=None),
            "team_query": _query(request.GET, view=TEAM, show=None),
            "landlord_columns": [
                (row.landlord, _query(request.GET, landlord=row.landlord.slug, show=None))
                for row in work.per_landlord
            ],
            "cards": cards,
            "per_landlord_rows": _per_landlord_rows(work),
        },
    )


@dataclass(frozen=True)
class Card:
    section: Section
    case_list_url: str
    """The case list filtered to exactly this section's cases, where it can be."""
    show_all_query: str
    """The link that lists this section in full (when it has more than the page shows)."""
    expanded: bool


@dataclass(frozen=True)
class CountsRow:
    key: str
    title: str
    counts: list[int | None]
    total: int


def _per_landlord_rows(work: Worklist) -> list[CountsRow]:
    """The per-landlord counts turned round: one row per section, one column per landlord."""
    return [
        CountsRow(section.key, section.title, [row.counts[i] for row in work.per_landlord], section.count)
        for i, section in enumerate(work.sections)
    ]


# -- the case list ---------------------------------------------------------------------------------------


def _filtered(
    request: HttpRequest, slug: str
) -> tuple[Landlord, CaseListForm, selectors.CaseFilters, QuerySet[Case]]:
    user = _user(request)
    landlord = _landlord(user, slug)
    choices = case_list_choices(landlord=landlord, user=user)
    form = CaseListForm(
        request.GET,
        categories=choices.categories,
        service_areas=choices.service_areas,
        contractors=choices.contractors,
        handlers=choices.handlers,
        may_see_colleague_cases=choices.may_see_colleague_cases,
    )
    filters = form.filters()
    cases = selectors.case_list(landlord=landlord, user=user, filters=filters)
    return landlord, form, filters, cases


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    aria_sort: str
    query: str
    """The query string that sorts by this column (the other way round if it already does)."""


def _columns(params: QueryDict, sort: str) -> list[Column]:
    active, descending = (sort.removeprefix("-"), sort.startswith("-")) if sort else ("next_due", False)
    columns = []
    for key, label in SORTABLE:
        if key == active:
            aria = "descending" if descending else "ascending"
            target = key if descending else f"-{key}"
        else:
            aria, target = "none", key
        columns.append(Column(key, label, aria, _query(params, sort=target, page=None)))
    return columns


@dataclass(frozen=True)
class Row:
    case: Case
    status_colour: str
    overdue: bool
    due_today: bool


def _rows(cases: Iterable[Case], today: date) -> list[Row]:
    return [
        Row(
            case,
            STATUS_COLOURS.get(Status(case.status), "grey"),
            overdue=case.next_due is not None and case.next_due < today,
            due_today=case.next_due == today,
        )
        for case in cases
    ]


class _Counted(Paginator[Case]):
    """A paginator told how many cases there are (read with the page), so that it does not count them again."""

    def __init__(self, cases: QuerySet[Case], total: int) -> None:
        super().__init__(cases, PAGE_SIZE)
        self.total = total

    @cached_property
    def count(self) -> int:
        return self.total


def _page(cases: QuerySet[Case], filters: selectors.CaseFilters, number: str | None) -> Page[Case]:
    """The page asked for. A search reads its page and its count in one query (selectors.page_and_total);
    other lists count from an index, so they page as usual."""
    if not filters.search.strip():
        return Paginator(cases, PAGE_SIZE).get_page(number)
    wanted = int(number) if number and number.isdigit() and int(number) > 0 else 1
    rows, total = selectors.page_and_total(cases, (wanted - 1) * PAGE_SIZE, PAGE_SIZE)
    if total is None:  # nothing matches, or past the last page: count, and show the last page
        return Paginator(cases, PAGE_SIZE).get_page(number)
    page = _Counted(cases, total).get_page(wanted)
    page.object_list = rows
    return page


@staff_required
def case_list(request: HttpRequest, slug: str) -> HttpResponse:
    landlord, form, filters, cases = _filtered(request, slug)
    today = timezone.localdate()
    page = _page(cases, filters, request.GET.get("page"))
    pages = [
        {
            "number": number,
            "query": _query(request.GET, page=str(number) if number != 1 else None),
            "current": number == page.number,
        }
        if isinstance(number, int)
        else {"ellipsis": True}
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    ]
    return render(
        request,
        "backoffice/worklists/case_list.html",
        {
            "landlord": landlord,
            "form": form,
            "applied": form.applied(),
            "page": page,
            "pages": pages,
            "previous_query": _query(request.GET, page=str(page.previous_page_number()))
            if page.has_previous()
            else "",
            "next_query": _query(request.GET, page=str(page.next_page_number())) if page.has_next() else "",
            "columns": _columns(request.GET, filters.sort),
            "csv_query": _query(request.GET, page=None),
            "clear_query": _query(QueryDict(), sort=filters.sort or None),
            "rows": _rows(page.object_list, today),
            "sort": filters.sort,
            "sort_choices": SORT_CHOICES,
        },
    )


# -- CSV export ------------------------------------------------------------------------------------------

CSV_HEADER = [
    "Reference",
    "Kind",
    "Status",
    "Stage",
    "Received",
    "Next due",
    "Handler",
    "Customer",
    "Category",
    "Service area",
    "Contractor",
    "Channel",
    "Flags",
]


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a streaming response."""

    def write(self, value: str) -> str:
        return value


def _flags(case: Case) -> str:
    flags = []
    if case.vulnerability:
        flags.append("Vulnerable customer")
    if case.hazard_kind:
        flags.append(f"Awaab's Law hazard ({case.hazard_kind})")
    if case.about_colleague:
        flags.append("About a colleague")
    return "; ".join(flags)


def csv_rows(cases: Iterable[Case]) -> Iterator[list[str]]:
    yield CSV_HEADER
    kinds = {kind.value: kind.label.capitalize() for kind in Kind}
    for case in cases:
        row: list[object] = [
            case.reference,
            kinds.get(case.kind, case.kind),
            Status(case.status).label.capitalize(),
            case.stage or "",
            timezone.localtime(case.received_at).strftime("%Y-%m-%d %H:%M"),
            case.next_due.isoformat() if case.next_due else "",
            str(case.handler) if case.handler else "",
            case.customer.name,
            case.category,
            case.service_area,
            case.contractor,
            case.get_channel_display(),
            _flags(case),
        ]
        yield [cell_safe(cell) for cell in row]


@staff_required
def case_list_csv(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    landlord, _form, _filters, cases = _filtered(request, slug)
    writer = csv.writer(_Echo())
    lines = (writer.writerow(row) for row in csv_rows(cases.iterator(chunk_size=1000)))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    filename = f"{landlord.slug}-cases-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
