"""Policy profiles as data: loading, validation, versions, and the check against the Code 2024."""

import dataclasses
import shutil
from datetime import date
from pathlib import Path

import pytest

from putright.domain.code_check import check_profile
from putright.domain.errors import ProfileError, UnknownPolicyError
from putright.domain.periods import Base, Period, Unit
from putright.domain.profiles import (
    POLICIES_DIR,
    LateEscalation,
    ProfileRegistry,
    default_registry,
    load_profile,
)

D = date.fromisoformat


def latest(name):
    return default_registry().latest(name)


def test_the_three_shipped_profiles_load():
    assert default_registry().names() == ["brighter-places-2022", "great-places", "hos-code-2024"]


def test_brighter_places_7_ii_g_only_brighter_places_tells_the_feedback_team_of_an_extension():
    """7.ii.g at stage 1 and 7.iv.d at stage 2. Absent means false: the Code and Great Places profiles say nothing of a Feedback Team."""
    told = {
        name: (
            latest(name).stage1.extension.notify_feedback_team,
            latest(name).stage2.extension.notify_feedback_team,
        )
        for name in default_registry().names()
    }
    assert told == {
        "brighter-places-2022": (True, True),
        "great-places": (False, False),
        "hos-code-2024": (False, False),
    }


def test_every_profile_states_unit_and_base_of_every_clock():
    brighter = latest("brighter-places-2022")
    assert brighter.stage1.respond == Period(
        10, Unit.WORKING_DAYS, Base.LOGGED, brighter.stage1.respond.source
    )
    assert brighter.stage2.acknowledge.amount == 3
    assert brighter.escalation.window.base is Base.RESPONSE_SENT
    assert brighter.escalation.window_from_works.base is Base.AGREED_WORKS_COMPLETED
    assert brighter.no_contact.closure.base is Base.NO_CONTACT_LETTER_SENT
    assert brighter.restrictions.review == Period(
        3, Unit.MONTHS, Base.RESTRICTION_STARTED, brighter.restrictions.review.source
    )
    great = latest("great-places")
    assert great.colleague_complaints.respond.amount == 10
    assert [b.code for b in great.referral_bodies] == [
        "housing-ombudsman",
        "property-ombudsman",
        "new-homes-ombudsman",
        "building-safety-regulator",
    ]


def test_ambiguous_day_units_in_brighter_places_record_the_reading_taken():
    topics = {r.topic for r in latest("brighter-places-2022").readings}
    assert {
        "Unit of 'days' in the clarification window",
        "Unit of 'days' in the escalation window",
        "Unit of 'days' for the no-contact closure",
    } <= topics


# -- the Code check --------------------------------------------------------------------------------------


def test_code_check_hos_code_2024_passes():
    assert check_profile(latest("hos-code-2024")) == []


def test_code_check_reports_brighter_places_six_month_limit_and_refused_late_escalation():
    shortfalls = check_profile(latest("brighter-places-2022"))
    assert [s.provision for s in shortfalls] == ["2.3", "5.11"]
    assert "6 months, below the 12-month floor" in shortfalls[0].why


def test_code_check_reports_great_places_counting_only_from_the_issue():
    shortfalls = check_profile(latest("great-places"))
    assert [s.provision for s in shortfalls] == ["2.3"]
    assert "not from when the resident became aware" in shortfalls[0].why


def _variant(
    stage1=None, ext1=None, stage2=None, ext2=None, escalation=None, time_limit=None, restrictions=None
):
    """The Code's own profile with some fields changed."""
    code = latest("hos-code-2024")

    def stage(rules, fields, extension):
        rules = dataclasses.replace(rules, **(fields or {}))
        return dataclasses.replace(rules, extension=dataclasses.replace(rules.extension, **(extension or {})))

    return dataclasses.replace(
        code,
        stage1=stage(code.stage1, stage1, ext1),
        stage2=stage(code.stage2, stage2, ext2),
        escalation=dataclasses.replace(code.escalation, **(escalation or {})),
        time_limit=dataclasses.replace(code.time_limit, **(time_limit or {})),
        restrictions=dataclasses.replace(code.restrictions, **(restrictions or {})),
    )


WD = Unit.WORKING_DAYS


@pytest.mark.parametrize(
    ("variant", "provision"),
    [
        ({"stage1": {"acknowledge": Period(6, WD, Base.RECEIVED, "x")}}, "6.2"),
        ({"stage1": {"respond": Period(11, WD, Base.ACKNOWLEDGED, "x")}}, "6.3"),
        ({"ext1": {"good_reason_above": 15}}, "6.4"),
        ({"ext1": {"ombudsman_details_in_notice": False}}, "6.5"),
        ({"stage2": {"acknowledge": Period(7, WD, Base.ESCALATION_REQUESTED, "x")}}, "6.11"),
        ({"stage2": {"handler_must_differ": False}}, "6.13"),
        ({"stage2": {"respond": Period(25, WD, Base.ACKNOWLEDGED, "x")}}, "6.14"),
        ({"ext2": {"good_reason_above": 25}}, "6.15"),
        ({"ext2": {"ombudsman_details_in_notice": False}}, "6.16"),
        ({"escalation": {"reason_required": True}}, "6.12"),
        ({"escalation": {"late_request": LateEscalation.REFUSE}}, "5.11"),
        ({"time_limit": {"months": 9}}, "2.3"),
        ({"time_limit": {"discretion": False}}, "2.3"),
        ({"restrictions": {"types": ()}}, "5.14"),
    ],
)
def test_code_check_names_each_provision_a_profile_falls_short_of(variant, provision):
    assert [s.provision for s in check_profile(_variant(**variant))] == [provision]


def test_code_check_accepts_a_stricter_clock_from_an_earlier_event():
    # Brighter Places responds at stage 2 within 20 WD of the request, earlier than 20 WD from acknowledgement.
    assert check_profile(_variant(stage2={"respond": Period(20, WD, Base.ESCALATION_REQUESTED, "x")})) == []


# -- malformed profiles ----------------------------------------------------------------------------------


@pytest.fixture
def policy_copy(tmp_path):
    def write(transform):
        source = (POLICIES_DIR / "hos-code-2024.toml").read_text(encoding="utf-8")
        changed = transform(source)
        assert changed != source, "the test's edit did not apply"
        target = tmp_path / "hos-code-2024.toml"
        target.write_text(changed, encoding="utf-8")
        return target

    return write


@pytest.mark.parametrize(
    ("transform", "message"),
    [
        (
            lambda s: s.replace("amount = 5, unit", "amount = 0, unit", 1),
            "key 'stage1.acknowledge.amount': must be at least 1",
        ),
        (
            lambda s: s.replace(
                'unit = "working_days", from = "received"', 'unit = "fortnights", from = "received"', 1
            ),
            "key 'stage1.acknowledge.unit': 'fortnights' is not one of",
        ),
        (
            lambda s: s.replace('from = "acknowledged"', 'from = "resolved"', 1),
            "key 'stage1.respond.from': 'resolved'",
        ),
        (
            lambda s: s.replace('from = "acknowledged"', 'from = "response_sent"', 1),
            "key 'stage1.respond.from': 'response_sent' cannot be used here",
        ),
        (
            lambda s: s.replace("months = 12", 'months = "twelve"'),
            "key 'time_limit.months': expected a whole number",
        ),
        (
            lambda s: s.replace("months = 12", "monthz = 12"),
            "key 'time_limit.months': is required .*is 'monthz' a misspelling of it",
        ),
        (lambda s: s.replace("[survey]\n", "[survey]\ncolour = 1\n"), "key 'survey.colour': unknown key"),
        (lambda s: s.replace("discretion = true\n", ""), "key 'time_limit.discretion': is required"),
        (
            lambda s: s.replace('name = "hos-code-2024"', 'name = "other"'),
            "key 'name': 'other' does not match",
        ),
        (lambda s: s.replace("[survey]", "[survey"), "not valid TOML"),
        (
            lambda s: s.replace('code = "housing-ombudsman"', 'code = "ombudsman"'),
            "key 'referral_bodies': must include the Housing Ombudsman",
        ),
        (
            lambda s: s.replace("good_reason_above = 10", "good_reason_above = 10\nagreement_above = 5"),
            "key 'stage1.extension.agreement_above': \\(5\\) must not be below",
        ),
        (
            lambda s: s.replace(
                "good_reason_above = 10", 'good_reason_above = 10\nnotify_feedback_team = "yes"', 1
            ),
            "key 'stage1.extension.notify_feedback_team': expected",
        ),
    ],
)
def test_malformed_profile_is_rejected_naming_the_file_and_key(policy_copy, transform, message):
    path = policy_copy(transform)
    with pytest.raises(ProfileError, match=f"^hos-code-2024.toml: .*{message}"):
        load_profile(path)


def test_profile_versions_the_one_in_force_on_the_receipt_date_governs(tmp_path):
    shutil.copy(POLICIES_DIR / "great-places.toml", tmp_path / "great-places.toml")
    text = (POLICIES_DIR / "great-places.toml").read_text(encoding="utf-8")
    v2 = text.replace("version = 1", "version = 2").replace(
        "effective_from = 2024-04-01", "effective_from = 2027-01-01"
    )
    (tmp_path / "great-places.v2.toml").write_text(v2, encoding="utf-8")
    registry = ProfileRegistry.from_directory(tmp_path)
    assert registry.in_force("great-places", D("2026-12-31")).version == 1
    assert registry.in_force("great-places", D("2027-01-01")).version == 2
    assert registry.latest("great-places").version == 2
    with pytest.raises(UnknownPolicyError, match="first version takes effect on 2024-04-01"):
        registry.in_force("great-places", D("2024-03-31"))


def test_profile_versions_must_increase_with_their_dates(tmp_path):
    text = (POLICIES_DIR / "great-places.toml").read_text(encoding="utf-8")
    (tmp_path / "great-places.toml").write_text(text, encoding="utf-8")
    (tmp_path / "great-places.v0.toml").write_text(
        text.replace("effective_from = 2024-04-01", "effective_from = 2027-01-01"), encoding="utf-8"
    )
    with pytest.raises(ProfileError, match="versions must increase"):
        ProfileRegistry.from_directory(tmp_path)


def test_unknown_policy_lists_the_known_ones():
    with pytest.raises(
        UnknownPolicyError, match="known policies: brighter-places-2022, great-places, hos-code-2024"
    ):
        default_registry().latest("brighter")


def test_empty_policy_directory_is_refused(tmp_path: Path):
    with pytest.raises(ProfileError, match="no policy profiles"):
        ProfileRegistry.from_directory(tmp_path)
