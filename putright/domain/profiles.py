"""Policy profiles: each landlord's complaints policy as versioned, validated data.

A profile is a TOML file in `putright/policies/`. Every timescale is a named field with its unit and the
event it runs from; every point where the policy text is ambiguous records the reading the profile takes.
A malformed file is rejected at load with a message naming the file, the key and what is wrong, because
a silently misread policy would put every deadline of a landlord wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, time
from enum import Enum
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from putright.domain.calendar import DayZero
from putright.domain.errors import ProfileError, UnknownPolicyError
from putright.domain.periods import Base, Period, Unit
from putright.domain.strict_toml import StrictTable, read_toml

POLICIES_DIR = Path(__file__).resolve().parent.parent / "policies"

CODE_FLOOR_FROM = date(2024, 4, 1)
"""The 2024 Code is statutory from this date: its floor applies to cases received from then on."""


class LateEscalation(Enum):
    """What the profile does with an escalation request made after its window."""

    DECIDE = "decide"
    """A late request goes to a decision with reasons; it is never refused automatically (Code 5.11)."""
    REFUSE = "refuse"
    """The policy's text treats its window as a limit after which escalation is refused."""


class ColleagueHandler(Enum):
    """Who investigates a complaint about an identified member of staff; never that person."""

    LINE_MANAGER = "line-manager"
    """Their line manager (a senior leader where they have none who can act)."""
    SENIOR_LEADER = "senior-leader"
    STAGE1_HANDLER = "stage1-handler"
    """Whoever may handle stage 1 (the Code sets no separate process)."""


class TimeLimitBase(Enum):
    ISSUE = "issue"
    """Counted from the date the issue occurred."""
    LATER_OF_ISSUE_AND_AWARENESS = "later-of-issue-and-awareness"
    """Counted from the later of the issue and the resident becoming aware of it (Code 2.3)."""


@dataclass(frozen=True)
class DayCounting:
    day_zero: DayZero
    cutoff: time | None
    """Under NEXT_WORKING_DAY, an event at or after this local time is deemed to happen on the next day."""
    reading: str


@dataclass(frozen=True)
class ExtensionRules:
    good_reason_above: int
    """Extensions totalling more than this many working days need a recorded good reason (0: every one)."""
    agreement_above: int | None
    """Extensions totalling more than this need both parties' agreement; None where never required."""
    usual_max: int | None
    """What the policy calls usual; informational, not enforced."""
    ombudsman_details_in_notice: bool
    notify_feedback_team: bool
    """The landlord's feedback team is told of each extension, as well as the customer (absent: false)."""
    source: str


@dataclass(frozen=True)
class StageRules:
    stage: int
    handler: str
    handler_must_differ: bool
    """Stage 2 only: never the person who handled stage 1."""
    acknowledge: Period
    respond: Period
    extension: ExtensionRules


@dataclass(frozen=True)
class Escalation:
    window: Period | None
    """The time the customer has to ask for stage 2, from the stage 1 response; None where none is set."""
    window_from_works: Period | None
    """The same window counted from completion of agreed works, where the policy offers it."""
    late_request: LateEscalation
    reason_required: bool
    source: str


@dataclass(frozen=True)
class TimeLimit:
    months: int
    counts_from: TimeLimitBase
    discretion: bool
    not_relied_on_for: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Clarification:
    window: Period | None
    source: str


@dataclass(frozen=True)
class NoContact:
    closure: Period | None
    """Time the customer is given to reply to the no-contact letter before the complaint is closed."""
    late_reply: str
    source: str


@dataclass(frozen=True)
class AdditionalIssues:
    during_stage1: str
    during_stage2: str
    incorporate_at_stage2: bool
    """Whether related issues raised during stage 2 join it (the Code) or become a new complaint (Brighter)."""
    source: str


@dataclass(frozen=True)
class ColleagueComplaints:
    acknowledge: Period | None
    respond: Period | None
    responder: str
    handler: ColleagueHandler
    handler_source: str
    stage2_review: bool
    source: str


@dataclass(frozen=True)
class Restrictions:
    review: Period
    appeal_to: str
    types: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Adjustments:
    review: Period
    """When agreed reasonable adjustments are next reviewed ("kept under active review")."""
    source: str


@dataclass(frozen=True)
class Survey:
    trigger: str
    source: str


@dataclass(frozen=True)
class Exclusion:
    code: str
    label: str
    source: str
    resident_label: str
    """The same exclusion addressed to the resident, for public pages; `label` is the staff's wording."""
    resident_instead: str
    """What the resident can do instead, in their words."""


@dataclass(frozen=True)
class ReferralBody:
    code: str
    name: str
    when: str
    """"always", or the kind of complaint it is for, e.g. "building-safety"."""
    website: str
    phone: str
    email: str
    address: str


@dataclass(frozen=True)
class Reading:
    """A point where the policy is ambiguous or silent, and the reading this profile takes."""

    topic: str
    policy_text: str
    reading: str


@dataclass(frozen=True)
class Profile:
    name: str
    title: str
    version: int
    effective_from: date
    source: str
    path: Path
    day_counting: DayCounting
    stage1: StageRules
    stage2: StageRules
    clarification: Clarification
    escalation: Escalation
    no_contact: NoContact
    additional_issues: AdditionalIssues
    time_limit: TimeLimit
    colleague_complaints: ColleagueComplaints
    restrictions: Restrictions
    adjustments: Adjustments
    survey: Survey
    exclusions: tuple[Exclusion, ...]
    referral_bodies: tuple[ReferralBody, ...]
    readings: tuple[Reading, ...]

    def stage(self, number: int) -> StageRules:
        if number == 1:
            return self.stage1
        if number == 2:
            return self.stage2
        raise ValueError(f"there are only two stages, not {number}")

    @property
    def label(self) -> str:
        return f"{self.name} version {self.version} (in force from {self.effective_from.isoformat()})"


# -- loading ---------------------------------------------------------------------------------------------


def _stage(top: StrictTable, number: int) -> StageRules:
    t = top.table(f"stage{number}")
    assert t is not None
    trigger = Base.RECEIVED if number == 1 else Base.ESCALATION_REQUESTED
    clock_bases = (trigger, Base.LOGGED, Base.ACKNOWLEDGED)
    ext = t.table("extension")
    assert ext is not None
    good = ext.whole("good_reason_above")
    agreement = ext.whole("agreement_above", default=None)
    if agreement is not None and agreement < good:
        raise ext.fail("agreement_above", f"({agreement}) must not be below good_reason_above ({good})")
    rules = ExtensionRules(
        good_reason_above=good,
        agreement_above=agreement,
        usual_max=ext.whole("usual_max", minimum=1, default=None),
        ombudsman_details_in_notice=ext.get("ombudsman_details_in_notice", bool),
        notify_feedback_team=ext.get("notify_feedback_team", bool, default=False),
        source=ext.text("source"),
    )
    ext.done()
    acknowledge = t.period("acknowledge", bases=(trigger,))
    respond = t.period("respond", bases=clock_bases)
    assert acknowledge is not None and respond is not None
    for key, period in (("acknowledge", acknowledge), ("respond", respond)):
        if period.unit is not Unit.WORKING_DAYS:
            raise t.fail(key, f"stage clocks are counted in working days, not {period.unit.value}")
    stage = StageRules(
        stage=number,
        handler=t.text("handler"),
        handler_must_differ=t.get("handler_must_differ", bool) if number == 2 else False,
        acknowledge=acknowledge,
        respond=respond,
        extension=rules,
    )
    t.done()
    return stage


def parse_profile(data: Mapping[str, Any], file: Path) -> Profile:
    """Build a profile from parsed TOML, checking every key."""
    top = StrictTable(data, "", file)
    name = top.text("name")
    if name != file.stem.split(".")[0]:
        raise top.fail("name", f"{name!r} does not match the file name {file.name!r}")

    dc = top.table("day_counting")
    assert dc is not None
    cutoff = dc.get("cutoff", time, default=None)
    day_zero = dc.choice("day_zero", DayZero)
    if cutoff is not None and day_zero is not DayZero.NEXT_WORKING_DAY:
        raise dc.fail("cutoff", "a cut-off time only applies with day_zero = 'next-working-day'")
    day_counting = DayCounting(day_zero, cutoff, dc.text("reading"))
    dc.done()

    stage1, stage2 = _stage(top, 1), _stage(top, 2)

    cl = top.table("clarification")
    assert cl is not None
    clarification = Clarification(
        cl.period("window", optional=True, bases=(Base.RECEIVED,)), cl.text("source")
    )
    cl.done()

    es = top.table("escalation")
    assert es is not None
    escalation = Escalation(
        window=es.period("window", optional=True, bases=(Base.RESPONSE_SENT,)),
        window_from_works=es.period("window_from_works", optional=True, bases=(Base.AGREED_WORKS_COMPLETED,)),
        late_request=es.choice("late_request", LateEscalation),
        reason_required=es.get("reason_required", bool),
        source=es.text("source"),
    )
    if escalation.window is None and escalation.window_from_works is not None:
        raise es.fail("window_from_works", "needs a 'window' from the response as well")
    es.done()

    nc = top.table("no_contact")
    assert nc is not None
    no_contact = NoContact(
        nc.period("closure", optional=True, bases=(Base.NO_CONTACT_LETTER_SENT,)),
        nc.text("late_reply"),
        nc.text("source"),
    )
    nc.done()

    ai = top.table("additional_issues")
    assert ai is not None
    additional = AdditionalIssues(
        ai.text("during_stage1"),
        ai.text("during_stage2"),
        ai.get("incorporate_at_stage2", bool),
        ai.text("source"),
    )
    ai.done()

    tl = top.table("time_limit")
    assert tl is not None
    time_limit = TimeLimit(
        months=tl.whole("months", minimum=1),
        counts_from=tl.choice("counts_from", TimeLimitBase),
        discretion=tl.get("discretion", bool),
        not_relied_on_for=tuple(_strings(tl, "not_relied_on_for")),
        source=tl.text("source"),
    )
    tl.done()

    cc = top.table("colleague_complaints")
    assert cc is not None
    colleague = ColleagueComplaints(
        acknowledge=cc.period("acknowledge", optional=True, bases=(Base.RECEIVED,)),
        respond=cc.period("respond", optional=True, bases=(Base.RECEIVED, Base.ACKNOWLEDGED)),
        responder=cc.text("responder"),
        handler=cc.choice("handler", ColleagueHandler),
        handler_source=cc.text("handler_source"),
        stage2_review=cc.get("stage2_review", bool),
        source=cc.text("source"),
    )
    cc.done()

    rs = top.table("restrictions")
    assert rs is not None
    review = rs.period("review", bases=(Base.RESTRICTION_STARTED,))
    assert review is not None
    restrictions = Restrictions(review, rs.text("appeal_to"), tuple(_strings(rs, "types")), rs.text("source"))
    rs.done()

    aj = top.table("adjustments")
    assert aj is not None
    adjustment_review = aj.period("review", bases=(Base.ADJUSTMENT_AGREED,))
    assert adjustment_review is not None
    adjustments = Adjustments(adjustment_review, aj.text("source"))
    aj.done()

    sv = top.table("survey")
    assert sv is not None
    survey = Survey(sv.text("trigger"), sv.text("source"))
    sv.done()

    exclusions = []
    for ex in top.tables("exclusions"):
        exclusions.append(
            Exclusion(
                ex.text("code"),
                ex.text("label"),
                ex.text("source"),
                ex.text("resident_label"),
                ex.text("resident_instead"),
            )
        )
        ex.done()
    _unique(top, "exclusions", [e.code for e in exclusions])
    if not exclusions:
        raise top.fail("exclusions", "list at least one reason a complaint may not be accepted")

    bodies = []
    for rb in top.tables("referral_bodies"):
        bodies.append(
            ReferralBody(
                code=rb.text("code"),
                name=rb.text("name"),
                when=rb.text("when"),
                website=rb.text("website"),
                phone=rb.text("phone", default=""),
                email=rb.text("email", default=""),
                address=rb.text("address", default=""),
            )
        )
        rb.done()
    _unique(top, "referral_bodies", [b.code for b in bodies])
    if not any(b.code == "housing-ombudsman" for b in bodies):
        raise top.fail("referral_bodies", "must include the Housing Ombudsman (code 'housing-ombudsman')")

    readings = []
    for rd in top.tables("readings"):
        readings.append(Reading(rd.text("topic"), rd.text("policy_text"), rd.text("reading")))
        rd.done()

    profile = Profile(
        name=name,
        title=top.text("title"),
        version=top.whole("version", minimum=1),
        effective_from=top.get("effective_from", date),
        source=top.text("source"),
        path=file,
        day_counting=day_counting,
        stage1=stage1,
        stage2=stage2,
        clarification=clarification,
        escalation=escalation,
        no_contact=no_contact,
        additional_issues=additional,
        time_limit=time_limit,
        colleague_complaints=colleague,
        restrictions=restrictions,
        adjustments=adjustments,
        survey=survey,
        exclusions=tuple(exclusions),
        referral_bodies=tuple(bodies),
        readings=tuple(readings),
    )
    top.done()
    return profile


def _strings(table: StrictTable, key: str) -> list[str]:
    values = table.get(key, list, default=[])
    for index, value in enumerate(values):
        if not isinstance(value, str) or not value.strip():
            raise table.fail(f"{key}[{index}]", "expected a non-empty string")
    return values


def _unique(table: StrictTable, key: str, codes: list[str]) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise table.fail(key, f"code {code!r} appears twice")
        seen.add(code)


def load_profile(file: Path) -> Profile:
    return parse_profile(read_toml(file), file)


class ProfileRegistry:
    """Every version of every profile in a directory; picks the version in force on a date."""

    def __init__(self, profiles: Iterable[Profile]) -> None:
        by_name: dict[str, list[Profile]] = {}
        for profile in profiles:
            by_name.setdefault(profile.name, []).append(profile)
        for name, versions in by_name.items():
            versions.sort(key=lambda p: p.effective_from)
            for earlier, later in pairwise(versions):
                if later.version <= earlier.version or later.effective_from == earlier.effective_from:
                    raise ProfileError(
                        f"{later.path.name}: key 'version': profile {name!r} versions must increase with "
                        f"effective_from (clashes with {earlier.path.name})"
                    )
        self._by_name = by_name

    @classmethod
    def from_directory(cls, directory: Path) -> ProfileRegistry:
        files = sorted(directory.glob("*.toml"))
        if not files:
            raise ProfileError(f"{directory}: no policy profiles (*.toml) found")
        return cls(load_profile(f) for f in files)

    def names(self) -> list[str]:
        return sorted(self._by_name)

    def versions(self, name: str) -> list[Profile]:
        if name not in self._by_name:
            raise UnknownPolicyError(f"unknown policy {name!r}; known policies: {', '.join(self.names())}")
        return list(self._by_name[name])

    def latest(self, name: str) -> Profile:
        return self.versions(name)[-1]

    def in_force(self, name: str, on: date) -> Profile:
        """The version of `name` in force on `on` (a case keeps the version in force on its receipt date)."""
        versions = self.versions(name)
        chosen = [p for p in versions if p.effective_from <= on]
        if not chosen:
            raise UnknownPolicyError(
                f"policy {name!r} has no version in force on {on.isoformat()}; "
                f"its first version takes effect on {versions[0].effective_from.isoformat()}"
            )
        return chosen[-1]


@cache
def default_registry() -> ProfileRegistry:
    """The profiles shipped in `putright/policies/`."""
    return ProfileRegistry.from_directory(POLICIES_DIR)
