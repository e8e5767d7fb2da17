"""The `putright` command: the domain's answers from a shell, for staff, scripts and support.

Its interface is relied on (see README): keep option names and JSON keys stable. Every refusal exits 2
with a one-line message on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

from putright.domain import bank_holidays
from putright.domain.calendar import NATION_NAMES, NATIONS
from putright.domain.code_check import CODE_NAME, check_profile
from putright.domain.deadlines import LONDON, Extension, Justification, StageFacts, stage_deadlines
from putright.domain.errors import DomainError
from putright.domain.hazards import hazard_clocks, hazard_rules
from putright.domain.profiles import Profile, default_registry
from putright.domain.time_limit import time_limit_decision

EXIT_REFUSED = 2


class UsageError(Exception):
    """Bad command-line input; the message is shown as one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


# -- parsing values --------------------------------------------------------------------------------------


def _date(text: str, option: str) -> date:
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option}: {text!r} is not a real date in YYYY-MM-DD form") from None


def _date_or_datetime(text: str, option: str) -> date | datetime:
    if len(text) == 10:
        return _date(text, option)
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"{option}: {text!r} is not a real date (YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:MM[+HH:MM])"
        ) from None
    return value if value.tzinfo else value.replace(tzinfo=LONDON)


def _extension(text: str) -> Extension:
    parts = text.split(":")
    if len(parts) not in (2, 3):
        raise UsageError(f"--extension: {text!r} is not DAYS:NOTIFIED_DATE[:good-reason|:agreed]")
    try:
        days = int(parts[0])
    except ValueError:
        raise UsageError(f"--extension: {parts[0]!r} is not a whole number of working days") from None
    if days < 1:
        raise UsageError(f"--extension: an extension must add at least 1 working day, not {days}")
    notified = _date(parts[1], "--extension")
    justification = Justification.NONE
    if len(parts) == 3:
        try:
            justification = Justification(parts[2])
        except ValueError:
            raise UsageError(f"--extension: {parts[2]!r} is not 'good-reason' or 'agreed'") from None
        if justification is Justification.NONE:
            raise UsageError("--extension: leave the third part off for an extension without a reason")
    return Extension(days, notified, justification)


def _profile(name: str, on: date | None = None) -> Profile:
    registry = default_registry()
    return registry.in_force(name, on) if on else registry.latest(name)


def _emit(args: argparse.Namespace, payload: dict[str, Any], text: Callable[[], list[str]]) -> None:
    if args.json:
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        print("\n".join(text()))


# -- commands --------------------------------------------------------------------------------------------


def cmd_deadlines(args: argparse.Namespace) -> int:
    received = _date_or_datetime(args.received, "--received")
    day = received.date() if isinstance(received, datetime) else received
    facts = StageFacts(
        stage=args.stage,
        received=received,
        logged=_date(args.logged, "--logged") if args.logged else None,
        acknowledged=_date(args.acknowledged, "--acknowledged") if args.acknowledged else None,
        extensions=tuple(_extension(e) for e in args.extension),
        responded=_date(args.responded, "--responded") if args.responded else None,
    )
    profile = _profile(args.policy, day)
    calendar = bank_holidays.calendar_for(args.nation)
    result = stage_deadlines(profile, calendar, facts)
    payload = result.to_json()

    def text() -> list[str]:
        lines = [
            f"Policy:          {profile.label}",
            f"Stage:           {facts.stage} ({NATION_NAMES[args.nation]} working days)",
            f"Acknowledge by:  {result.acknowledge_by.due}",
            f"Respond by:      {result.respond_by.due}"
            + (" (provisional: not yet acknowledged)" if result.respond_by.provisional else ""),
            f"Escalate by:     {result.escalate_by.due if result.escalate_by else '-'}",
            "Breaches:        " + ("none" if not result.breaches else ""),
        ]
        lines += [f"  - {b}" for b in result.breaches]
        if result.warnings:
            lines.append("Warnings:")
            lines += [f"  - {w}" for w in result.warnings]
        lines.append("Explanation:")
        lines += [f"  - {e}" for e in result.explanation]
        return lines

    _emit(args, payload, text)
    return 0


def cmd_time_limit(args: argparse.Namespace) -> int:
    received = _date(args.received, "--received")
    decision = time_limit_decision(
        _profile(args.policy, received),
        received=received,
        occurred=_date(args.occurred, "--occurred"),
        aware=_date(args.aware, "--aware") if args.aware else None,
    )

    def text() -> list[str]:
        lines = [
            f"Within limit:  {'yes' if decision.within_limit else 'no'}",
            f"Limit date:    {decision.limit_date}",
            f"Rule applied:  {decision.applied_rule}",
        ]
        lines += [f"Warning: {w}" for w in decision.warnings]
        lines += [f"  - {e}" for e in decision.explanation]
        return lines

    _emit(args, decision.to_json(), text)
    return 0


def cmd_hazard(args: argparse.Namespace) -> int:
    result = hazard_clocks(
        args.kind,
        _date_or_datetime(args.aware, "--aware"),
        _date(args.investigation_concluded, "--investigation-concluded")
        if args.investigation_concluded
        else None,
    )

    def text() -> list[str]:
        lines = [f"{result.hazard.label}", f"Aware:  {result.aware.isoformat()}"]
        lines += [f"{c.label}: {c.due.isoformat()}" for c in result.clocks]
        lines += [f"Warning: {w}" for w in result.warnings]
        lines += [f"  - {e}" for e in result.explanation]
        return lines

    _emit(args, result.to_json(), text)
    return 0


def cmd_policy_check(args: argparse.Namespace) -> int:
    profile = _profile(args.name)
    shortfalls = check_profile(profile)
    payload = {
        "policy": profile.name,
        "version": profile.version,
        "effective_from": profile.effective_from.isoformat(),
        "code": CODE_NAME,
        "compliant": not shortfalls,
        "shortfalls": [s.to_json() for s in shortfalls],
    }

    def text() -> list[str]:
        if not shortfalls:
            return [f"{profile.label} meets every checked provision of the {CODE_NAME}."]
        lines = [f"{profile.label} falls short of the {CODE_NAME} in {len(shortfalls)} provision(s):"]
        for s in shortfalls:
            lines.append(f"  {s.provision:<5} {s.requirement}")
            lines.append(f"        why: {s.why}")
        return lines

    _emit(args, payload, text)
    return 1 if shortfalls else 0


def cmd_policy_show(args: argparse.Namespace) -> int:
    profile = _profile(args.name)
    print(describe_profile(profile))
    return 0


def cmd_policy_list(args: argparse.Namespace) -> int:
    registry = default_registry()
    for name in registry.names():
        for profile in registry.versions(name):
            verdict = "meets the Code" if not check_profile(profile) else "falls short of the Code"
            print(f"{profile.label}: {profile.title} ({verdict})")
    return 0


def describe_profile(profile: Profile) -> str:
    """Every parameter of a profile in plain text, with its unit, base event and source."""

    def period(label: str, value: Any) -> str:
        return f"  {label}: {value.describe()} [{value.source}]" if value else f"  {label}: not set"

    lines = [
        f"{profile.title}",
        f"{profile.label}; file {profile.path.name}",
        f"Source: {profile.source}",
        "",
        "Day counting:",
        f"  day 0: {profile.day_counting.day_zero.value}"
        + (f", cut-off {profile.day_counting.cutoff:%H:%M}" if profile.day_counting.cutoff else ""),
        f"  reading: {profile.day_counting.reading}",
    ]
    for stage in (profile.stage1, profile.stage2):
        ext = stage.extension
        lines += [
            "",
            f"Stage {stage.stage}: handled by {stage.handler}"
            + (" (never the stage 1 handler)" if stage.handler_must_differ else ""),
            period("acknowledge", stage.acknowledge),
            period("respond", stage.respond),
            f"  extensions: good reason needed above {ext.good_reason_above} working days in all"
            + (
                f"; both parties' agreement above {ext.agreement_above}"
                if ext.agreement_above is not None
                else ""
            )
            + (f"; usually at most {ext.usual_max}" if ext.usual_max else "")
            + ("; Ombudsman details in the notice" if ext.ombudsman_details_in_notice else "")
            + ("; the Feedback Team is told" if ext.notify_feedback_team else "")
            + f" [{ext.source}]",
        ]
    esc = profile.escalation
    lines += [
        "",
        "Escalation:",
        period("window", esc.window),
        period("window from completed works", esc.window_from_works),
        f"  late request: {esc.late_request.value}; reason required: {'yes' if esc.reason_required else 'no'}"
        f" [{esc.source}]",
        "",
        "Other clocks:",
        period("clarification contact", profile.clarification.window),
        period("no-contact closure", profile.no_contact.closure),
        period("restriction review", profile.restrictions.review),
        period("reasonable adjustments review", profile.adjustments.review),
        period("colleague complaint acknowledgement", profile.colleague_complaints.acknowledge),
        period("colleague complaint response", profile.colleague_complaints.respond),
        "",
        f"Time limit: {profile.time_limit.months} months from {profile.time_limit.counts_from.value}; "
        f"discretion: {'yes' if profile.time_limit.discretion else 'no'}"
        + (
            f"; not relied on for {', '.join(profile.time_limit.not_relied_on_for)}"
            if profile.time_limit.not_relied_on_for
            else ""
        )
        + f" [{profile.time_limit.source}]",
        f"Survey: {profile.survey.trigger} [{profile.survey.source}]",
        f"Additional issues during stage 1: {profile.additional_issues.during_stage1}",
        f"Additional issues during stage 2: {profile.additional_issues.during_stage2}"
        f" [{profile.additional_issues.source}]",
        f"Complaints about colleagues: {profile.colleague_complaints.responder}"
        + ("; stage 2 review available" if profile.colleague_complaints.stage2_review else "")
        + f" [{profile.colleague_complaints.source}]",
        f"Restrictions: {', '.join(profile.restrictions.types)}; appeal to {profile.restrictions.appeal_to}"
        f" [{profile.restrictions.source}]",
        "",
        "Reasons not to accept or escalate:",
        *(f"  {e.code}: {e.label} [{e.source}]" for e in profile.exclusions),
        "",
        "Referral bodies:",
        *(f"  {b.name} ({b.when}): {b.website}" for b in profile.referral_bodies),
    ]
    if profile.readings:
        lines += ["", "Readings of ambiguous points:"]
        for r in profile.readings:
            lines += [f"  {r.topic}", f"    policy: {r.policy_text}", f"    reading: {r.reading}"]
    return "\n".join(lines)


def cmd_holidays_refresh(args: argparse.Namespace) -> int:
    downloaded = bank_holidays.read(Path(args.file))
    current = bank_holidays.read(bank_holidays.DATA_FILE)
    merged, changes = bank_holidays.merge(current, downloaded)
    body = bank_holidays.to_govuk_json(merged)
    target = bank_holidays.DATA_FILE
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=target.parent, delete=False, suffix=".tmp"
    ) as tmp:
        tmp.write(body)
    os.replace(tmp.name, target)
    bank_holidays.forget_cached()
    for nation in NATIONS:
        span = bank_holidays.years(merged[nation])
        print(f"{NATION_NAMES[nation]}: {len(merged[nation])} bank holidays, {span.start} to {span.stop - 1}")
    if not changes:
        print("No changes.")
    for change in changes:
        for h in change.added:
            print(f"  added   {NATION_NAMES[change.nation]} {h.day} {h.name}")
        for h in change.removed:
            print(f"  removed {NATION_NAMES[change.nation]} {h.day} {h.name}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Load demo data into the database named by the settings (Django is set up for this command only)."""
    if args.landlords < 1:
        raise UsageError(f"--landlords: at least 1 landlord, not {args.landlords}")
    if args.cases < 0:
        raise UsageError(f"--cases: a whole number of cases, not {args.cases}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured
    from django.db import DatabaseError

    try:
        django.setup()
        from putright.demo.generate import DemoError, generate, refuse_outside_development, report

        refuse_outside_development(args.force)
        results = generate(landlords=args.landlords, cases=args.cases, seed=args.seed, log=print)
    except ImproperlyConfigured as exc:
        raise UsageError(f"settings: {_first_line(exc)}") from None
    except DatabaseError as exc:
        raise UsageError(f"database: {_first_line(exc)}; run `python manage.py migrate` first") from None
    except DemoError as exc:
        raise UsageError(_first_line(exc)) from None
    print(report(results))
    return 0


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def cmd_hazard_kinds() -> list[str]:
    return [h.kind for h in hazard_rules().hazards]


# -- the parser ------------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="putright", description="PutRight: complaint handling rules from the command line.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = commands.add_parser("deadlines", help="a complaint stage's deadlines, extensions and breaches")
    p.add_argument("--policy", required=True, help="policy profile name, e.g. hos-code-2024")
    p.add_argument("--stage", required=True, type=int, choices=(1, 2))
    p.add_argument(
        "--received", required=True, help="stage 1: complaint received; stage 2: escalation requested"
    )
    p.add_argument("--nation", default="england-and-wales", choices=NATIONS)
    p.add_argument("--acknowledged")
    p.add_argument("--logged")
    p.add_argument(
        "--extension", action="append", default=[], metavar="DAYS:NOTIFIED_DATE[:good-reason|:agreed]"
    )
    p.add_argument("--responded")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_deadlines)

    p = commands.add_parser("time-limit", help="whether a complaint is within the time limit")
    p.add_argument("--policy", required=True)
    p.add_argument("--received", required=True)
    p.add_argument("--occurred", required=True, help="the date the issue occurred")
    p.add_argument("--aware", help="the date the resident became aware of the issue")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_time_limit)

    p = commands.add_parser("hazard", help="Awaab's Law hazard clocks")
    p.add_argument("--kind", required=True, choices=cmd_hazard_kinds())
    p.add_argument("--aware", required=True, help="DATE or DATETIME the landlord became aware")
    p.add_argument("--investigation-concluded", dest="investigation_concluded")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_hazard)

    policy = commands.add_parser("policy", help="policy profiles")
    policy_commands = policy.add_subparsers(dest="policy_command", required=True, parser_class=_Parser)
    p = policy_commands.add_parser(
        "check", help="the Code 2024 provisions a profile falls short of (exit 1 if any)"
    )
    p.add_argument("name")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_policy_check)
    p = policy_commands.add_parser("show", help="every parameter of a profile")
    p.add_argument("name")
    p.set_defaults(handler=cmd_policy_show)
    p = policy_commands.add_parser("list", help="the profiles and their versions")
    p.set_defaults(handler=cmd_policy_list)

    holidays = commands.add_parser("holidays", help="bank-holiday data")
    holiday_commands = holidays.add_subparsers(dest="holidays_command", required=True, parser_class=_Parser)
    p = holiday_commands.add_parser("refresh", help="merge a downloaded www.gov.uk/bank-holidays.json")
    p.add_argument("file")
    p.set_defaults(handler=cmd_holidays_refresh)

    p = commands.add_parser(
        "demo", help="load demo landlords, staff and cases (for demonstration only; skips existing landlords)"
    )
    p.add_argument("--landlords", type=int, default=2, help="how many landlords (default 2)")
    p.add_argument("--cases", type=int, default=300, help="about how many cases per landlord (default 300)")
    p.add_argument("--seed", type=int, default=2026, help="the same seed makes the same data")
    p.add_argument(
        "--force", action="store_true", help="load even when DEBUG is off (never on a live system)"
    )
    p.set_defaults(handler=cmd_demo)

    from putright.cli_email import add_ingest_email  # a module of its own, which imports this one

    add_ingest_email(commands)
    from putright.cli_surveys import add_surveys

    add_surveys(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        code: int = args.handler(args)
    except (UsageError, DomainError) as exc:
        print(f"putright: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    return code


if __name__ == "__main__":
    sys.exit(main())
