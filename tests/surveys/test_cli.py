"""`putright surveys import`: one line when imported; every fault as FILE:LINE and nothing imported (exit 2);
refusals exit 2 with one line."""

from __future__ import annotations

from putright.accounts.models import AdministrationEvent
from putright.cli import main
from putright.surveys.models import PerceptionSurvey

from .conftest import WAVE_1, csv_of


def run(capsys, *argv):
    code = main(["surveys", "import", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_imports_a_file_in_one_line(capsys, great, tmp_path):
    path = tmp_path / "wave-1.csv"
    path.write_text(WAVE_1)
    code, out, err = run(capsys, "--landlord", "great", "--year", "2025", "--method", "online", str(path))
    survey = PerceptionSurvey.objects.get()
    assert (code, err) == (0, "")
    assert out == f"{path}: imported 11 responses for Great Places, 2025/26 (survey {survey.pk})\n"
    assert survey.imported_via == "command" and survey.file_name == "wave-1.csv"
    assert AdministrationEvent.objects.get(kind="surveys.import").actor is None


def test_every_fault_is_printed_with_its_line_and_nothing_is_imported(capsys, great, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_of("A,yes,fine", "B,perhaps,"))
    code, out, err = run(capsys, "--landlord", "great", "--year", "2025", "--method", "postal", str(path))
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0].startswith(f"{path}:2: complaints_handling_satisfaction: “fine” is not an answer")
    assert lines[1].startswith(f"{path}:3: complained_last_12_months: “perhaps” is not an answer")
    assert lines[2] == "putright: The file has 2 problems; nothing was imported"
    assert not PerceptionSurvey.objects.exists()


def test_refusals_exit_2_with_one_line(capsys, great, tmp_path):
    path = tmp_path / "wave-1.csv"
    path.write_text(WAVE_1)
    args = ["--year", "2025", "--method", "online", str(path)]
    assert run(capsys, "--landlord", "nobody", *args)[::2] == (
        2,
        "putright: --landlord: no landlord 'nobody'\n",
    )
    assert run(capsys, "--landlord", "great", *args)[0] == 0
    code, _, err = run(capsys, "--landlord", "great", *args)
    assert (
        code == 2 and err.startswith("putright: This file was already imported on") and err.count("\n") == 1
    )
    code, _, err = run(capsys, "--landlord", "great", "--year", "2025", "--method", "online", "missing.csv")
    assert (code, err) == (2, "putright: missing.csv: No such file or directory\n")
