"""The catalogue is the Complaint Handling Code 2024's self-assessment form: every section, every provision in
the Code's order, each number once, each measure and policy check on the provision it evidences."""

from putright.domain.code_check import PROVISIONS
from putright.governance.evidence import MEASURES
from putright.governance.provisions import MEASURED, SECTIONS, entries

# The Code 2024's last provision in each section; section 1's form starts at 1.2 (1.1 only sets the scene).
LAST = {1: 6, 2: 5, 3: 7, 4: 3, 5: 15, 6: 20, 7: 4, 8: 5, 9: 8}


def test_code_2024_every_section_has_every_provision_in_order():
    numbers = [e.provision for e in entries()]
    expected = [
        f"{section}.{n}" for section, last in LAST.items() for n in range(2 if section == 1 else 1, last + 1)
    ]
    assert numbers == expected
    assert sorted(SECTIONS) == list(LAST)
    assert all(e.provision.split(".")[0] == str(e.section) for e in entries())


def test_code_2024_provision_numbers_are_unique():
    numbers = [e.provision for e in entries()]
    assert len(numbers) == len(set(numbers)) == 72


def test_code_2024_each_requirement_says_must_or_should():
    for e in entries():
        assert e.requirement.split()[0] in {"Must", "Should"}, e.provision
    assert {e.provision for e in entries() if e.requirement.startswith("Should")} == {"1.6", "8.4"}


def test_code_2024_each_measured_provision_maps_to_its_evidence():
    measured = {e.provision: e.measure for e in entries() if e.measure}
    assert measured == MEASURED
    assert sorted(measured.values()) == sorted(MEASURES)  # each measure on exactly one row
    # The numbers the first catalogue had wrong.
    assert measured["2.4"] == "not_accepted"
    assert measured["5.11"] == "not_escalated"
    assert measured["3.7"] == "ombudsman_details"
    assert measured["7.3"] == "actions"
    assert measured["8.5"] == "non_compliance"
    assert measured["9.1"] == "learning"


def test_code_2024_each_policy_check_is_on_its_provision():
    checked = [(e.provision, p) for e in entries() for p in e.policies]
    assert sorted(p.number for _, p in checked) == sorted(p.number for p in PROVISIONS)
    assert all(number == p.number for number, p in checked)
    assert len(next(e for e in entries() if e.provision == "2.3").policies) == 2
