"""A worklist's first page (issue 3, bench/README.md "Worklists (issue 3)"): the same rows as
`open_cases_soonest_first`, from SQL that Django compiles once per connection and shape of page instead of on
every call, with the role check inside it (`visible_in_query`) instead of a query of its own. Building and
compiling the worklist's query and the separate role check took over three times the CPU of running the query;
what is left is the query and its rows. Pages after the first (a cursor's) come from the queryset."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.sql.compiler import SQLCompiler
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
    compiler: SQLCompiler
    """Kept for its converters (JSON, and SQLite's dates and times), which turn the rows into Python values."""


_compiled: WeakKeyDictionary[BaseDatabaseWrapper, dict[tuple[bool, int], _Compiled]] = WeakKeyDictionary()
"""Per connection (each thread has its own), per shape: one handler's or the team's, and the page size (at
most MAX_PAGE_SIZE + 1 through the API), so a few hundred small entries at most."""


def _compile(connection: BaseDatabaseWrapper, by_handler: bool, size: int) -> _Compiled:
    cases = Case.objects.filter(visible_in_query(_USER, _LANDLORD), next_due__isnull=False)
    if by_handler:
        cases = cases.filter(handler_id=_HANDLER)
    query = cases.order_by("next_due", "id").values_list(*_NAMES)[:size].query
    compiler = query.get_compiler(connection=connection)
    sql, params = compiler.as_sql()
    return _Compiled(sql, tuple(params), compiler)


def first_open_cases(*, landlord: Landlord, user: User, handler: User | None = None, size: int) -> list[Any]:
    """The first `size` rows of `open_cases_soonest_first` for these arguments, as the same named rows, in
    one query whose SQL is compiled once."""
    if not user.is_active:
        return []
    connection = connections[Case.objects.db]
    shapes = _compiled.setdefault(connection, {})
    key = (handler is not None, size)
    compiled = shapes.get(key) or shapes.setdefault(key, _compile(connection, *key))
    values = {_LANDLORD: landlord.pk, _USER: user.pk, _HANDLER: None if handler is None else handler.pk}
    params = [values.get(p, p) if type(p) is int else p for p in compiled.params]
    with connection.cursor() as cursor:
        cursor.execute(compiled.sql, params)
        fetched = cursor.fetchall()
    row, new = create_namedtuple_class(*_NAMES), tuple.__new__
    return [new(row, r) for r in compiled.compiler.results_iter(results=[fetched])]
