"""Customer records over HTTP (an integration creates customers; housing managers restrict contact), and
Awaab's Law hazard clocks and compensation payments on a case."""

from putright.customers.models import CustomerEvent

from .conftest import DEFINITION, cases_url, client_for, complaint_body


def customers_url(org, *parts):
    tail = "".join(f"{p}/" for p in parts)
    return f"/api/v1/landlords/{org.landlord.slug}/{tail}"


def test_customer_records_over_http(great, hms):
    r = client_for(hms).post(
        customers_url(great, "customers"),
        {
            "name": "Sam Patel",
            "tenancy_reference": "T-2002",
            "postcode": "m1 1aa",
            "preferred_channel": "phone",
        },
    )
    assert r.status_code == 201, r.json()
    customer = r.json()
    assert (customer["postcode"], customer["type"]) == ("M1 1AA", "resident")
    cid = customer["id"]

    officer, housing = client_for(great.officer), client_for(great.housing)
    r = officer.post(
        customers_url(great, "customers", cid, "representatives"),
        {"name": "Jo Patel", "relationship": "Daughter", "basis": "asked_by_customer"},
    )
    assert r.status_code == 201, r.json()
    assert r.json()["authority"] == "requested"
    r = officer.post(
        customers_url(great, "representatives", r.json()["id"], "authority"),
        {"authority": "given", "evidence": "Signed form on file"},
    )
    assert (r.status_code, r.json()["authority"]) == (200, "given")

    r = officer.post(
        customers_url(great, "customers", cid, "adjustments"),
        {"type": "large_print", "details": "18pt", "agreed_on": "2026-06-01"},
    )
    assert r.status_code == 201, r.json()
    adjustment = r.json()
    assert adjustment["review_by"] > "2026-06-01"
    r = officer.post(
        customers_url(great, "adjustments", adjustment["id"], "review"),
        {"reviewed_on": "2026-09-01", "note": "Still needed"},
    )
    assert r.status_code == 200 and r.json()["review_by"] > adjustment["review_by"]
    r = officer.post(
        customers_url(great, "adjustments", adjustment["id"], "end"),
        {"ended_on": "2026-10-01", "reason": "Moved"},
    )
    assert (r.status_code, r.json()["ended_on"]) == (200, "2026-10-01")

    r = officer.post(
        customers_url(great, "customers", cid, "disabilities"),
        {"description": "Sight loss", "disclosed_on": "2026-06-01"},
    )
    assert r.status_code == 201, r.json()

    restriction = {
        "type": "single-channel",
        "reason": "Repeated abusive calls",
        "how_to_contact": "Email the named officer",
        "understanding_sought": "Housing manager called on 28 August",
        "starts_on": "2026-08-31",
    }
    r = officer.post(customers_url(great, "customers", cid, "restrictions"), restriction)
    assert r.status_code == 403  # officers do not restrict contact
    r = housing.post(customers_url(great, "customers", cid, "restrictions"), {**restriction, "type": "ban"})
    assert r.status_code == 400 and r.json()["errors"][0]["field"] == "type"
    r = housing.post(customers_url(great, "customers", cid, "restrictions"), restriction)
    assert r.status_code == 201, r.json()
    rid = r.json()["id"]
    assert (r.json()["review_by"], r.json()["decided_by"]["email"]) == ("2026-11-30", "housing@great.test")
    r = housing.post(customers_url(great, "restrictions", rid, "appeal"), {"requested_on": "2026-09-05"})
    assert (r.status_code, r.json()["appeal_requested_on"]) == (200, "2026-09-05")
    r = housing.post(
        customers_url(great, "restrictions", rid, "review"),
        {"reviewed_on": "2026-11-02", "extend": False, "reasons": "Contact is now reasonable"},
    )
    assert (r.status_code, r.json()["status"]) == (200, "lifted")
    assert CustomerEvent.objects.filter(customer_id=cid).count() == 10


def test_another_landlords_customer_records_are_404(great, brighter):
    officer = client_for(great.officer)
    r = officer.post(
        customers_url(great, "customers", brighter.customer.pk, "adjustments"),
        {"type": "large_print", "details": "", "agreed_on": "2026-06-01"},
    )
    assert r.status_code == 404 and r["Content-Type"] == "application/problem+json"
    assert officer.post(customers_url(brighter, "customers"), {"name": "X"}).status_code == 404


def test_hazard_clocks_and_duties_over_http(great):
    officer, housing = client_for(great.officer), client_for(great.housing)
    ref = officer.post(
        cases_url(great),
        complaint_body(
            great, received_at="2026-11-02T16:30:00Z", hazard_kind="damp-mould", vulnerability=True
        ),
    ).json()["reference"]
    r = housing.post(cases_url(great, ref, "hazard-investigation"), {"concluded_on": "2026-11-10"})
    assert r.status_code == 200, r.json()
    assert r.json()["hazard_due"]["make_safe"] == "2026-11-17"
    r = housing.post(cases_url(great, ref, "hazard-duties"), {"duty": "make_safe", "done_on": "2026-11-18"})
    assert (r.status_code, r.json()["hazard_done"]) == (200, {"make_safe": "2026-11-18"})
    r = housing.post(cases_url(great, ref, "hazard-duties"), {"duty": "paint", "done_on": "2026-11-18"})
    assert r.status_code == 400 and r.json()["errors"][0]["field"] == "duty"
    detail = officer.get(cases_url(great, ref)).json()
    assert detail["hazard_investigation_concluded"] == "2026-11-10"
    assert detail["hazard_done"] == {"make_safe": "2026-11-18"}


def test_compensation_paid_over_http(great):
    officer = client_for(great.officer)
    ref = officer.post(cases_url(great), complaint_body(great)).json()["reference"]
    officer.post(
        cases_url(great, ref, "acknowledge"),
        {"acknowledged_on": "2026-04-02", "definition": DEFINITION, "responsible_for": "Repairs"},
    )
    officer.post(
        cases_url(great, ref, "response"),
        {
            "responded_on": "2026-04-10",
            "outcome": "upheld",
            "summary": "Sorry",
            "answers": [{"point": p["point"], "decision": "upheld", "reasons": "Late"} for p in DEFINITION],
            "remedies": [{"type": "financial", "description": "Delay", "compensation_offered": "75.00"}],
        },
    )
    remedy = officer.get(cases_url(great, ref)).json()["stages"][0]["remedies"][0]
    url = f"/api/v1/landlords/great/remedies/{remedy['id']}/payment/"
    r = officer.post(url, {"amount": "0", "paid_on": "2026-04-20"})
    assert r.status_code == 400 and r.json()["errors"][0]["field"] == "amount"
    r = officer.post(url, {"amount": "75.00", "paid_on": "2026-04-20"})
    assert r.status_code == 200, r.json()
    assert (r.json()["compensation_paid"], r.json()["paid_on"]) == ("75.00", "2026-04-20")
