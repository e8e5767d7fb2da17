from putright.accounts.models import Membership, Role
from putright.accounts.services import channel_account
from putright.residents.services import resident_portal_user
from putright.submissions.services import online_form_user


def test_a_customer_channel_acts_through_one_integration_account_per_landlord_that_cannot_sign_in(
    great, brighter
):
    account = channel_account(great.landlord, "online-form", "Online form")
    assert channel_account(great.landlord, "online-form", "Online form") == account
    assert channel_account(brighter.landlord, "online-form", "Online form") != account
    assert not account.has_usable_password()
    assert str(account) == "Online form (integration)"
    roles = Membership.objects.filter(user=account).values_list("landlord_id", "role")
    assert list(roles) == [(great.landlord.pk, Role.INTEGRATION.value)]


def test_the_online_form_and_the_resident_portal_are_different_accounts(great):
    form, portal = online_form_user(great.landlord), resident_portal_user(great.landlord)
    assert form != portal
    assert (form.email, portal.email) == (
        f"online-form@{great.landlord.slug}.putright.invalid",
        f"resident-portal@{great.landlord.slug}.putright.invalid",
    )
