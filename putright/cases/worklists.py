"""Worklists: what needs doing next, for one person ("my work") or the whole landlord ("team work").

Every section is a read over the stored deadline columns (nothing is recomputed here), scoped landlord by
landlord through `visible_cases`, so complaints about colleagues stay hidden from those who may not see
them and nothing crosses to a landlord where the person holds no role.

Sections and whose they are in "my work":

| Section                           | Mine when                                                          |
|-----------------------------------|--------------------------------------------------------------------|
| Awaiting acknowledgement          | I handle the case, or nobody does yet and I am a feedback officer  |
| Due today, this week, overdue     | the same                                                           |
| Extended                          | the same                                                           |
| Hazard clocks running             | the same                                                           |
| Awaiting a stage 2 handler        | I may assign one (feedback officers and senior leaders)            |
| Agreed actions due                | I own the action                                                   |
| Contact restriction reviews due   | I may manage restrictions (housing managers, senior leaders)       |
| Reasonable adjustment reviews due | I may manage adjustments (feedback officers, housing and investigating managers) |

Unassigned cases fall to feedback officers, as the reminder sweep notifies them. "Team work" is every case
the person may see at the landlord; the customer review sections appear there for those who manage
customers, restrictions or adjustments.

The number of queries is fixed whatever the number of cases: one for the person's roles, two per landlord
(its roles for `visible_cases`, its closure days for the calendar), one counting every case section per
landlord at once, and one or two per section for its first few items.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from putright.accounts.models import Membership, Role, User
from putright.accounts.permissions import ACTIONS, can
from putright.cases.access import visible_cases
from putright.cases.models import AgreedAction, Case, Extension
from putright.cases.selectors import week_ends
from putright.customers.models import Adjustment, Restriction
from putright.domain.errors import DomainError
from putright.domain.hazards import hazard_rules
from putright.domain.lifecycle import Kind, Status
from putright.organisations.models import Landlord

MINE = "mine"
TEAM = "team"
VIEWS = (MINE, TEAM)

TOP = 5
"""How many items each section lists (its count is always the full number)..."""
EXPANDED_TOP = 100
"""...and how many the one section the person asked to see in full lists."""

_UNASSIGNED_TO = frozenset({Role.FEEDBACK_OFFICER})
"""Roles whose "my work" includes cases nobody handles yet (as the reminder sweep notifies them)."""
_CUSTOMER_REVIEWERS = (
    ACTIONS["restriction.manage"] | ACTIONS["adjustment.manage"] | ACTIONS["customer.manage"]
)

_WITHDRAWN = Status.WITHDRAWN.value
"""Awaab's Law duties run until each is done whatever happens to the complaint; only withdrawal stops them."""
_ENDED_BY_CONCLUSION = frozenset({"investigate"})
"""Hazard duties done once the investigation's conclusion is recorded."""


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    empty: str
    hint: str
    who: str
    """The heading of the person column: Handler, Owner or blank."""


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(
        "awaiting_acknowledgement",
        "Awaiting acknowledgement",
        "Nothing awaiting acknowledgement.",
        "Complaints at stage 1 or 2 not yet acknowledged, soonest deadline first.",
        "Handler",
    ),
    SectionSpec("due_today", "Due today", "Nothing due today.", "The next deadline is today.", "Handler"),
    SectionSpec(
        "due_this_week",
        "Due this week",
        "Nothing due this week.",
        "Due after today and by {week_ends}: the next 5 working days.",
        "Handler",
    ),
    SectionSpec("overdue", "Overdue", "Nothing overdue.", "The next deadline has passed.", "Handler"),
    SectionSpec(
        "extended",
        "Extended",
        "No extended cases with a clock running.",
        "An extension moved the current stage's response date, and the clock is still running.",
        "Handler",
    ),
    SectionSpec(
        "awaiting_stage2_handler",
        "Awaiting a stage 2 handler",
        "No escalations awaiting a stage 2 handler.",
        "Stage 2 requested and no senior leader assigned yet.",
        "",
    ),
    SectionSpec(
        "actions_due",
        "Agreed actions due",
        "No agreed actions due this week.",
        "Not yet completed, due by {week_ends} or overdue.",
        "Owner",
    ),
    SectionSpec(
        "restriction_reviews",
        "Contact restriction reviews due",
        "No contact restriction reviews due this week.",
        "Active restrictions to review by {week_ends} or overdue.",
        "",
    ),
    SectionSpec(
        "adjustment_reviews",
        "Reasonable adjustment reviews due",
        "No reasonable adjustment reviews due this week.",
        "Adjustments to review by {week_ends} or overdue.",
        "",
    ),
    SectionSpec(
        "hazards",
        "Hazard clocks running",
        "No Awaab's Law hazard clocks running.",
        "Awaab's Law duties not yet done, soonest first.",
        "Handler",
    ),
)
SECTION_KEYS = tuple(spec.key for spec in SECTIONS)
CASE_SECTIONS = (
    "awaiting_acknowledgement",
    "due_today",
    "due_this_week",
    "overdue",
    "extended",
    "awaiting_stage2_handler",
    "hazards",
)


@dataclass(frozen=True)
class Scope:
    """Who is asking, about which landlords, for whose work, on which day."""

    user: User
    landlords: tuple[Landlord, ...]
    view: str
    today: date
    roles: Mapping[int, frozenset[str]]
    """The person's roles at each landlord (by landlord pk)."""
    week_ends: Mapping[int, date]
    """The last day of "this week" at each landlord, in its calendar."""
    visible: Mapping[int, QuerySet[Case]]
    """The cases the person may see at each landlord (from `visible_cases`)."""

    def may(self, landlord: Landlord, action: str) -> bool:
        return bool(self.roles.get(landlord.pk, frozenset()) & ACTIONS[action])

    @property
    def mine(self) -> bool:
        return self.view == MINE


def worklist_scope(
    *, user: User, landlords: Sequence[Landlord], view: str = MINE, today: date | None = None
) -> Scope:
    """The scope of a worklist: only landlords where the person holds a role count, whatever is passed."""
    if view not in VIEWS:
        raise ValueError(f"view is one of {', '.join(VIEWS)}")
    day = today or timezone.localdate()
    held: dict[int, set[str]] = defaultdict(set)
    if user.is_active and landlords:
        memberships = Membership.objects.filter(user=user, landlord__in=list(landlords))
        for landlord_id, role in memberships.values_list("landlord_id", "role"):
            held[landlord_id].add(role)
    ours = tuple(landlord for landlord in landlords if held.get(landlord.pk))
    return Scope(
        user=user,
        landlords=ours,
        view=view,
        today=day,
        roles={landlord.pk: frozenset(held[landlord.pk]) for landlord in ours},
        week_ends={landlord.pk: week_ends(landlord, day) for landlord in ours},
        visible={landlord.pk: visible_cases(user, landlord) for landlord in ours},
    )


# -- the sections as querysets ---------------------------------------------------------------------------


def _either(parts: Iterable[Q]) -> Q | None:
    parts = list(parts)
    return reduce(or_, parts) if parts else None


def _cases(scope: Scope, *, role_based: str | None = None) -> QuerySet[Case]:
    """The cases in scope: visible at each landlord, and in "my work" the person's own (or, with
    `role_based`, all of them at the landlords where the person's role allows that action)."""
    combined: QuerySet[Case] | None = None
    for landlord in scope.landlords:
        cases = scope.visible[landlord.pk]
        if scope.mine:
            if role_based is not None:
                if not scope.may(landlord, role_based):
                    continue
            else:
                mine = Q(handler_id=scope.user.pk)
                if scope.roles[landlord.pk] & _UNASSIGNED_TO:
                    mine |= Q(handler__isnull=True)
                cases = cases.filter(mine)
        combined = cases if combined is None else combined | cases
    return combined if combined is not None else Case.objects.none()


def _before_week_ends(scope: Scope, field_name: str) -> Q:
    """`field_name` on or before the end of this week at each landlord (overdue included)."""
    return _either(
        Q(**{"landlord_id": landlord.pk, f"{field_name}__lte": scope.week_ends[landlord.pk]})
        for landlord in scope.landlords
    ) or Q(pk__in=[])


def _hazard_running() -> Q:
    """A case with at least one Awaab's Law duty whose clock runs: due, not done, not withdrawn."""
    running = []
    for code in sorted({duty.code for hazard in hazard_rules().hazards for duty in hazard.duties}):
        duty = Q(hazard_due__has_key=code) & ~Q(hazard_done__has_key=code)
        if code in _ENDED_BY_CONCLUSION:
            duty &= Q(hazard_investigation_concluded__isnull=True)
        running.append(duty)
    return ~Q(hazard_kind="") & ~Q(status=_WITHDRAWN) & (_either(running) or Q(pk__in=[]))


def _case_conditions(scope: Scope) -> dict[str, Q]:
    """Each case section as a condition on the cases in scope (stage 2 handler aside: it is role-based)."""
    extended = Exists(
        Extension.objects.filter(stage__case_id=OuterRef("pk"), stage__number=OuterRef("stage"), applied=True)
    )
    this_week = _either(
        Q(landlord_id=landlord.pk, next_due__gt=scope.today, next_due__lte=scope.week_ends[landlord.pk])
        for landlord in scope.landlords
    ) or Q(pk__in=[])
    return {
        "awaiting_acknowledgement": Q(next_due_kind="acknowledge", next_due__isnull=False),
        "due_today": Q(next_due=scope.today),
        "due_this_week": this_week,
        "overdue": Q(next_due__lt=scope.today),
        "extended": Q(extended, next_due__isnull=False),
        "hazards": _hazard_running(),
    }


_STAGE2_UNASSIGNED = Q(status=Status.STAGE2_REQUESTED.value, handler__isnull=True)


def section_cases(scope: Scope, key: str) -> QuerySet[Case]:
    """The cases in one case section (any of CASE_SECTIONS), with the joins the lists need."""
    if key == "awaiting_stage2_handler":
        cases = _cases(scope, role_based="stage2.assign").filter(_STAGE2_UNASSIGNED)
    else:
        cases = _cases(scope).filter(_case_conditions(scope)[key])
    return cases.select_related("customer", "handler", "landlord")


def agreed_actions_due(scope: Scope) -> QuerySet[AgreedAction]:
    """Agreed actions not completed and due by the end of this week (or overdue), on cases the person may
    see; in "my work", those the person owns."""
    visible = _cases_visible(scope)
    actions = AgreedAction.objects.filter(
        _before_week_ends(scope, "due_on"),
        completed_on__isnull=True,
        stage__case__in=visible.values("pk"),
    )
    if scope.mine:
        actions = actions.filter(owner=scope.user)
    return actions.select_related("stage__case__customer", "owner", "landlord")


def _cases_visible(scope: Scope) -> QuerySet[Case]:
    combined: QuerySet[Case] | None = None
    for landlord in scope.landlords:
        cases = scope.visible[landlord.pk]
        combined = cases if combined is None else combined | cases
    return combined if combined is not None else Case.objects.none()


def _review_landlords(scope: Scope, action: str) -> list[int]:
    """Landlords whose reviews of this kind are in scope: in "my work" where the person's role manages
    them, in "team work" where the person manages customers, restrictions or adjustments."""
    return [
        landlord.pk
        for landlord in scope.landlords
        if (scope.may(landlord, action) if scope.mine else scope.roles[landlord.pk] & _CUSTOMER_REVIEWERS)
    ]


def restriction_reviews_due(scope: Scope) -> QuerySet[Restriction]:
    """Active contact restrictions to review by the end of this week, or overdue."""
    landlords = _review_landlords(scope, "restriction.manage")
    return Restriction.objects.filter(
        _before_week_ends(scope, "review_by"),
        landlord_id__in=landlords,
        status=Restriction.Status.ACTIVE,
    ).select_related("customer", "landlord")


def adjustment_reviews_due(scope: Scope) -> QuerySet[Adjustment]:
    """Reasonable adjustments in force to review by the end of this week, or overdue."""
    landlords = _review_landlords(scope, "adjustment.manage")
    return Adjustment.objects.filter(
        _before_week_ends(scope, "review_by"), landlord_id__in=landlords, ended_on__isnull=True
    ).select_related("customer", "landlord")


def applies(scope: Scope, key: str) -> bool:
    """Whether a section can hold anything for this person (sections that never can are left out)."""
    if key == "awaiting_stage2_handler":
        return not scope.mine or any(scope.may(landlord, "stage2.assign") for landlord in scope.landlords)
    if key == "restriction_reviews":
        return bool(_review_landlords(scope, "restriction.manage"))
    if key == "adjustment_reviews":
        return bool(_review_landlords(scope, "adjustment.manage"))
    return bool(scope.landlords)


# -- the worklist page's read model ----------------------------------------------------------------------


@dataclass(frozen=True)
class WorkItem:
    landlord_slug: str
    landlord_name: str
    reference: str
    """The case reference, or blank for a customer's review."""
    customer: str
    what: str
    due: date | None
    due_time: time | None = None
    """For hazard clocks counted in hours."""
    who: str = ""
    status: str = ""
    overdue: bool = False
    due_today: bool = False


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    empty: str
    hint: str
    who: str
    count: int
    counts: Mapping[int, int]
    """The count at each landlord in scope (by landlord pk)."""
    items: list[WorkItem] = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.count - len(self.items)


@dataclass(frozen=True)
class LandlordCounts:
    landlord: Landlord
    counts: list[int | None]
    """One per section of the worklist, in order; None where the section does not apply at the landlord."""


@dataclass(frozen=True)
class Worklist:
    view: str
    today: date
    landlords: tuple[Landlord, ...]
    sections: list[Section]
    per_landlord: list[LandlordCounts]

    @property
    def total(self) -> int:
        return sum(section.count for section in self.sections)


def worklist(
    *,
    user: User,
    landlords: Sequence[Landlord],
    view: str = MINE,
    today: date | None = None,
    top: int = TOP,
    expand: str = "",
    expanded_top: int = EXPANDED_TOP,
) -> Worklist:
    """Every section that applies to the person, with its count (in all and per landlord) and its first
    `top` items, soonest first (`expanded_top` for the section named by `expand`)."""
    scope = worklist_scope(user=user, landlords=landlords, view=view, today=today)
    keys = [key for key in SECTION_KEYS if applies(scope, key)]
    counts = _counts(scope, keys)
    sections = []
    for spec in SECTIONS:
        if spec.key not in keys:
            continue
        by_landlord = counts.get(spec.key, {})
        single_week_end = scope.week_ends[scope.landlords[0].pk] if len(scope.landlords) == 1 else None
        hint = spec.hint.format(
            week_ends=long_date(single_week_end)
            if single_week_end
            else "the end of the next 5 working days at each landlord"
        )
        sections.append(
            Section(
                key=spec.key,
                title=spec.title,
                empty=spec.empty,
                hint=hint,
                who=spec.who,
                count=sum(by_landlord.values()),
                counts=by_landlord,
                items=_items(scope, spec.key, expanded_top if spec.key == expand else top)
                if sum(by_landlord.values())
                else [],
            )
        )
    per_landlord = [
        LandlordCounts(
            landlord,
            [
                section.counts.get(landlord.pk, 0) if _applies_at(scope, section.key, landlord) else None
                for section in sections
            ],
        )
        for landlord in scope.landlords
    ]
    return Worklist(
        view=view, today=scope.today, landlords=scope.landlords, sections=sections, per_landlord=per_landlord
    )


def _applies_at(scope: Scope, key: str, landlord: Landlord) -> bool:
    if key == "awaiting_stage2_handler":
        return not scope.mine or scope.may(landlord, "stage2.assign")
    if key == "restriction_reviews":
        return landlord.pk in _review_landlords(scope, "restriction.manage")
    if key == "adjustment_reviews":
        return landlord.pk in _review_landlords(scope, "adjustment.manage")
    return True


def _grouped(queryset: QuerySet[Any], landlord_field: str = "landlord_id") -> dict[int, int]:
    rows = queryset.order_by().values(landlord_field).annotate(n=Count("pk"))
    return {row[landlord_field]: row["n"] for row in rows}


def _counts(scope: Scope, keys: list[str]) -> dict[str, dict[int, int]]:
    """Counts per section and landlord: one query for all the case sections, one per other section."""
    counts: dict[str, dict[int, int]] = {key: {} for key in keys}
    conditions = _case_conditions(scope)
    case_keys = [key for key in keys if key in conditions]
    if case_keys and scope.landlords:
        # Every case section needs a running clock, but for the hazard clocks: saying so lets the database
        # read only those cases (the open_cases_by_due index) rather than every case the landlord has had.
        candidates = Q(next_due__isnull=False)
        if "hazards" in case_keys:
            candidates |= ~Q(hazard_kind="")
        rows = (
            _cases(scope)
            .filter(candidates)
            .order_by()
            .values("landlord_id")
            .annotate(**{key: Count("pk", filter=conditions[key]) for key in case_keys})
        )
        for row in rows:
            for key in case_keys:
                counts[key][row["landlord_id"]] = row[key]
    if "awaiting_stage2_handler" in keys:
        counts["awaiting_stage2_handler"] = _grouped(section_cases(scope, "awaiting_stage2_handler"))
    if "actions_due" in keys:
        counts["actions_due"] = _grouped(agreed_actions_due(scope))
    if "restriction_reviews" in keys:
        counts["restriction_reviews"] = _grouped(restriction_reviews_due(scope))
    if "adjustment_reviews" in keys:
        counts["adjustment_reviews"] = _grouped(adjustment_reviews_due(scope))
    return counts


def _items(scope: Scope, key: str, top: int) -> list[WorkItem]:
    if key == "hazards":
        return _hazard_items(scope, top)
    if key in CASE_SECTIONS:
        cases = section_cases(scope, key).only(*_ITEM_COLUMNS).order_by("next_due", "id")[:top]
        return [_case_item(scope, case) for case in cases]
    if key == "actions_due":
        actions = agreed_actions_due(scope).order_by("due_on", "id")[:top]
        return [
            WorkItem(
                landlord_slug=action.landlord.slug,
                landlord_name=action.landlord.name,
                reference=action.stage.case.reference,
                customer=action.stage.case.customer.name,
                what=f"Agreed action (stage {action.stage.number}): {_short(action.description)}",
                due=action.due_on,
                who=str(action.owner),
                overdue=action.due_on < scope.today,
                due_today=action.due_on == scope.today,
            )
            for action in actions
        ]
    if key == "restriction_reviews":
        restrictions = restriction_reviews_due(scope).order_by("review_by", "id")[:top]
        return [
            WorkItem(
                landlord_slug=r.landlord.slug,
                landlord_name=r.landlord.name,
                reference="",
                customer=r.customer.name,
                what=f"Review the contact restriction ({r.type.replace('-', ' ')})",
                due=r.review_by,
                overdue=r.review_by < scope.today,
                due_today=r.review_by == scope.today,
            )
            for r in restrictions
        ]
    adjustments = adjustment_reviews_due(scope).order_by("review_by", "id")[:top]
    return [
        WorkItem(
            landlord_slug=a.landlord.slug,
            landlord_name=a.landlord.name,
            reference="",
            customer=a.customer.name,
            what=f"Review the reasonable adjustment ({a.get_type_display().lower()})",
            due=a.review_by,
            overdue=a.review_by < scope.today,
            due_today=a.review_by == scope.today,
        )
        for a in adjustments
    ]


_ITEM_COLUMNS = (
    *("reference", "kind", "status", "stage", "next_due", "next_due_kind"),
    *("customer", "customer__name", "handler", "handler__first_name", "handler__last_name", "handler__email"),
    *("landlord", "landlord__slug", "landlord__name"),
)
"""What a case's line in a worklist section shows (`_case_item`): its rows are read with these columns only."""


def _case_item(
    scope: Scope, case: Case, what: str = "", due: date | None = None, at: time | None = None
) -> WorkItem:
    due = due or case.next_due
    if not what:
        owed = {"acknowledge": "acknowledgement", "respond": "response"}.get(case.next_due_kind, "")
        what = f"Stage {case.stage} {owed}" if case.stage and owed else Kind(case.kind).label.capitalize()
    return WorkItem(
        landlord_slug=case.landlord.slug,
        landlord_name=case.landlord.name,
        reference=case.reference,
        customer=case.customer.name,
        what=what,
        due=due,
        due_time=at,
        who=str(case.handler) if case.handler else "Not assigned",
        status=Status(case.status).label.capitalize(),
        overdue=due is not None and due < scope.today,
        due_today=due == scope.today,
    )


def running_duties(case_values: Mapping[str, Any]) -> list[tuple[str, date, time | None]]:
    """The hazard duties still running on a case (code, UK date, time if counted in hours), soonest first."""
    done = case_values.get("hazard_done") or {}
    running = []
    for code, value in (case_values.get("hazard_due") or {}).items():
        if code in done or (
            code in _ENDED_BY_CONCLUSION and case_values.get("hazard_investigation_concluded")
        ):
            continue
        parsed = _due_of(value)
        if parsed is not None:
            running.append((code, *parsed))
    return sorted(running, key=lambda duty: (duty[1], duty[2] or time.max))


def _hazard_items(scope: Scope, top: int) -> list[WorkItem]:
    """The running hazard cases, soonest duty first: one query for the clocks of every running case (few:
    a case leaves once its duties are done), one for the first `top` of them with their joins."""
    clocks = section_cases(scope, "hazards").values(
        "pk", "hazard_kind", "hazard_due", "hazard_done", "hazard_investigation_concluded"
    )
    soonest: dict[int, tuple[str, str, date, time | None]] = {}
    for row in clocks:
        duties = running_duties(row)
        if duties:
            code, day, at = duties[0]
            soonest[row["pk"]] = (row["hazard_kind"], code, day, at)
    order = sorted(soonest, key=lambda pk: (soonest[pk][2], soonest[pk][3] or time.max, pk))[:top]
    cases = {
        case.pk: case
        for case in Case.objects.filter(pk__in=order)
        .select_related("customer", "handler", "landlord")
        .only(*_ITEM_COLUMNS)
    }
    items = []
    for pk in order:
        kind, code, day, at = soonest[pk]
        items.append(
            _case_item(scope, cases[pk], what=f"Awaab's Law: {_duty_label(kind, code)}", due=day, at=at)
        )
    return items


def _duty_label(kind: str, code: str) -> str:
    try:
        hazard = hazard_rules().hazard(kind)
    except DomainError:
        return code.replace("_", " ")
    labels = {duty.code: duty.label for duty in hazard.duties}
    return labels.get(code, code.replace("_", " "))


def _due_of(value: object) -> tuple[date, time | None] | None:
    """A stored hazard clock (an ISO date, or an ISO date and time) as its UK date and time."""
    if not isinstance(value, str):
        return None
    try:
        if "T" not in value:
            return date.fromisoformat(value), None
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    return local.date(), local.time().replace(second=0, microsecond=0)


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """'Monday 30 November 2026', whatever the process's locale."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- the case list's filter choices ----------------------------------------------------------------------

_HANDLING_ROLES = ACTIONS["stage1.handle"] | ACTIONS["stage2.handle"]


@dataclass(frozen=True)
class CaseListChoices:
    """What the case list's filters offer at one landlord, from the cases the person may see."""

    categories: list[str]
    service_areas: list[str]
    contractors: list[str]
    handlers: list[tuple[int, str]]
    may_see_colleague_cases: bool


def case_list_choices(*, landlord: Landlord, user: User) -> CaseListChoices:
    """The distinct categories, service areas and contractors among the cases this person may see at the
    landlord, and the staff there who may handle complaints (five queries, however many cases)."""
    visible = visible_cases(user, landlord).order_by()

    def distinct(name: str) -> list[str]:
        return list(visible.exclude(**{name: ""}).values_list(name, flat=True).distinct().order_by(name))

    handlers = (
        User.objects.filter(
            memberships__landlord=landlord, memberships__role__in=sorted(_HANDLING_ROLES), is_active=True
        )
        .distinct()
        .order_by("first_name", "last_name", "email")
    )
    return CaseListChoices(
        categories=distinct("category"),
        service_areas=distinct("service_area"),
        contractors=distinct("contractor"),
        handlers=[(person.pk, str(person)) for person in handlers],
        may_see_colleague_cases=can(user, landlord, "colleague_case.view"),
    )
