"""PutRight's default letter templates and section wording.

Every default template (standard and plain language) places each section its kind of letter requires under
every policy profile, and renders from a real case's facts, made through the case services, into HTML,
plain text and PDF (standard and large print) that contain each required section with words in it.
"""

import io
import re
import unicodedata
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.template import Context
from pypdf import PdfReader

from putright.cases import services
from putright.cases.models import Case, Decision, Stage
from putright.customers.models import Representative, Restriction, RestrictionReview
from putright.domain.letters import LetterKind, Section, required_sections
from putright.domain.lifecycle import Kind
from putright.domain.profiles import default_registry
from putright.letters import rendering
from putright.letters.context import letter_context, recipient_for
from putright.organisations.models import Landlord
from tests.factories import Org, at

D = date.fromisoformat
LETTERS = Path(rendering.__file__).parent
DEFAULTS = LETTERS / "defaults"
SECTIONS = LETTERS / "templates" / "letters" / "sections"
PROFILES = ("hos-code-2024", "brighter-places-2022", "great-places")
PLAIN_KINDS = {
    LetterKind.STAGE1_ACKNOWLEDGEMENT,
    LetterKind.STAGE1_RESPONSE,
    LetterKind.STAGE2_ACKNOWLEDGEMENT,
    LetterKind.STAGE2_RESPONSE,
    LetterKind.EXTENSION_NOTICE,
}
RESPONSES = {LetterKind.STAGE1_RESPONSE, LetterKind.STAGE2_RESPONSE}
OMBUDSMAN_PHONE = "0300 111 3000"

DEFINITION = [
    {
        "point": "The kitchen leak was not repaired for six weeks",
        "outcome_sought": "Repair the leak and pay compensation for the damage",
    },
    {
        "point": "Nobody returned your calls about the repair",
        "outcome_sought": "An apology and a named contact",
    },
]
STAGE1_ANSWERS = [
    (
        "upheld",
        "You reported the leak on 3 February. Our contractor did not repair it until 17 March. Our target "
        "for this kind of repair is 20 working days, so we took too long.",
    ),
    (
        "partly_upheld",
        "Our records show five calls from you. We returned two of them, but not the other three.",
    ),
]
STAGE2_ANSWERS = [
    (
        "upheld",
        "We agree with our stage 1 finding. We also found that the contractor missed two appointments.",
    ),
    (
        "upheld",
        "We listened to the call recordings. We should have called you back each time, and we did not.",
    ),
]


def _variants() -> list[tuple[LetterKind, str]]:
    found = []
    for kind in LetterKind:
        found.append((kind, ""))
        if (DEFAULTS / f"{kind.value}.plain.html").exists():
            found.append((kind, ".plain"))
    return found


TEMPLATES = _variants()
TEMPLATE_IDS = [f"{kind.value}{variant}" for kind, variant in TEMPLATES]


def _default(kind: LetterKind, variant: str = "") -> tuple[str, str]:
    """(subject, body) of a default template file."""
    subject = (DEFAULTS / f"{kind.value}{variant}.subject.txt").read_text(encoding="utf-8")
    body = (DEFAULTS / f"{kind.value}{variant}.html").read_text(encoding="utf-8")
    return subject.strip(), body


def _required(kind: LetterKind, profile_name: str) -> set[str]:
    return {r.section.value for r in required_sections(kind, default_registry().latest(profile_name))}


def _pdf_text(data: bytes) -> tuple[str, int]:
    """The PDF's text with the running footers removed and all whitespace collapsed, and its page count."""
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"Page \d+ of \d+", " ", text)
    return " ".join(text.split()), len(reader.pages)


def _words(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


# -- the facts: a real complaint through the case services -------------------------------------------------


def _dress(org: Org, *, colour: str, domain: str, phone: str, town: str) -> Org:
    """Give the landlord its letterhead and the staff and customer their names and address."""
    landlord = org.landlord
    landlord.brand_colour = colour
    landlord.address = f"2 Mill Street\n{town}\nM1 2AB"
    landlord.phone = phone
    landlord.email = f"customer.feedback@{domain}"
    landlord.website = f"https://www.{domain}"
    landlord.save()
    for user, first, last in (
        (org.officer, "Sam", "Reid"),
        (org.manager, "Priya", "Shah"),
        (org.director, "Daniel", "Okafor"),
        (org.housing, "Joe", "Walsh"),
        (org.colleague, "Amira", "Hassan"),
    ):
        user.first_name, user.last_name = first, last
        user.save()
    org.customer.address = "Flat 4, 12 Canal Side\nSalford"
    org.customer.postcode = "M6 5AB"
    org.customer.save()
    return org


@pytest.fixture
def gp(great: Org) -> Org:
    return _dress(
        great, colour="#6f2c91", domain="great-places.example", phone="0161 496 0123", town="Manchester"
    )


def _log(org: Org, kind: Kind = Kind.COMPLAINT, **extra: Any) -> Case:
    fields: dict[str, Any] = {
        "summary": "Kitchen leak not repaired",
        "description": "The kitchen has leaked since February and nobody calls me back.",
        **extra,
    }
    return services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=kind,
        channel="phone",
        received_at=at("2026-03-31"),
        customer=org.customer,
        **fields,
    )


STEPS = ("logged", "acknowledged", "extended", "responded", "escalated", "acknowledged2", "responded2")


def _journey(org: Org, until: str) -> Case:
    """A complaint with two points taken through the services as far as `until` (one of STEPS)."""
    steps = STEPS[: STEPS.index(until) + 1]
    landlord = org.landlord
    case = _log(org)
    if "acknowledged" in steps:
        services.complaint_acknowledge(
            landlord=landlord,
            actor=org.manager,
            case_id=case.pk,
            acknowledged_on=D("2026-04-02"),
            definition=DEFINITION,
            responsible_for="Repairs to your home, and keeping you informed about them",
            not_responsible_for="Damage to your own belongings: your home contents insurance covers this",
            handler=org.manager,
        )
    if "extended" in steps:
        services.stage_extend(
            landlord=landlord,
            actor=org.manager,
            case_id=case.pk,
            days=10,
            notified_on=D("2026-04-15"),
            reason="We are waiting for the contractor's report on what caused the leak.",
        )
    if "responded" in steps:
        services.stage_respond(
            landlord=landlord,
            actor=org.manager,
            case_id=case.pk,
            responded_on=D("2026-05-01"),
            outcome="partly_upheld",
            summary="We are sorry that the leak took so long to repair.",
            answers=[
                services.PointAnswer(p["point"], decision, reasons)
                for p, (decision, reasons) in zip(DEFINITION, STAGE1_ANSWERS, strict=True)
            ],
            remedies=[
                services.RemedyInput("apology", "We apologise for the delay and for not calling you back."),
                services.RemedyInput(
                    "financial", "Compensation for the six weeks without a working kitchen", Decimal("150.00")
                ),
            ],
            actions=[
                services.ActionInput(
                    "Replace the water-damaged kitchen worktop", org.housing, D("2026-06-01")
                )
            ],
        )
    if "escalated" in steps:
        services.escalation_request(
            landlord=landlord, actor=org.officer, case_id=case.pk, requested_at=at("2026-05-11")
        )
        services.stage2_assign_handler(
            landlord=landlord, actor=org.officer, case_id=case.pk, handler=org.director
        )
    if "acknowledged2" in steps:
        services.complaint_acknowledge(
            landlord=landlord,
            actor=org.director,
            case_id=case.pk,
            acknowledged_on=D("2026-05-13"),
            definition=DEFINITION,
            responsible_for="Repairs to your home, and keeping you informed about them",
        )
    if "responded2" in steps:
        services.stage_respond(
            landlord=landlord,
            actor=org.director,
            case_id=case.pk,
            responded_on=D("2026-06-10"),
            outcome="upheld",
            summary="Having looked again, we agree that we let you down.",
            answers=[
                services.PointAnswer(p["point"], decision, reasons)
                for p, (decision, reasons) in zip(DEFINITION, STAGE2_ANSWERS, strict=True)
            ],
            remedies=[
                services.RemedyInput(
                    "financial", "A further payment for the two missed appointments", Decimal("250.00")
                ),
                services.RemedyInput(
                    "change_policy", "Our repairs team now calls back every customer within one working day."
                ),
            ],
            actions=[
                services.ActionInput(
                    "Call you every week until the worktop is replaced", org.housing, D("2026-07-01")
                )
            ],
        )
    case.refresh_from_db()
    return case


def _stage(case: Case, number: int | None = None) -> Stage:
    return Stage.objects.get(case=case, number=number or case.stage)


def _facts(kind: LetterKind, request: pytest.FixtureRequest, gp: Org) -> dict[str, Any]:
    """What letter_context is given for a letter of `kind`: the case, its stage, the date and the extras."""
    L = LetterKind
    org = gp
    if kind in (L.NO_CONTACT_WARNING, L.NO_CONTACT_CLOSURE):
        # Only Brighter Places closes a complaint when the customer cannot be reached.
        org = _dress(
            request.getfixturevalue("brighter"),
            colour="#00703c",
            domain="brighter-places.example",
            phone="0115 496 0456",
            town="Nottingham",
        )
    facts: dict[str, Any] = {
        "org": org,
        "case": None,
        "stage": None,
        "letter_date": D("2026-05-01"),
        "extra": {},
    }
    extra = facts["extra"]
    if kind is L.STAGE1_ACKNOWLEDGEMENT:
        case = _journey(org, "acknowledged")
        facts.update(case=case, stage=_stage(case), letter_date=D("2026-04-02"))
    elif kind is L.CLARIFICATION_REQUEST:
        case = _journey(org, "logged")
        facts.update(case=case, stage=_stage(case), letter_date=D("2026-04-01"))
        extra.update(
            questions="Which room is the leak in?\nIs water still coming through the ceiling?",
            reply_by=D("2026-04-08"),
        )
    elif kind is L.EXTENSION_NOTICE:
        case = _journey(org, "extended")
        facts.update(case=case, stage=_stage(case), letter_date=D("2026-04-15"))
    elif kind is L.NO_CONTACT_WARNING:
        case = _journey(org, "acknowledged")
        services.complaint_warn_no_contact(
            landlord=org.landlord, actor=org.officer, case_id=case.pk, letter_on=D("2026-04-07")
        )
        stage = _stage(case)
        facts.update(case=case, stage=stage, letter_date=D("2026-04-07"))
        extra.update(reply_by=stage.close_without_contact_after)
    elif kind is L.NO_CONTACT_CLOSURE:
        case = _journey(org, "acknowledged")
        services.complaint_warn_no_contact(
            landlord=org.landlord, actor=org.officer, case_id=case.pk, letter_on=D("2026-04-07")
        )
        services.complaint_close_no_contact(
            landlord=org.landlord, actor=org.officer, case_id=case.pk, on=D("2026-05-01")
        )
        facts.update(case=case, stage=_stage(case, 1))
    elif kind is L.STAGE1_RESPONSE:
        case = _journey(org, "responded")
        stage = _stage(case, 1)
        facts.update(case=case, stage=stage, letter_date=D("2026-05-01"))
        extra.update(
            escalate_by=stage.escalate_by, escalation_contact="customer.feedback@great-places.example"
        )
    elif kind is L.STAGE2_ACKNOWLEDGEMENT:
        case = _journey(org, "acknowledged2")
        facts.update(case=case, stage=_stage(case, 2), letter_date=D("2026-05-13"))
    elif kind in (L.STAGE2_RESPONSE, L.SATISFACTION_SURVEY):
        case = _journey(org, "responded2")
        facts.update(case=case, letter_date=D("2026-06-10"))
        if kind is L.STAGE2_RESPONSE:
            facts.update(stage=_stage(case, 2))
        else:
            extra.update(survey_url="https://www.great-places.example/survey/GP-2026")
    elif kind is L.NOT_ACCEPTED:
        case = _log(org, summary="Fence panel blown down", description="Please fix my fence.")
        decision = services.complaint_not_accept(
            landlord=org.landlord,
            actor=org.director,
            case_id=case.pk,
            reason_code="service-request",
            rationale="This is the first time you have asked us to repair the fence. We have booked the repair.",
        )
        facts.update(case=case, letter_date=D("2026-04-01"))
        extra.update(decision=decision, reason_label="A service request")
    elif kind is L.NOT_ESCALATED:
        case = _journey(org, "responded")
        services.escalation_request(
            landlord=org.landlord, actor=org.officer, case_id=case.pk, requested_at=at("2026-05-11")
        )
        decision = services.escalation_refuse(
            landlord=org.landlord,
            actor=org.director,
            case_id=case.pk,
            reason_code="legal-proceedings",
            rationale="You have started a claim at court about the same leak. The court will decide it.",
        )
        facts.update(case=case, letter_date=D("2026-05-12"))
        extra.update(decision=decision, reason_label="Legal action on the same issue")
    elif kind in (L.COMPLIMENT_THANKS, L.COMPLIMENT_COLLEAGUE_NOTE):
        case = _log(
            org,
            Kind.COMPLIMENT,
            summary="Thank you to Amira",
            description="Amira sorted out my boiler the same day and kept me informed.",
            colleagues_named="Amira Hassan",
        )
        facts.update(case=case)
        extra.update(colleague_name="Amira Hassan")
        if kind is L.COMPLIMENT_COLLEAGUE_NOTE:
            extra.update(line_manager_name="Priya Shah", compliment_text=case.description)
    elif kind in (L.COMMENT_ACKNOWLEDGEMENT, L.COMMENT_RESPONSE):
        case = _log(
            org,
            Kind.COMMENT,
            summary="Text messages before repair visits",
            description="Could you text me the day before a repair visit?",
        )
        facts.update(case=case)
        if kind is L.COMMENT_RESPONSE:
            extra.update(response="From 1 July we will text every customer the day before a repair visit.")
    elif kind in (L.RESTRICTION, L.RESTRICTION_REVIEW_OUTCOME):
        restriction = Restriction.objects.create(
            landlord=org.landlord,
            customer=org.customer,
            type="single-channel",
            reason="Over the last month, some calls to our staff included abusive language.",
            how_to_contact="Please email customer.feedback@great-places.example. We will reply within 5 working days.",
            understanding_sought="Our housing manager, Joe Walsh, called you on 2 March to talk about this.",
            starts_on=D("2026-03-09"),
            review_by=D("2026-06-09"),
            decided_by=org.housing,
        )
        extra.update(restriction=restriction)
        if kind is L.RESTRICTION:
            extra.update(restriction_label="single channel", appeal_to="a director")
            facts.update(letter_date=D("2026-03-09"))
        else:
            review = RestrictionReview.objects.create(
                restriction=restriction,
                reviewed_on=D("2026-06-08"),
                outcome="extended",
                reasons="Abusive calls continued in May.",
                next_review_by=D("2026-09-08"),
                reviewed_by=org.housing,
            )
            extra.update(review=review)
            facts.update(letter_date=D("2026-06-08"))
    elif kind is L.AUTHORITY_REQUEST:
        case = _journey(org, "logged")
        representative = Representative.objects.create(
            landlord=org.landlord,
            customer=org.customer,
            name="Chris Morgan",
            relationship="Brother",
            basis=Representative.Basis.ASKED_BY_CUSTOMER,
            email="chris@example.test",
        )
        facts.update(case=case, letter_date=D("2026-04-01"))
        extra.update(representative=representative)
    elif kind is L.NEW_COMPLAINT_NOTICE:
        earlier = _journey(org, "responded")
        case = _log(org, summary="Broken fence", description="The fence was left broken after the repair.")
        facts.update(case=case, stage=_stage(case, 1), letter_date=D("2026-05-11"))
        extra.update(earlier_case=earlier, issue=case.description)
    else:  # pragma: no cover - a new kind needs its facts here
        raise AssertionError(f"no facts for {kind}")
    return facts


def _context(facts: dict[str, Any], profile_name: str) -> dict[str, Any]:
    org = facts["org"]
    return letter_context(
        landlord=org.landlord,
        profile=default_registry().latest(profile_name),
        customer=org.customer,
        recipient=recipient_for(org.customer),
        letter_date=facts["letter_date"],
        case=facts["case"],
        stage=facts["stage"],
        **facts["extra"],
    )


# -- the files -----------------------------------------------------------------------------------------


def test_every_kind_has_a_default_template_and_the_main_letters_a_plain_one():
    for kind in LetterKind:
        for variant in ("", ".plain") if kind in PLAIN_KINDS else ("",):
            subject, body = _default(kind, variant)
            assert subject and "\n" not in subject, f"{kind.value}{variant}: the subject is one line"
            assert body.lstrip().startswith("<p>Dear {{"), f"{kind.value}{variant} starts with the greeting"


def test_every_section_has_its_wording():
    assert {p.stem for p in SECTIONS.glob("*.html")} == {s.value for s in Section}


@pytest.mark.parametrize(("kind", "variant"), TEMPLATES, ids=TEMPLATE_IDS)
def test_default_places_every_section_required_under_every_profile(kind, variant):
    subject, body = _default(kind, variant)
    rendering.compile_body(subject, "subject")
    placed = rendering.sections_in_template(body)
    for name in PROFILES:
        missing = _required(kind, name) - placed
        assert not missing, f"{kind.value}{variant} under {name} does not place {sorted(missing)}"
    if kind is LetterKind.STAGE2_RESPONSE:
        assert "other_bodies" in placed  # whatever the profile, so a change of policy needs no new template


@pytest.mark.parametrize("section", [s.value for s in Section])
def test_every_section_has_words_even_with_no_facts(section):
    profile = default_registry().latest("hos-code-2024")
    context = {
        "landlord": Landlord(name="Great Places"),
        "profile": profile,
        "ombudsman": next(b for b in profile.referral_bodies if b.code == "housing-ombudsman"),
        "other_bodies": [],
        "letter_date": D("2026-05-01"),
        "case": None,
        "stage": None,
    }
    html = rendering.compile_body(f'{{% section "{section}" %}}').render(Context(context))
    assert rendering.sections_in_letter(html) == {section}
    assert "None" not in html


# -- rendering from a real case ------------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "variant"), TEMPLATES, ids=TEMPLATE_IDS)
def test_default_renders_every_required_section_with_words(kind, variant, request, gp):
    subject, body = _default(kind, variant)
    facts = _facts(kind, request, gp)
    case, stage = facts["case"], facts["stage"]
    for name in PROFILES:
        rendered = rendering.render(subject, body, _context(facts, name))
        required = _required(kind, name)
        assert required <= rendering.sections_in_letter(rendered.body_html), name
        assert required <= rendering.sections_in_letter(rendered.email_html), name
        assert rendered.subject and "{" not in rendered.subject and "None" not in rendered.subject
        for output in (rendered.body_html, rendered.email_html, rendered.text):
            assert "None" not in output and "{{" not in output and "{%" not in output
        assert rendered.text.startswith("Dear ") and rendered.text.count("Dear ") == 1
        assert "Yours sincerely" in rendered.text
        if case is not None:
            assert case.reference in rendered.subject + rendered.email_html

    context = _context(facts, facts["org"].landlord.policies.last().policy_name)
    rendered = rendering.render(subject, body, context)
    text, _ = _pdf_text(rendering.pdf(rendered, context, large_print=False))
    assert _words(rendered.subject) in text
    assert "Yours sincerely" in text
    if case is not None:
        assert f"Our reference: {case.reference}" in text
    if kind.about_a_complaint:
        assert OMBUDSMAN_PHONE in text
    if kind in RESPONSES:
        for decision in stage.decisions.all():
            assert _words(decision.reasons) in text
            assert decision.get_decision_display() in text


@pytest.mark.parametrize("kind", sorted(RESPONSES, key=lambda k: k.value), ids=lambda k: k.value)
def test_large_print_is_a_longer_letter_with_the_same_words(kind, request, gp):
    facts = _facts(kind, request, gp)
    subject, body = _default(kind)
    context = _context(facts, "great-places")
    rendered = rendering.render(subject, body, context)
    _, standard_pages = _pdf_text(rendering.pdf(rendered, context, large_print=False))
    large, large_pages = _pdf_text(rendering.pdf(rendered, context, large_print=True))
    assert large_pages > standard_pages
    assert f"Page 1 of {large_pages}" not in large  # the footer was recognised and stripped
    for decision in facts["stage"].decisions.all():
        assert _words(decision.reasons) in large


def _render(kind: LetterKind, context: dict[str, Any], variant: str = "") -> rendering.Rendered:
    subject, body = _default(kind, variant)
    return rendering.render(subject, body, context)


def test_stage1_response_gives_decisions_remedy_actions_and_the_way_to_stage2(request, gp):
    facts = _facts(LetterKind.STAGE1_RESPONSE, request, gp)
    text = _render(LetterKind.STAGE1_RESPONSE, _context(facts, "great-places")).text
    flat = _words(text)
    assert "Our decision: Upheld" in flat and "Our decision: Partly upheld" in flat
    assert "£150.00" in flat
    assert "Replace the water-damaged kitchen worktop: by 1 June 2026" in flat.replace("**", "")
    assert "You do not need to give a reason" in flat
    assert "There is no deadline: you can ask at any time" in flat  # Great Places sets no window
    assert "0300 111 3000" in flat and "info@housing-ombudsman.org.uk" in flat


def test_escalation_route_gives_the_deadline_where_the_policy_sets_one(request, gp):
    facts = _facts(LetterKind.STAGE1_RESPONSE, request, gp)
    facts["extra"]["escalate_by"] = D("2026-05-22")
    flat = _words(_render(LetterKind.STAGE1_RESPONSE, _context(facts, "brighter-places-2022")).text)
    assert "Please ask us by 22 May 2026" in flat.replace("**", "")
    assert "within 15 working days after it is finished" in flat


def test_stage2_response_refers_to_the_ombudsman_and_the_other_bodies(request, gp):
    facts = _facts(LetterKind.STAGE2_RESPONSE, request, gp)
    great = _words(_render(LetterKind.STAGE2_RESPONSE, _context(facts, "great-places")).text)
    assert "our complaints process has now ended" in great
    assert "your MP, a local councillor or a recognised tenant panel" in great
    assert "The Building Safety Regulator" in great
    assert "for building safety: structural failure or the spread of fire" in great
    code = _words(_render(LetterKind.STAGE2_RESPONSE, _context(facts, "hos-code-2024")).text)
    assert "No other complaint bodies apply to your complaint." in code


def test_a_complaint_not_upheld_says_why_there_is_no_remedy_and_no_actions(gp):
    case = _journey(gp, "acknowledged")
    services.stage_respond(
        landlord=gp.landlord,
        actor=gp.manager,
        case_id=case.pk,
        responded_on=D("2026-04-10"),
        outcome="not_upheld",
        summary="We did not find a fault.",
        answers=[
            services.PointAnswer(p["point"], "not_upheld", "Our records show every visit.")
            for p in DEFINITION
        ],
    )
    context = letter_context(
        landlord=gp.landlord,
        profile=default_registry().latest("great-places"),
        customer=gp.customer,
        recipient=recipient_for(gp.customer),
        letter_date=D("2026-04-10"),
        case=case,
        stage=_stage(case, 1),
        escalate_by=None,
        escalation_contact="customer.feedback@great-places.example",
    )
    flat = _words(_render(LetterKind.STAGE1_RESPONSE, context).text)
    assert "We have not offered a remedy, because we did not find that we got things wrong." in flat
    assert "There are no outstanding actions." in flat
    assert "Our decision: Not upheld" in flat


def test_extension_notice_gives_the_reason_and_the_new_date(request, gp):
    facts = _facts(LetterKind.EXTENSION_NOTICE, request, gp)
    stage = facts["stage"]
    for variant in ("", ".plain"):
        flat = _words(_render(LetterKind.EXTENSION_NOTICE, _context(facts, "great-places"), variant).text)
        assert "waiting for the contractor's report" in flat
        assert f"by {stage.respond_by.day} {stage.respond_by:%B %Y}" in flat.replace("**", "")


def test_not_escalated_explains_the_decision_and_the_right_to_the_ombudsman(request, gp):
    facts = _facts(LetterKind.NOT_ESCALATED, request, gp)
    assert facts["extra"]["decision"].type == Decision.Type.NOT_ESCALATED
    flat = _words(_render(LetterKind.NOT_ESCALATED, _context(facts, "great-places")).text)
    assert "We have decided not to look at your complaint again at stage 2." in flat
    assert "You have started a claim at court" in flat
    assert "You have the right to ask the Housing Ombudsman Service to look at our decision" in flat
