"""`putright ingest-email`: one line per file, refusals exit 2 with one line."""

import pytest

from putright.cli import main
from putright.triage.models import InboundMessage

from .conftest import CORPUS


def run(capsys, *argv):
    code = main(["ingest-email", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_prints_one_line_per_file_saying_what_became_of_it(capsys, brighter, brighter_case, tmp_path):
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    files = [str(CORPUS / n) for n in ("plain.eml", "reply-with-case-reference.eml", "auto-reply.eml")]
    code, out, err = run(capsys, "--landlord", "brighter", *files, str(empty))
    assert code == 0
    assert "rejected an empty message for brighter" in err  # logged as well
    ids = list(InboundMessage.objects.order_by("pk").values_list("pk", flat=True))
    assert out.splitlines() == [
        f"{files[0]}: stored as message {ids[0]}, awaiting triage, from customer Alex Morgan",
        f"{files[1]}: joined case BP-2026-000042 (message {ids[1]})",
        f"{files[2]}: ignored: auto-reply, Auto-Submitted: auto-replied (message {ids[2]})",
        f"{empty}: rejected: The message is empty (message {ids[3]})",
    ]
    assert InboundMessage.objects.get(pk=ids[0]).mailbox == "file:plain.eml"


def test_a_file_read_again_is_reported_as_already_stored(capsys, brighter):
    path = str(CORPUS / "plain.eml")
    run(capsys, "--landlord", "brighter", path)
    code, out, _ = run(capsys, "--landlord", "brighter", "--mailbox", "complaints@brighter.test", path)
    message = InboundMessage.objects.get()
    assert (code, out) == (0, f"{path}: already stored as message {message.pk} (awaiting triage)\n")


def test_the_landlords_configured_mailbox_is_recorded_by_default(capsys, brighter, settings):
    settings.PUTRIGHT_MAILBOXES = (
        '[{"address": "Complaints@Brighter.test", "landlord": "brighter", "host": "imap.brighter.test",'
        ' "user": "c", "password": "p"}]'
    )
    code, _, _ = run(capsys, "--landlord", "brighter", str(CORPUS / "plain.eml"))
    assert code == 0
    assert InboundMessage.objects.get().mailbox == "complaints@brighter.test"


def test_an_unknown_landlord_is_refused_with_exit_2_and_one_line(capsys, brighter):
    code, out, err = run(capsys, "--landlord", "nobody", str(CORPUS / "plain.eml"))
    assert (code, out, err) == (2, "", "putright: --landlord: no landlord 'nobody'\n")
    assert not InboundMessage.objects.exists()


def test_a_missing_file_is_refused_before_any_file_is_taken_in(capsys, brighter, tmp_path):
    missing = tmp_path / "missing.eml"
    code, out, err = run(capsys, "--landlord", "brighter", str(CORPUS / "plain.eml"), str(missing))
    assert (code, out) == (2, "")
    assert err == f"putright: {missing}: No such file or directory\n"
    assert not InboundMessage.objects.exists()


@pytest.mark.parametrize("argv", [[], ["--landlord", "brighter"], [str(CORPUS / "plain.eml")]])
def test_missing_arguments_are_refused_with_exit_2_and_one_line(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and err.startswith("putright: ")
