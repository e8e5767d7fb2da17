"""Benchmark: working-day arithmetic and a stage's deadlines against numpy.busday_offset.

Run with `make bench`. The baseline is numpy.busday_offset called once per date with a busdaycalendar
holding the same bank holidays, measured in the same run on the same inputs (pre-converted to
datetime64, which favours the baseline). Results are checked equal before anything is timed.
"""

from __future__ import annotations

import random
import timeit
from collections.abc import Callable
from datetime import date, timedelta

import numpy as np

from putright.domain.bank_holidays import calendar_for
from putright.domain.deadlines import StageFacts, stage_deadlines
from putright.domain.profiles import default_registry

SAMPLES = 20_000
REPEATS = 7


def paired(ours: Callable[[], object], baseline: Callable[[], object], calls: int) -> tuple[float, float]:
    """Best of REPEATS runs of each, alternated so that load on the machine hits both alike (µs per call)."""
    mine, base = [], []
    for _ in range(REPEATS):
        mine.append(timeit.timeit(ours, number=1))
        base.append(timeit.timeit(baseline, number=1))
    return min(mine) / calls * 1e6, min(base) / calls * 1e6


def main() -> None:
    rng = random.Random(20261123)
    calendar = calendar_for("england-and-wales")
    holidays = np.array(sorted(calendar.bank_holidays), dtype="datetime64[D]")
    busdaycal = np.busdaycalendar(weekmask="1111100", holidays=holidays)
    first = date(2019, 1, 1)
    starts = [first + timedelta(days=rng.randrange(0, 365 * 9)) for _ in range(SAMPLES)]
    counts = [rng.choice((3, 5, 10, 20)) for _ in range(SAMPLES)]
    starts64 = [np.datetime64(d, "D") for d in starts]

    ours = [calendar.add_working_days(d, n).end for d, n in zip(starts, counts, strict=True)]
    theirs = [
        np.busday_offset(d, n, roll="backward", busdaycal=busdaycal).astype(date)
        for d, n in zip(starts64, counts, strict=True)
    ]
    assert ours == theirs, "PutRight and numpy disagree on a date"

    pairs = list(zip(starts, counts, strict=True))
    pairs64 = list(zip(starts64, counts, strict=True))
    add = calendar.add_working_days
    offset = np.busday_offset

    def putright_add() -> None:
        for d, n in pairs:
            add(d, n)

    def numpy_add() -> None:
        for d, n in pairs64:
            offset(d, n, roll="backward", busdaycal=busdaycal)

    profile = default_registry().latest("hos-code-2024")
    facts = [StageFacts(stage=1, received=d, acknowledged=d + timedelta(days=2)) for d in starts]
    facts64 = [(d, d + np.timedelta64(2, "D")) for d in starts64]

    for f, (received, acknowledged) in zip(facts[:2000], facts64[:2000], strict=True):
        result = stage_deadlines(profile, calendar, f)
        expected = (
            np.busday_offset(received, 5, roll="backward", busdaycal=busdaycal).astype(date),
            np.busday_offset(acknowledged, 10, roll="backward", busdaycal=busdaycal).astype(date),
        )
        assert (result.acknowledge_by.due, result.respond_by.due) == expected, "a stage's dates disagree"

    def putright_stage() -> None:
        for f in facts:
            stage_deadlines(profile, calendar, f)

    def numpy_stage() -> None:
        # The same two dates a stage needs: acknowledge-by (5 WD) and respond-by (10 WD from acknowledgement).
        for received, acknowledged in facts64:
            offset(received, 5, roll="backward", busdaycal=busdaycal)
            offset(acknowledged, 10, roll="backward", busdaycal=busdaycal)

    rows = [
        ("add_working_days, one date", *paired(putright_add, numpy_add, SAMPLES)),
        ("stage deadlines with explanations", *paired(putright_stage, numpy_stage, SAMPLES)),
    ]
    print(
        f"{SAMPLES} random dates 2019-2027, England and Wales; best of {REPEATS} runs; numpy {np.__version__}"
    )
    print(f"{'measure':<36} {'PutRight µs':>12} {'numpy µs':>10} {'ratio':>7}")
    for name, mine, base in rows:
        print(f"{name:<36} {mine:>12.2f} {base:>10.2f} {mine / base:>7.2f}")
    print("ratio = PutRight time / numpy time; below 1.00 is faster than the baseline.")


if __name__ == "__main__":
    main()
