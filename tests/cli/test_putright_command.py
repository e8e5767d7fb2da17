"""The `putright` command's interface, which other tools rely on."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from putright.cli import main
from putright.domain import bank_holidays


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_deadlines_json_has_the_documented_keys(capsys):
    result = run_json(
        capsys, "deadlines", "--policy", "hos-code-2024", "--stage", "1", "--received", "2026-03-31"
    )
    assert {
        "policy",
        "stage",
        "acknowledge_by",
        "respond_by",
        "respond_by_provisional",
        "escalate_by",
        "breaches",
        "explanation",
    } <= set(result)
    assert (result["policy"], result["stage"]) == ("hos-code-2024", 1)
    assert (result["acknowledge_by"], result["respond_by"]) == ("2026-04-09", "2026-04-23")
    assert result["respond_by_provisional"] is True
    assert result["escalate_by"] is None
    assert result["breaches"] == []
    assert all(isinstance(s, str) and s for s in result["explanation"])


def test_deadlines_with_stacked_extensions_and_a_late_response(capsys):
    result = run_json(
        capsys,
        "deadlines",
        "--policy",
        "brighter-places-2022",
        "--stage",
        "2",
        "--received",
        "2026-12-21",
        "--acknowledged",
        "2026-12-23",
        "--extension",
        "10:2027-01-20:good-reason",
        "--extension",
        "5:2027-02-01:agreed",
        "--responded",
        "2027-02-15",
    )
    assert result["acknowledge_by"] == "2026-12-24"
    assert result["respond_by"] == "2027-02-11"
    assert result["respond_by_provisional"] is False
    assert result["breaches"] == [
        "Stage 2 response sent on 2027-02-15, 2 working days late: it was due by 2027-02-11."
    ]


def test_deadlines_escalate_by_for_a_stage1_response(capsys):
    result = run_json(
        capsys,
        "deadlines",
        "--policy",
        "brighter-places-2022",
        "--stage",
        "1",
        "--received",
        "2026-03-31",
        "--logged",
        "2026-04-01",
        "--responded",
        "2026-04-16",
    )
    assert result["escalate_by"] == "2026-05-08"


def test_deadlines_scotland(capsys):
    result = run_json(
        capsys,
        "deadlines",
        "--policy",
        "hos-code-2024",
        "--stage",
        "1",
        "--received",
        "2026-06-08",
        "--nation",
        "scotland",
    )
    assert result["acknowledge_by"] == "2026-06-16"


def test_deadlines_text_output(capsys):
    code, out, _ = run(
        capsys, "deadlines", "--policy", "great-places", "--stage", "1", "--received", "2026-12-24"
    )
    assert code == 0
    assert "Acknowledge by:  2027-01-05" in out
    assert "Explanation:" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--policy", "nope", "--stage", "1", "--received", "2026-03-31"], "unknown policy 'nope'"),
        (["--policy", "hos-code-2024", "--stage", "1", "--received", "2026-02-30"], "is not a real date"),
        (["--policy", "hos-code-2024", "--stage", "1", "--received", "31/03/2026"], "is not a real date"),
        (
            [
                "--policy",
                "hos-code-2024",
                "--stage",
                "1",
                "--received",
                "2026-03-31",
                "--acknowledged",
                "2026-03-30",
            ],
            "acknowledged on 2026-03-30 is before the complaint was received on 2026-03-31",
        ),
        (
            [
                "--policy",
                "brighter-places-2022",
                "--stage",
                "2",
                "--received",
                "2026-12-21",
                "--extension",
                "10:2027-01-20",
            ],
            "refused: brighter-places-2022 stage 2: every extension needs a recorded good reason",
        ),
        (
            [
                "--policy",
                "hos-code-2024",
                "--stage",
                "1",
                "--received",
                "2026-03-31",
                "--extension",
                "ten:2026-04-01",
            ],
            "is not a whole number",
        ),
        (
            [
                "--policy",
                "hos-code-2024",
                "--stage",
                "1",
                "--received",
                "2026-03-31",
                "--extension",
                "5:2026-04-01:maybe",
            ],
            "'maybe' is not 'good-reason' or 'agreed'",
        ),
        (["--policy", "hos-code-2024", "--stage", "3", "--received", "2026-03-31"], "invalid choice"),
        (["--policy", "hos-code-2024", "--stage", "1"], "required: --received"),
        (["--policy", "hos-code-2024", "--stage", "1", "--received", "2031-01-06"], "no bank-holiday data"),
    ],
)
def test_deadlines_refusals_exit_2_with_one_line(capsys, argv, message):
    code, out, err = run(capsys, "deadlines", *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("putright: ")
    assert message in err
    assert "Traceback" not in err


def test_time_limit_json(capsys):
    result = run_json(
        capsys,
        "time-limit",
        "--policy",
        "brighter-places-2022",
        "--received",
        "2026-06-01",
        "--occurred",
        "2025-09-15",
    )
    assert result["within_limit"] is True
    assert result["limit_date"] == "2026-09-15"
    assert result["applied_rule"].startswith("Code 2.3 floor")
    assert result["explanation"]


def test_time_limit_before_the_floor(capsys):
    result = run_json(
        capsys,
        "time-limit",
        "--policy",
        "brighter-places-2022",
        "--received",
        "2024-03-01",
        "--occurred",
        "2023-08-15",
        "--aware",
        "2023-09-01",
    )
    assert result["within_limit"] is False
    assert result["limit_date"] == "2024-02-15"


def test_hazard_emergency_json(capsys):
    result = run_json(capsys, "hazard", "--kind", "emergency", "--aware", "2026-03-28T10:00")
    assert result["make_safe_by"] == "2026-03-29T11:00:00+01:00"


def test_hazard_damp_mould_json(capsys):
    result = run_json(
        capsys,
        "hazard",
        "--kind",
        "damp-mould",
        "--aware",
        "2026-12-23",
        "--investigation-concluded",
        "2027-01-06",
    )
    assert (
        result["investigate_by"],
        result["summary_by"],
        result["make_safe_by"],
        result["further_work_start_by"],
    ) == ("2027-01-11", "2027-01-11", "2027-01-13", "2027-01-13")


def test_hazard_bad_datetime_exits_2(capsys):
    code, _, err = run(capsys, "hazard", "--kind", "emergency", "--aware", "2026-13-01T10:00")
    assert code == 2 and "is not a real date" in err


def test_policy_check_brighter_places_reports_its_six_month_limit_and_exits_1(capsys):
    code, out, _ = run(capsys, "policy", "check", "brighter-places-2022", "--json")
    result = json.loads(out)
    assert code == 1
    assert result["compliant"] is False
    assert result["shortfalls"][0]["provision"] == "2.3"
    assert "6 months" in result["shortfalls"][0]["why"]


def test_policy_check_hos_code_passes_and_exits_0(capsys):
    code, out, _ = run(capsys, "policy", "check", "hos-code-2024")
    assert code == 0
    assert "meets every checked provision" in out


def test_policy_check_unknown_policy_exits_2(capsys):
    code, _, err = run(capsys, "policy", "check", "nope")
    assert code == 2 and "unknown policy 'nope'" in err


def test_policy_show_lists_every_parameter_with_unit_base_and_source(capsys):
    code, out, _ = run(capsys, "policy", "show", "brighter-places-2022")
    assert code == 0
    for expected in (
        "respond: 10 working days from logging [Policy 7.ii.b",
        "acknowledge: 3 working days from the escalation request",
        "window: 15 working days from the response",
        "no-contact closure: 15 working days from the letter asking the customer to make contact",
        "restriction review: 3 months from the start of the restriction",
        "Time limit: 6 months from issue",
        "Unit of 'days' in the escalation window",
        "  restriction-applied: Unreasonable Complainant Behaviour restrictions have been applied [Policy 5.i.f]",
        "Additional issues during stage 2: Issues raised during stage 2 or at the point of escalation are logged",
        "Complaints about colleagues: An appropriate senior manager",
        "Restrictions: contact-limits, time-slot, single-channel, named-colleague, witness-present, refuse-same-matter",
        "Survey: end-of-process",
        "; the Feedback Team is told [Policy 7.ii.g",
        "  Housing Ombudsman Service (always): https://www.housing-ombudsman.org.uk",
    ):
        assert expected in out


def test_policy_list(capsys):
    code, out, _ = run(capsys, "policy", "list")
    assert code == 0
    assert (
        "hos-code-2024 version 1 (in force from 2024-04-01): Housing Ombudsman Complaint Handling Code 2024 (meets the Code)"
        in out
    )


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    target = tmp_path / "bank-holidays.json"
    target.write_text(bank_holidays.DATA_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(bank_holidays, "DATA_FILE", target)
    bank_holidays.forget_cached()
    yield target
    monkeypatch.undo()
    bank_holidays.forget_cached()


def test_holidays_refresh_merges_a_downloaded_file(capsys, data_copy, tmp_path):
    stored = json.loads(data_copy.read_text(encoding="utf-8"))
    download = {
        n: {"division": n, "events": [e for e in stored[n]["events"] if e["date"].startswith("2028")]}
        for n in stored
    }
    download["scotland"]["events"].append(
        {"title": "Extra bank holiday", "date": "2028-06-12", "notes": "", "bunting": True}
    )
    source = tmp_path / "download.json"
    source.write_text(json.dumps(download), encoding="utf-8")
    code, out, _ = run(capsys, "holidays", "refresh", str(source))
    assert code == 0
    assert "added   Scotland 2028-06-12 Extra bank holiday" in out
    refreshed = json.loads(data_copy.read_text(encoding="utf-8"))
    assert any(e["date"] == "2018-01-01" for e in refreshed["scotland"]["events"])  # older years kept
    assert not bank_holidays.calendar_for("scotland").is_working_day(date(2028, 6, 12))


def test_holidays_refresh_rejects_a_malformed_file_and_changes_nothing(capsys, data_copy, tmp_path):
    before = data_copy.read_text(encoding="utf-8")
    source = tmp_path / "download.json"
    source.write_text('{"england-and-wales": ', encoding="utf-8")
    code, _, err = run(capsys, "holidays", "refresh", str(source))
    assert code == 2 and "not valid JSON" in err
    assert data_copy.read_text(encoding="utf-8") == before


def test_console_script_is_installed_and_never_prints_a_traceback():
    script = Path(sys.executable).parent / "putright"
    assert script.exists(), "make install should install the putright console script"
    done = subprocess.run(
        [str(script), "deadlines", "--policy", "hos-code-2024", "--stage", "1", "--received", "not-a-date"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == "putright: --received: 'not-a-date' is not a real date in YYYY-MM-DD form"
