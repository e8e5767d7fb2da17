"""Cursor (keyset) pagination over a selector's ordering, stable while cases are added or change.

DRF's CursorPagination positions on the first ordering field only and cannot take a nullable field such
as `next_due`; this paginator positions on every key (so ties never repeat or skip a row) and places
cases without a running clock last, on SQLite and PostgreSQL alike. A page costs one query, whatever
its size.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from django.db.models import F, OrderBy, Q, QuerySet
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.utils.urls import replace_query_param

from putright.domain.errors import InvalidInputError

M = TypeVar("M")
"""A page's row: a model instance, or a named row of values (the worklist's)."""

DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 100


def _parse_datetime(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("a cursor's time carries its offset")
    return parsed


@dataclass(frozen=True)
class Key:
    """One ordering key. A nullable key sorts ascending with nulls last."""

    field: str
    parse: Callable[[str], Any]
    descending: bool = False
    nullable: bool = False

    def order(self, reverse: bool) -> OrderBy:
        descending = self.descending != reverse
        if self.nullable:
            return F(self.field).desc(nulls_first=True) if descending else F(self.field).asc(nulls_last=True)
        return F(self.field).desc() if descending else F(self.field).asc()

    def beyond(self, value: Any, reverse: bool) -> Q:
        """Rows strictly after `value` on this key in the direction of travel."""
        if value is None:  # nulls are last going forward, first going back
            return Q(pk__in=[]) if not reverse else Q(**{f"{self.field}__isnull": False})
        comparison = "lt" if self.descending != reverse else "gt"
        found = Q(**{f"{self.field}__{comparison}": value})
        if self.nullable and not reverse:
            found |= Q(**{f"{self.field}__isnull": True})
        return found

    def equal(self, value: Any) -> Q:
        return Q(**{f"{self.field}__isnull": True}) if value is None else Q(**{self.field: value})


DUE_THEN_NEWEST = (
    Key("next_due", date.fromisoformat, nullable=True),
    Key("received_at", _parse_datetime, descending=True),
    Key("id", int, descending=True),
)
"""case_list's order: the soonest deadline first (cases without a running clock last), then the newest."""

DUE_THEN_ID = (Key("next_due", date.fromisoformat), Key("id", int))
"""open_cases_soonest_first's order: every case has a deadline; the soonest first."""

NEWEST_ID = (Key("id", int, descending=True),)
"""The newest record first (the back office's delivery lists)."""


@dataclass(frozen=True)
class Page(Generic[M]):
    items: list[M]
    next: str | None
    previous: str | None


class CursorPagination(Generic[M]):
    def __init__(self, keys: Sequence[Key]) -> None:
        self.keys = tuple(keys)

    def paginate(
        self,
        queryset: QuerySet[Any, M],
        request: Request,
        first: Callable[[int], list[M]] | None = None,
    ) -> Page[M]:
        """A page of `queryset` in this paginator's order; `first(n)`, if given, reads the first n rows in
        that order more cheaply than the queryset (the worklist's, from SQL compiled once) for the first page."""
        size = self._page_size(request)
        position, reverse = self._decode(request.query_params.get("cursor"))
        if position is None and first is not None:
            fetched = first(size + 1)
        else:
            rows = queryset.order_by(*(k.order(reverse) for k in self.keys))
            if position is not None:
                rows = rows.filter(self._after(position, reverse))
            fetched = list(rows[: size + 1])
        more = len(fetched) > size
        items = fetched[:size]
        if reverse:
            items.reverse()
        has_next, has_previous = (True, more) if reverse else (more, position is not None)
        return Page(
            items=items,
            next=self._link(request, items[-1], False) if has_next and items else None,
            previous=self._link(request, items[0], True) if has_previous and items else None,
        )

    def _after(self, position: list[Any], reverse: bool) -> Q:
        found, same = Q(pk__in=[]), Q()
        for key, value in zip(self.keys, position, strict=True):
            found |= same & key.beyond(value, reverse)
            same &= key.equal(value)
        return found

    def _page_size(self, request: Request) -> int:
        raw = request.query_params.get("page_size")
        if raw is None:
            return DEFAULT_PAGE_SIZE
        if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE_SIZE:
            raise InvalidInputError("page_size", f"page_size is a whole number from 1 to {MAX_PAGE_SIZE}")
        return int(raw)

    def _decode(self, cursor: str | None) -> tuple[list[Any] | None, bool]:
        if not cursor:
            return None, False
        try:
            data = json.loads(base64.urlsafe_b64decode(cursor.encode("ascii")))
            values = data["p"]
            if len(values) != len(self.keys):
                raise ValueError("wrong number of keys")
            position = [None if v is None else k.parse(v) for k, v in zip(self.keys, values, strict=True)]
            return position, bool(data["r"])
        except (ValueError, TypeError, KeyError, UnicodeError, binascii.Error):
            raise InvalidInputError(
                "cursor", "the cursor is not valid; start again from the first page"
            ) from None

    def _link(self, request: Request, row: M, reverse: bool) -> str:
        values = []
        for key in self.keys:
            value = getattr(row, key.field)
            values.append(value.isoformat() if isinstance(value, date | datetime) else value)
        cursor = base64.urlsafe_b64encode(json.dumps({"p": values, "r": int(reverse)}).encode()).decode()
        return str(replace_query_param(request.build_absolute_uri(), "cursor", cursor))


def page_of(item: type[serializers.Serializer], name: str) -> type[serializers.Serializer]:
    """The response body of a page of `item` (for the OpenAPI schema)."""
    return type(
        name,
        (serializers.Serializer,),
        {
            "__doc__": "One page; follow `next` (or `previous`) for the adjacent page, null at either end.",
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": item(many=True),
        },
    )
