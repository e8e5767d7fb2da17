"""Strict reading of our TOML data files (policy profiles, hazard clocks).

Every key is typed, every unknown key is reported, and every fault names the file and the key, because a
silently misread rule would put deadlines wrong for every case it governs.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable, Mapping
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from putright.domain.errors import ProfileError
from putright.domain.periods import Base, Period, Unit


def read_toml(file: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileError(f"{file}: no such file") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{file.name}: not valid TOML ({exc})") from None


T = TypeVar("T")
E = TypeVar("E", bound=Enum)


class StrictTable:
    """A TOML table read strictly: typed keys, and unknown keys reported so a typo is never ignored."""

    def __init__(self, data: Mapping[str, Any], path: str, file: Path) -> None:
        self.data = data
        self.path = path
        self.file = file
        self.used: set[str] = set()

    def fail(self, key: str, message: str) -> ProfileError:
        where = f"{self.path}.{key}" if self.path else key
        return ProfileError(f"{self.file.name}: key '{where}': {message}")

    def get(self, key: str, kind: type[T], *, default: Any = ...) -> T:
        self.used.add(key)
        if key not in self.data:
            if default is ...:
                near = difflib.get_close_matches(key, [k for k in self.data if k not in self.used], n=1)
                hint = f"; is {near[0]!r} a misspelling of it?" if near else ""
                raise self.fail(key, f"is required ({_kind_name(kind)}){hint}")
            return default  # type: ignore[no-any-return]
        value = self.data[key]
        if kind is int and isinstance(value, bool):
            raise self.fail(key, f"expected {_kind_name(kind)}, got {value!r}")
        if not isinstance(value, kind):
            raise self.fail(key, f"expected {_kind_name(kind)}, got {type(value).__name__} {value!r}")
        return value

    def text(self, key: str, *, default: Any = ...) -> str:
        value = self.get(key, str, default=default)
        if key in self.data and not value.strip():
            raise self.fail(key, "must not be empty")
        return value

    def choice(self, key: str, enum: type[E], *, default: Any = ...) -> E:
        raw = self.get(key, str, default=default)
        if isinstance(raw, Enum):
            return raw  # type: ignore[return-value]
        try:
            return enum(raw)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in enum)
            raise self.fail(key, f"{raw!r} is not one of {allowed}") from None

    def whole(self, key: str, *, minimum: int = 0, default: Any = ...) -> int:
        value = self.get(key, int, default=default)
        if value is not None and value < minimum:
            raise self.fail(key, f"must be at least {minimum}, got {value}")
        return value

    def table(self, key: str, *, optional: bool = False) -> StrictTable | None:
        raw = self.get(key, dict, default=None if optional else ...)
        if raw is None:
            return None
        return StrictTable(raw, f"{self.path}.{key}" if self.path else key, self.file)

    def tables(self, key: str) -> list[StrictTable]:
        raw = self.get(key, list, default=[])
        result = []
        for index, item in enumerate(raw):
            if not isinstance(item, dict):
                raise self.fail(f"{key}[{index}]", "expected a table")
            result.append(
                StrictTable(item, f"{self.path + '.' if self.path else ''}{key}[{index}]", self.file)
            )
        return result

    def period(
        self, key: str, *, optional: bool = False, bases: Iterable[Base] | None = None
    ) -> Period | None:
        sub = self.table(key, optional=optional)
        if sub is None:
            return None
        period = Period(
            amount=sub.whole("amount", minimum=1),
            unit=sub.choice("unit", Unit),
            base=sub.choice("from", Base),
            source=sub.text("source"),
        )
        allowed = tuple(bases or ())
        if allowed and period.base not in allowed:
            names = ", ".join(repr(b.value) for b in allowed)
            raise sub.fail("from", f"{period.base.value!r} cannot be used here; expected one of {names}")
        sub.done()
        return period

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            raise self.fail(
                unknown[0], "unknown key (check the spelling against docs/domain/policy-profiles.md)"
            )


def _kind_name(kind: type) -> str:
    return {
        str: "a string",
        int: "a whole number",
        bool: "true or false",
        dict: "a table",
        list: "a list",
        date: "a date (YYYY-MM-DD)",
    }.get(kind, kind.__name__)
