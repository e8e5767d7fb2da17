"""Code non-compliance in exceptional circumstances: the list, recording a period and updating it with the
notices given and the date of return to compliance; each change in the landlord's audit log."""

from datetime import date

import pytest

from putright.accounts.models import AdministrationEvent
from putright.ombudsman import services
from putright.ombudsman.models import NonCompliance

D = date.fromisoformat
LIST = "/landlords/great/ombudsman/non-compliance/"
NEW = LIST + "new/"


def dated(name, day):
    d = D(day)
    return {f"{name}_day": str(d.day), f"{name}_month": str(d.month), f"{name}_year": str(d.year)}


@pytest.fixture
def entry(great):
    return services.non_compliance_record(
        landlord=great.landlord,
        actor=great.director,
        provision="5.8",
        from_date=D("2026-02-01"),
        reason="A cyber attack took the housing system offline",
    )


@pytest.mark.parametrize(
    ("who", "path", "status"),
    [
        ("officer", LIST, 200),
        ("board", LIST, 200),
        ("manager", LIST, 200),
        ("officer", NEW, 200),
        ("director", NEW, 200),
        ("board", NEW, 403),
        ("manager", NEW, 403),
        ("housing", NEW, 403),
    ],
)
def test_pages_by_role(client, great, who, path, status):
    client.force_login(getattr(great, who))
    assert client.get(path).status_code == status


def test_list_offers_recording_only_to_those_who_may(client, great, entry):
    client.force_login(great.board)
    page = client.get(LIST).content.decode()
    assert "A cyber attack" in page and "Not yet" in page and "Record non-compliance" not in page
    assert f"non-compliance/{entry.pk}/" not in page
    client.force_login(great.officer)
    page = client.get(LIST).content.decode()
    assert "Record non-compliance" in page and f"non-compliance/{entry.pk}/" in page
    summary = client.get("/landlords/great/ombudsman/").content.decode()
    assert "1 of 1 recorded period has no date of return to compliance yet" in summary


def test_other_landlord_is_not_found_and_anonymous_signs_in(client, great, brighter, entry):
    change = f"{LIST}{entry.pk}/"
    client.force_login(brighter.officer)
    for path in (LIST, NEW, change):
        assert client.get(path).status_code == 404
    assert client.get(f"/landlords/brighter/ombudsman/non-compliance/{entry.pk}/").status_code == 404
    client.logout()
    for path in (LIST, NEW, change):
        response = client.get(path)
        assert response.status_code == 302 and "sign-in" in response["Location"]


def test_record_keeps_input_on_error_then_records_and_audits(client, great):
    client.force_login(great.officer)
    typed = {"provision": "5.8", "reason": "Flooding closed the office", **dated("from_date", "2026-03-01")}
    bad = client.post(NEW, {**typed, **dated("ombudsman_told_on", "2026-02-20")})
    page = bad.content.decode()
    assert bad.status_code == 200 and "There is a problem" in page
    assert "The date the Ombudsman was told is before the non-compliance began" in page
    assert "Flooding closed the office" in page and 'value="20"' in page
    assert not NonCompliance.objects.exists() and not AdministrationEvent.objects.exists()
    good = client.post(NEW, {**typed, **dated("ombudsman_told_on", "2026-03-02")})
    assert good.status_code == 302 and good["Location"] == LIST
    entry = NonCompliance.objects.get()
    assert (entry.provision, entry.ombudsman_told_on, entry.recorded_by) == (
        "5.8",
        D("2026-03-02"),
        great.officer,
    )
    event = AdministrationEvent.objects.get(landlord=great.landlord)
    assert event.kind == "non_compliance_recorded" and event.actor == great.officer
    assert event.after["from_date"] == "2026-03-01" and event.after["ombudsman_told_on"] == "2026-03-02"


def test_update_adds_notices_and_return_to_compliance_auditing_what_changed(client, great, entry):
    url = f"{LIST}{entry.pk}/"
    client.force_login(great.officer)
    page = client.get(url).content.decode()
    assert 'value="5.8"' in page and "A cyber attack" in page  # the record as it stands
    form = {
        "provision": "5.8",
        "reason": "A cyber attack took the housing system offline",
        **dated("from_date", "2026-02-01"),
        **dated("residents_told_on", "2026-02-02"),
        **dated("regulator_told_on", "2026-02-03"),
        **dated("returned_on", "2026-03-15"),
    }
    assert client.post(url, form).status_code == 302
    entry.refresh_from_db()
    assert (entry.residents_told_on, entry.regulator_told_on, entry.returned_on) == (
        D("2026-02-02"),
        D("2026-02-03"),
        D("2026-03-15"),
    )
    event = AdministrationEvent.objects.get(kind="non_compliance_updated")
    assert event.before == {"residents_told_on": None, "regulator_told_on": None, "returned_on": None}
    assert event.after == {
        "residents_told_on": "2026-02-02",
        "regulator_told_on": "2026-02-03",
        "returned_on": "2026-03-15",
    }
    assert client.post(url, form).status_code == 302  # saved again unchanged: nothing to audit
    assert AdministrationEvent.objects.filter(kind="non_compliance_updated").count() == 1
    assert "Not yet" not in client.get(LIST).content.decode().split("<tbody")[1]
