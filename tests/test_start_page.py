from django.test import Client


def test_start_page_lists_every_profile_with_its_code_check(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    for title in (
        "Housing Ombudsman Complaint Handling Code 2024",
        "Great Places Customer Feedback Policy",
        "Brighter Places Customer Feedback and Complaints Policy (August 2022)",
    ):
        assert title in body
    assert "Where brighter-places-2022 falls short of the Code" in body
    assert "below the 12-month floor" in body
    assert "Where hos-code-2024 falls short" not in body
