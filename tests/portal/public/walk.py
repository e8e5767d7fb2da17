"""Walking the feedback form with Django's test client: the answers each page takes."""

from __future__ import annotations

from typing import Any

from django.test import Client

COMPLAINT: dict[str, dict[str, Any]] = {
    "who": {"who": "resident"},
    "kind": {"kind": "complaint"},
    "details": {"what_happened": "The lift has been broken for three weeks.", "where": "Flat 4, Elm Court"},
    "dates": {
        "issue_day": "3",
        "issue_month": "3",
        "issue_year": "2026",
        "aware_day": "3",
        "aware_month": "3",
        "aware_year": "2026",
    },
    "outcome": {"outcome": "Fix the lift and tell me when."},
    "adjustments": {"adjustments": ["large_print"]},
    "contact": {"name": "Sam Taylor", "email": "sam@example.test", "preferred": "email"},
    "attachments": {"action": "continue"},
}


def url(slug: str, step: str = "") -> str:
    if step == "check":
        return f"/feedback/{slug}/give-feedback/check-your-answers/"
    return f"/feedback/{slug}/give-feedback/{step + '/' if step else ''}"


def walk(client: Client, slug: str, pages: dict[str, dict[str, Any]]) -> None:
    """Answer each page in turn, following the form's own redirects, until check your answers."""
    response = client.get(url(slug))
    while True:
        location = response["Location"]
        if location.endswith("/check-your-answers/"):
            return
        step = location.rstrip("/").split("/")[-1]
        response = client.post(location, pages[step])
        assert response.status_code == 302, (step, response.content.decode()[:3000])


def send(client: Client, slug: str, **extra: Any) -> Any:
    return client.post(
        url(slug, "check"), extra.get("data", {}), **{k: v for k, v in extra.items() if k != "data"}
    )
