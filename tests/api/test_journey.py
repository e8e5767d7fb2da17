"""A complaint's whole journey over HTTP with tokens: logged by the housing management system, worked at
stage 1 and stage 2 by staff in their roles, closed with learning; the case resource shows every stage's
deadlines as ISO dates with their explanations."""

from .conftest import DEFINITION, cases_url, client_for, complaint_body


def test_complaint_journey_over_http(great, hms):
    integration, officer, manager, director = (
        client_for(u) for u in (hms, great.officer, great.manager, great.director)
    )

    logged = integration.post(cases_url(great), complaint_body(great), headers={"Idempotency-Key": "hms-77"})
    assert logged.status_code == 201, logged.json()
    ref = logged.json()["reference"]
    assert ref == "GP-2026-000001"
    assert logged["Location"].endswith(f"/api/v1/landlords/great/cases/{ref}/")
    assert (logged.json()["next_due"], logged.json()["next_due_kind"]) == ("2026-04-09", "acknowledge")

    r = manager.post(
        cases_url(great, ref, "acknowledge"),
        {"acknowledged_on": "2026-04-02", "definition": DEFINITION, "responsible_for": "Repairs to the home"},
    )
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == "stage1_investigating"
    assert r.json()["handler"]["email"] == "manager@great.test"
    assert r.json()["next_due"] == "2026-04-20"

    r = manager.post(
        cases_url(great, ref, "extensions"),
        {"days": 10, "notified_on": "2026-04-15", "reason": "Waiting for the contractor's report"},
    )
    assert r.status_code == 201, r.json()
    assert r.json()["applied"] is True

    r = manager.post(
        cases_url(great, ref, "response"),
        {
            "responded_on": "2026-05-01",
            "outcome": "partly_upheld",
            "summary": "We are sorry for the delay.",
            "answers": [
                {"point": p["point"], "decision": "upheld", "reasons": "It was late."} for p in DEFINITION
            ],
            "remedies": [
                {
                    "type": "financial",
                    "description": "Compensation for the delay",
                    "compensation_offered": "150.00",
                }
            ],
            "actions": [
                {
                    "description": "Replace the kitchen worktop",
                    "owner": "housing@great.test",
                    "due_on": "2026-06-01",
                }
            ],
        },
    )
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == "stage1_responded"

    r = officer.post(cases_url(great, ref, "escalation"), {"requested_at": "2026-05-11T09:30:00+01:00"})
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == "stage2_requested" and r.json()["stage"] == 2

    r = officer.post(cases_url(great, ref, "stage2-handler"), {"handler": "Director@Great.test"})
    assert r.status_code == 200, r.json()
    assert r.json()["handler"]["email"] == "director@great.test"

    r = director.post(
        cases_url(great, ref, "acknowledge"),
        {"acknowledged_on": "2026-05-13", "definition": DEFINITION, "responsible_for": "Repairs to the home"},
    )
    assert r.status_code == 200, r.json()
    assert r.json()["next_due"] == "2026-06-11"  # 20 working days, skipping the spring bank holiday

    r = director.post(
        cases_url(great, ref, "response"),
        {
            "responded_on": "2026-06-10",
            "outcome": "upheld",
            "summary": "Final response",
            "answers": [
                {"point": p["point"], "decision": "upheld", "reasons": "Agreed."} for p in DEFINITION
            ],
        },
    )
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == "stage2_responded"

    r = officer.post(
        cases_url(great, ref, "close"),
        {"lesson": "Chase contractors' reports weekly", "improvement": "Weekly report chase"},
    )
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == "closed" and r.json()["closed_at"]

    r = officer.post(cases_url(great, ref, "satisfaction"), {"score": 4, "comment": "Sorted in the end"})
    assert r.status_code == 201, r.json()

    case = officer.get(cases_url(great, ref)).json()
    stage1, stage2 = case["stages"]
    assert (stage1["acknowledge_by"], stage1["respond_by"], stage1["respond_by_provisional"]) == (
        "2026-04-09",
        "2026-05-05",
        False,
    )
    assert stage1["breaches"] == []
    assert all(isinstance(sentence, str) for sentence in stage1["explanation"])
    assert any("2026-05-05" in sentence for sentence in stage1["explanation"])
    assert stage1["extensions"][0]["days"] == 10
    assert [d["point"] for d in stage1["decisions"]] == [p["point"] for p in DEFINITION]
    assert stage1["remedies"][0]["compensation_offered"] == "150.00"
    assert stage1["actions"][0]["owner"]["email"] == "housing@great.test"
    assert stage1["definition"] == DEFINITION
    assert (stage2["number"], stage2["respond_by"], stage2["handler"]["email"]) == (
        2,
        "2026-06-11",
        "director@great.test",
    )
    assert case["learning"]["lesson"] == "Chase contractors' reports weekly"
    assert case["satisfaction"][0]["score"] == 4
    assert [e["kind"] for e in case["timeline"]] == [
        "logged",
        "stage1_acknowledged",
        "extended",
        "stage1_responded",
        "escalation_requested",
        "stage2_handler_assigned",
        "stage2_acknowledged",
        "stage2_responded",
        "closed",
        "satisfaction",
    ]
    assert case["timeline"][0]["actor"]["email"] == "hms@great.test"

    action_id = stage1["actions"][0]["id"]
    r = client_for(great.housing).post(
        f"/api/v1/landlords/great/actions/{action_id}/complete/", {"completed_on": "2026-06-01"}
    )
    assert r.status_code == 200, r.json()
    assert r.json()["completed_on"] == "2026-06-01"


def test_other_kinds_over_http(great):
    officer = client_for(great.officer)

    def log(kind, **extra):
        r = officer.post(cases_url(great), complaint_body(great, kind=kind, **extra))
        assert r.status_code == 201, r.json()
        return r.json()["reference"]

    compliment = log("compliment", colleagues_named="Sam")
    r = officer.post(cases_url(great, compliment, "pass-on"), {"colleague": "colleague@great.test"})
    assert (r.status_code, r.json()["status"]) == (200, "passed_on")

    comment = log("comment")
    r = officer.post(cases_url(great, comment, "comment-acknowledgement"))
    assert (r.status_code, r.json()["status"]) == (200, "acknowledged")
    r = officer.post(cases_url(great, comment, "comment-response"), {"response": "Thank you; we will."})
    assert (r.status_code, r.json()["status"]) == (200, "closed")

    feedback = log("feedback")
    r = officer.post(cases_url(great, feedback, "resolve"), {"resolution": "Explained on the phone"})
    assert (r.status_code, r.json()["status"]) == (200, "resolved")

    request = log("service_request")
    r = officer.post(cases_url(great, request, "complaint-choice"), {"choice": "complaint"})
    assert r.status_code == 200, r.json()
    assert r.json()["kind"] == "complaint" and r.json()["reference"] != request
    linked = officer.get(cases_url(great, r.json()["reference"])).json()
    assert linked["linked_case"] == request

    another = log("service_request")
    r = officer.post(cases_url(great, another, "convert-to-complaint"), {})
    assert r.status_code == 201, r.json()
    assert r.json()["kind"] == "complaint"


def test_stage_side_commands_over_http(brighter):
    officer = client_for(brighter.officer)
    ref = officer.post(cases_url(brighter), complaint_body(brighter)).json()["reference"]

    r = officer.post(
        cases_url(brighter, ref, "clarification-attempts"),
        {"at": "2026-04-01T11:00:00+01:00", "channel": "phone", "reached": False, "note": "No answer"},
    )
    assert r.status_code == 201, r.json()
    assert r.json()["reached"] is False

    r = officer.post(
        cases_url(brighter, ref, "acknowledge"),
        {"acknowledged_on": "2026-04-01", "definition": DEFINITION, "responsible_for": "Repairs"},
    )
    assert r.status_code == 200, r.json()

    r = officer.post(cases_url(brighter, ref, "issues"), {"point": "The operative was rude", "related": True})
    assert r.status_code == 200, r.json()
    assert r.json()["incorporated"] is True and r.json()["case"]["reference"] == ref

    r = officer.post(cases_url(brighter, ref, "no-contact-warning"), {"letter_on": "2026-04-10"})
    assert r.status_code == 200, r.json()
    after = officer.get(cases_url(brighter, ref)).json()["stages"][0]["close_without_contact_after"]
    assert after
    r = officer.post(cases_url(brighter, ref, "close-no-contact"), {"on": after})
    assert r.status_code == 400
    assert r.json()["errors"][0]["field"] == "on"
    r = officer.post(
        cases_url(brighter, ref, "withdraw"), {"on": "2026-04-20", "reason": "Sorted informally"}
    )
    assert (r.status_code, r.json()["status"]) == (200, "withdrawn")


def test_decisions_not_to_accept_and_not_to_escalate(brighter):
    officer, director = client_for(brighter.officer), client_for(brighter.director)
    first = officer.post(cases_url(brighter), complaint_body(brighter)).json()["reference"]
    second = officer.post(cases_url(brighter), complaint_body(brighter)).json()["reference"]

    r = officer.post(
        cases_url(brighter, second, "not-accepted"),
        {"reason_code": "reopen-concluded", "rationale": "Answered in March", "previous_case": first},
    )
    assert r.status_code == 200, r.json()
    assert (r.json()["type"], r.json()["previous_case"]) == ("not_accepted", first)

    officer.post(
        cases_url(brighter, first, "acknowledge"),
        {"acknowledged_on": "2026-04-01", "definition": DEFINITION, "responsible_for": "Repairs"},
    )
    officer.post(
        cases_url(brighter, first, "response"),
        {
            "responded_on": "2026-04-16",
            "outcome": "upheld",
            "summary": "Sorry",
            "answers": [{"point": p["point"], "decision": "upheld", "reasons": "Late"} for p in DEFINITION],
        },
    )
    officer.post(cases_url(brighter, first, "escalation"), {"requested_at": "2026-04-20T10:00:00+01:00"})
    r = director.post(
        cases_url(brighter, first, "refuse-escalation"),
        {"reason_code": "legal-proceedings", "rationale": "A claim was filed on 15 April"},
    )
    assert r.status_code == 200, r.json()
    assert r.json()["type"] == "not_escalated"
    assert r.json()["decided_by"]["email"] == "director@brighter.test"
