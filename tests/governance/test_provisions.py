"""The catalogue is the Complaint Handling Code 2024's self-assessment form: every section, every provision in
the Code's order, each number once, each measure and policy check on the provision it evidences."""

from putright.domain.code_check import PROVISIONS
from putright.governance.evidence import MEASURES
from putright.governance.provisions import FORMERLY, MEASURED, SECTIONS, entries

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


# Checked against the Code 2024's requirement text as the Ombudsman's self-assessment form (Appendix A) gives it,
# in landlords' published 2024 forms (docs/domain/code-map.md, Governance, "8.1 (the form)").
PER_SECTION = {1: 5, 2: 5, 3: 7, 4: 3, 5: 15, 6: 20, 7: 4, 8: 5, 9: 8}


def _wording(number: str) -> str:
    return next(e.requirement for e in entries() if e.provision == number)


def test_code_2024_the_form_has_72_provisions_counted_per_section():
    counted = {section: sum(1 for e in entries() if e.section == section) for section in SECTIONS}
    assert counted == PER_SECTION
    assert sum(counted.values()) == 72


def test_code_2024_section_titles_are_the_codes():
    assert SECTIONS[2] == "Exclusions"
    assert SECTIONS[8] == "Self-assessment, reporting and compliance"
    assert SECTIONS[9] == "Scrutiny and oversight: continuous learning and improvement"


def test_code_2024_1_2_quotes_the_definition_of_a_complaint():
    assert (
        "'an expression of dissatisfaction, however made, about the standard of service, actions or lack of "
        "action by the landlord, its own staff, or those acting on its behalf, affecting a resident or group of "
        "residents'" in _wording("1.2")
    )


def test_code_2024_timescales_are_the_codes():
    assert "within 12 months of the issue or of the resident becoming aware of it" in _wording("2.3")
    assert "within 5 working days of receipt" in _wording("6.2")
    assert "within 10 working days of the acknowledgement" in _wording("6.3")
    assert "no more than 10 working days without good reason" in _wording("6.4")
    assert "within 5 working days of the escalation request" in _wording("6.11")
    assert "within 20 working days of the acknowledgement" in _wording("6.14")
    assert "no more than 20 working days without good reason" in _wording("6.15")


def test_code_2024_section_4_falls_on_the_complaints_officer():
    assert "(the complaints officer)" in _wording("4.1")
    assert _wording("4.2").startswith("Must give the complaints officer access to staff at all levels")


def test_code_2024_8_1_the_annual_report_is_for_scrutiny_and_challenge():
    assert "for scrutiny and challenge" in _wording("8.1")
    assert "complaints refused" in _wording("8.1")
    assert "governing body" in _wording("8.2") and "website" in _wording("8.2")


def test_code_2024_former_numbers_carry_to_provisions_on_the_form():
    numbers = {e.provision for e in entries()}
    assert set(FORMERLY.values()) <= numbers
    assert "6.5, 6.16" not in numbers
