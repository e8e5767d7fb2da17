"""Setting a person's line manager from their page: shown on their page and the staff list, changed or
cleared on its own page, refusals shown on the form with the choice kept, and an administrator of
another landlord never reaches it."""

from __future__ import annotations

from putright.accounts.models import AdministrationEvent, Role
from putright.accounts.selectors import line_managers_at
from tests.factories import make_staff

STAFF = "/landlords/brighter/admin/"


def page_url(person, action: str = "line-manager/") -> str:
    return f"{STAFF}staff/{person.pk}/{action}"


def manager_of(org, person):
    return line_managers_at(org.landlord, [person]).get(person.pk)


def test_the_staff_list_shows_each_persons_line_manager(admin_client, brighter):
    body = admin_client.get(STAFF).content.decode()
    assert '<th scope="col" class="govuk-table__header">Line manager</th>' in body
    row = body[body.index(brighter.colleague.email) :]
    row = row[: row.index("</tr>")]
    assert f">{brighter.manager}</td>" in row
    officer = body[body.index(brighter.officer.email) :]
    assert ">None set</td>" in officer[: officer.index("</tr>")]


def test_the_persons_page_shows_their_line_manager_with_a_change_link(admin_client, brighter):
    body = admin_client.get(page_url(brighter.colleague, "")).content.decode()
    assert "Line manager" in body and f'{page_url(brighter.manager, "")}">{brighter.manager}</a>' in body
    assert f'href="{page_url(brighter.colleague)}">Change' in body
    body = admin_client.get(page_url(brighter.officer, "")).content.decode()
    assert "None set" in body and f"Compliments for {brighter.officer} go to them alone" in body
    assert f'href="{page_url(brighter.officer)}">Set' in body


def test_the_form_offers_everyone_else_here_who_is_a_person(admin_client, brighter, great):
    make_staff(brighter.landlord, "system@brighter.test", Role.INTEGRATION)
    body = admin_client.get(page_url(brighter.colleague)).content.decode()
    assert f"Who is {brighter.colleague}&#x27;s line manager?" in body
    assert f'<option value="{brighter.manager.pk}" selected>' in body
    assert '<option value="">No line manager</option>' in body
    for absent in ("system@brighter.test", great.officer.email, f'value="{brighter.colleague.pk}"'):
        assert absent not in body


def test_setting_a_line_manager_goes_back_to_the_person_with_a_message(admin_client, brighter):
    response = admin_client.post(
        page_url(brighter.officer), {"line_manager": str(brighter.director.pk)}, follow=True
    )
    assert response.redirect_chain[-1][0] == page_url(brighter.officer, "")
    body = response.content.decode()
    assert f"{brighter.director} is now {brighter.officer}&#x27;s line manager" in body
    assert f"Made {brighter.director} {brighter.officer}&#x27;s line manager" in body  # history
    assert manager_of(brighter, brighter.officer) == brighter.director


def test_clearing_a_line_manager_says_compliments_go_to_them_alone(admin_client, brighter):
    response = admin_client.post(page_url(brighter.colleague), {"line_manager": ""}, follow=True)
    assert "has no line manager now: compliments for them go to them alone" in response.content.decode()
    assert manager_of(brighter, brighter.colleague) is None
    assert AdministrationEvent.objects.get().kind == "line_manager.cleared"


def test_a_loop_is_refused_on_the_form_with_the_choice_kept(admin_client, brighter):
    # the colleague is managed by the manager: the manager cannot be managed by the colleague
    response = admin_client.post(page_url(brighter.manager), {"line_manager": str(brighter.colleague.pk)})
    body = response.content.decode()
    assert response.status_code == 200 and "<title>Error: " in body
    assert "A line manager cannot be someone they manage" in body and "govuk-error-summary" in body
    assert f'<option value="{brighter.colleague.pk}" selected>' in body
    assert manager_of(brighter, brighter.manager) is None and not AdministrationEvent.objects.exists()


def test_someone_not_offered_is_refused_with_a_clear_message(admin_client, brighter, great):
    response = admin_client.post(page_url(brighter.officer), {"line_manager": str(great.manager.pk)})
    assert "Choose someone who works here, or No line manager" in response.content.decode()
    assert manager_of(brighter, brighter.officer) is None and not AdministrationEvent.objects.exists()


def test_a_person_without_access_has_no_line_manager_page(admin_client, brighter, admin):
    from putright.accounts import services

    services.staff_access_remove(landlord=brighter.landlord, actor=admin, person=brighter.officer)
    assert admin_client.get(page_url(brighter.officer)).status_code == 404
    body = admin_client.get(page_url(brighter.officer, "")).content.decode()
    assert page_url(brighter.officer) not in body
