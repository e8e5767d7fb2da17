"""A worklist's first page (issue 3, bench/README.md "Worklists (issue 3)"): the same rows as
`open_cases_soonest_first`, from SQL that Django compiles once per database and shape of page instead of on
every call, with the role check inside it (`visible_in_query`) instead of a query of its own. Building and
compiling the worklist's query and the separate role check took over three times the CPU of running the query;
what is left is the query and its rows. Pages after the first (a cursor's) come from the queryset."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.models.sql import Query
from django.db.models.utils import create_namedtuple_class

from putright.accounts.models import User
from putright.cases.access import visible_in_query
from putright.cases.models import Case
from putright.cases.selectors_worklist_rows import WORKLIST_COLUMNS
from putright.organisations.models import Landlord

_LANDLORD, _USER, _HANDLER = -917_000_001, -917_000_002, -917_000_003
"""Stand-ins for the values the SQL is compiled with; each call puts its own in their places among the
parameters (no real primary key is negative)."""

_NAMES = ("id", *WORKLIST_COLUMNS)


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple[Any, ...]
    query: Query
    columns: tuple[Any, ...]
    """The selected expressions, whose converters (JSON, and SQLite's dates and times) turn the rows into
    Python values; found for each call's connection, since the compiler belongs to the one it compiled for."""


_compiled: dict[tuple[str, bool, int], _Compiled] = {}
"""Per database alias and shape: one handler's or the team's, and the page size (at most MAX_PAGE_SIZE + 1
through the API), so a few hundred small entries at most."""


def _compile(alias: str, by_handler: bool, size: int) -> _Compiled:
    cases = Case.objects.filter(visible_in_query(_USER, _LANDLORD), next_due__isnull=False)
    if by_handler:
        cases = cases.filter(handler_id=_HANDLER)
    query = cases.order_by("next_due", "id").values_list(*_NAMES)[:size].query
    compiler = query.get_compiler(using=alias)
    sql, params = compiler.as_sql()
    columns = tuple(selected[0] for selected in compiler.select[: compiler.col_count])
    return _Compiled(sql, tuple(params), query, columns)


def first_open_cases(*, landlord: Landlord, user: User, handler: User | None = None, size: int) -> list[Any]:
    """The first `size` rows of `open_cases_soonest_first` for these arguments, as the same named rows, in
    one query whose SQL is compiled once."""
    if not user.is_active:
        return []
    alias = Case.objects.db
    key = (alias, handler is not None, size)
    compiled = _compiled.get(key) or _compiled.setdefault(key, _compile(*key))
    values = {_LANDLORD: landlord.pk, _USER: user.pk, _HANDLER: None if handler is None else handler.pk}
    params = [values.get(p, p) if type(p) is int else p for p in compiled.params]
    with connections[alias].cursor() as cursor:
        cursor.execute(compiled.sql, params)
        fetched: Iterable[Any] = cursor.fetchall()
    compiler = compiled.query.get_compiler(using=alias)
    converters = compiler.get_converters(compiled.columns)
    if converters:
        fetched = compiler.apply_converters(fetched, converters)
    row, new = create_namedtuple_class(*_NAMES), tuple.__new__
    return [new(row, r) for r in fetched]
