"""Staff administration at a landlord: inviting people, granting and revoking roles, setting a person's
line manager, removing a person's access and resetting their two-factor authentication. Administrators
only; every change is audited.

Memberships are deleted when a role is revoked (every permission check reads them as they are), so the
audit record keeps the history: who held which role, from when, and who took it away. People are never
deleted, and a landlord is never left without an administrator.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from putright.accounts.models import AdministrationEvent, Membership, Role, User
from putright.accounts.permissions import require
from putright.accounts.selectors import line_managers_at
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.organisations.models import Landlord


def administration_event_record(
    *,
    landlord: Landlord,
    actor: User | None,
    kind: str,
    summary: str,
    person: User | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AdministrationEvent:
    """Append an audit record in the caller's transaction (every administration service calls this)."""
    return AdministrationEvent.objects.create(
        landlord=landlord,
        at=timezone.now(),
        actor=actor,
        person=person,
        kind=kind,
        summary=summary,
        before=before or {},
        after=after or {},
    )


def _role(role: str) -> Role:
    if role not in Role.values:
        raise InvalidInputError("role", "choose a role")
    return Role(role)


def _memberships_here(person: User, landlord: Landlord) -> list[Membership]:
    return list(
        Membership.objects.select_for_update().filter(user=person, landlord=landlord).order_by("role")
    )


def _keep_an_administrator(landlord: Landlord, person: User, removing: set[str]) -> None:
    """Refuse a change that would leave the landlord with no administrator (the rows are locked, so two
    administrators cannot remove each other at the same moment)."""
    if Role.ADMINISTRATOR not in removing:
        return
    others = (
        Membership.objects.select_for_update()
        .filter(landlord=landlord, role=Role.ADMINISTRATOR, user__is_active=True)
        .exclude(user=person)
    )
    if not list(others):
        raise InvalidInputError(
            "role",
            f"{person} is the only administrator at {landlord.name}: make someone else an administrator first",
        )


def _membership_facts(membership: Membership) -> dict[str, Any]:
    return {
        "role": membership.role,
        "since": membership.created_at.isoformat(),
        "line_manager": membership.line_manager_id,
    }


@transaction.atomic
def staff_invite(
    *, landlord: Landlord, actor: User, email: str, first_name: str, last_name: str, role: str, site_url: str
) -> User:
    """Give a person a role at the landlord. Someone new gets an account with no password and an email
    with a link to set one (Django's password reset machinery); someone who already has an account keeps
    it and is told of the new role. `site_url` is where links in the email point (https://host)."""
    require(actor, landlord, "landlord.administer")
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise InvalidInputError(
            "email", "Enter an email address in the correct format, like name@example.com"
        ) from None
    first_name, last_name = first_name.strip(), last_name.strip()
    if not first_name:
        raise InvalidInputError("first_name", "Enter their first name")
    if not last_name:
        raise InvalidInputError("last_name", "Enter their last name")
    chosen = _role(role)
    person = User.objects.select_for_update().filter(email=email).first()
    new = person is None
    if person is None:
        person = User.objects.create_user(email, None, first_name=first_name, last_name=last_name)
    elif Membership.objects.filter(user=person, landlord=landlord, role=chosen).exists():
        raise InvalidInputError("email", f"{person} is already a {chosen.label.lower()} at {landlord.name}")
    Membership.objects.create(
        user=person,
        landlord=landlord,
        role=chosen,
        line_manager=line_managers_at(landlord, [person]).get(person.pk),
    )
    administration_event_record(
        landlord=landlord,
        actor=actor,
        person=person,
        kind="staff.invited" if new else "role.granted",
        summary=f"{'Added' if new else 'Gave'} {person} {'as' if new else 'the role'} {chosen.label.lower()}",
        after={"email": email, "role": chosen.value},
    )
    message = _invitation(landlord, person, chosen, site_url) if new else _new_role(landlord, person, chosen)
    transaction.on_commit(
        lambda: send_mail(
            f"You have been added to PutRight at {landlord.name}", message, None, [person.email]
        )
    )
    return person


def _invitation(landlord: Landlord, person: User, role: Role, site_url: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(person.pk))
    token = default_token_generator.make_token(person)
    link = site_url.rstrip("/") + reverse(
        "backoffice:password-reset-confirm", kwargs={"uidb64": uid, "token": token}
    )
    return (
        f"Hello {person.first_name},\n\n"
        f"You have been added to PutRight, {landlord.name}'s complaints and feedback system, as "
        f"{role.label.lower()}.\n\nSet your password here:\n\n{link}\n\n"
        "The link works once, for a few days. If it has expired, ask your PutRight administrator to send "
        "you a new one.\n"
    )


@transaction.atomic
def staff_invitation_resend(*, landlord: Landlord, actor: User, person: User, site_url: str) -> None:
    """Email a new set-password link to someone who has not set a password yet (theirs expired or was
    lost); anyone who has set one uses "Forgotten your password?" instead."""
    require(actor, landlord, "landlord.administer")
    role = (
        Membership.objects.filter(user=person, landlord=landlord)
        .order_by("created_at")
        .values_list("role", flat=True)
        .first()
    )
    if role is None:
        raise NotFoundError(f"{person} has no access at {landlord.name}")
    if person.has_usable_password():
        raise InvalidInputError("person", f"{person} has already set a password")
    administration_event_record(
        landlord=landlord,
        actor=actor,
        person=person,
        kind="staff.invitation_resent",
        summary=f"Sent {person} a new link to set their password",
    )
    message = _invitation(landlord, person, Role(role), site_url)
    transaction.on_commit(
        lambda: send_mail(f"Set your password for PutRight at {landlord.name}", message, None, [person.email])
    )


def _new_role(landlord: Landlord, person: User, role: Role) -> str:
    return (
        f"Hello {person.first_name or person.email},\n\n"
        f"You now have the role {role.label.lower()} at {landlord.name} in PutRight. Sign in with your "
        "existing email address and password.\n"
    )


@transaction.atomic
def membership_grant(*, landlord: Landlord, actor: User, person: User, role: str) -> Membership:
    """Give a person one more role at the landlord."""
    require(actor, landlord, "landlord.administer")
    chosen = _role(role)
    if Membership.objects.filter(user=person, landlord=landlord, role=chosen).exists():
        raise InvalidInputError("role", f"{person} is already a {chosen.label.lower()}")
    membership = Membership.objects.create(
        user=person,
        landlord=landlord,
        role=chosen,
        line_manager=line_managers_at(landlord, [person]).get(person.pk),
    )
    administration_event_record(
        landlord=landlord,
        actor=actor,
        person=person,
        kind="role.granted",
        summary=f"Gave {person} the role {chosen.label.lower()}",
        after={"role": chosen.value},
    )
    return membership


@transaction.atomic
def membership_revoke(*, landlord: Landlord, actor: User, person: User, role: str) -> None:
    """Take one role away. The landlord's last administrator keeps theirs."""
    require(actor, landlord, "landlord.administer")
    chosen = _role(role)
    held = {m.role: m for m in _memberships_here(person, landlord)}
    if chosen not in held:
        raise InvalidInputError("role", f"{person} is not a {chosen.label.lower()}")
    _keep_an_administrator(landlord, person, {chosen.value})
    membership = held[chosen]
    membership.delete()
    if len(held) == 1:
        _release_people_managed_by(landlord, actor, person)
    administration_event_record(
        landlord=landlord,
        actor=actor,
        person=person,
        kind="role.revoked",
        summary=f"Took the role {chosen.label.lower()} away from {person}",
        before=_membership_facts(membership),
    )


@transaction.atomic
def staff_access_remove(*, landlord: Landlord, actor: User, person: User) -> int:
    """Remove every role a person holds at the landlord, so they reach nothing of it any more. Their
    account, their other landlords and everything they did are kept. Returns how many roles went."""
    require(actor, landlord, "landlord.administer")
    memberships = _memberships_here(person, landlord)
    if not memberships:
        raise NotFoundError(f"{person} has no access at {landlord.name}")
    _keep_an_administrator(landlord, person, {m.role for m in memberships})
    before = {"roles": [_membership_facts(m) for m in memberships]}
    Membership.objects.filter(pk__in=[m.pk for m in memberships]).delete()
    _release_people_managed_by(landlord, actor, person)
    administration_event_record(
        landlord=landlord,
        actor=actor,
        person=person,
        kind="access.removed",
        summary=f"Removed {person}'s access to {landlord.name}",
        before=before,
    )
    return len(memberships)


@transaction.atomic
def second_factor_reset(*, landlord: Landlord, actor: User, person: User) -> None:
    """Remove a person's authenticator app (say it was lost): codes from it stop working at once, and
    they set up a new one the next time they sign in (administrators must; others may)."""
    require(actor, landlord, "landlord.administer")
    if not Membership.objects.filter(user=person, landlord=landlord).exists():
        raise NotFoundError(f"{person} has no access at {landlord.name}")
    if person.pk == actor.pk:
        raise InvalidInputError("person", "Change your own authenticator app from your account page")
    devices = TOTPDevice.objects.select_for_update().filter(user=person)
    if not devices.filter(confirmed=True).exists():
        raise InvalidInputError("person", f"{person} has not set up two-factor authentication")
    devices.delete()
    administration_event_record(
        landlord=landlord,
        actor=actor,
        person=person,
        kind="second_factor.reset",
        summary=f"Reset {person}'s two-factor authentication",
        before={"two_factor": "on"},
        after={"two_factor": "off"},
    )


def _line_managers_here(landlord: Landlord) -> dict[int, int | None]:
    """Each person's line manager at the landlord, from memberships locked for the change (so two
    administrators cannot close a loop between them at the same moment)."""
    managers: dict[int, int | None] = {}
    rows = Membership.objects.select_for_update().filter(landlord=landlord).order_by("pk")
    for user_id, manager_id in rows.values_list("user_id", "line_manager_id"):
        managers[user_id] = managers.get(user_id) or manager_id
    return managers


def _check_line_manager(landlord: Landlord, person: User, manager: User) -> None:
    """A line manager is someone else who works here (a person, not an integration) and is not managed,
    directly or further down, by the person they would manage."""
    if manager.pk == person.pk:
        raise InvalidInputError("line_manager", "Choose someone else: nobody can be their own line manager")
    roles = set(Membership.objects.filter(user=manager, landlord=landlord).values_list("role", flat=True))
    if not roles or not manager.is_active:
        raise InvalidInputError(
            "line_manager", f"Choose someone who works for {landlord.name}: {manager} does not"
        )
    if roles == {Role.INTEGRATION}:
        raise InvalidInputError("line_manager", f"Choose a person: {manager} is another system")
    managers = _line_managers_here(landlord)
    above: int | None = manager.pk
    while above is not None:
        if above == person.pk:
            raise InvalidInputError(
                "line_manager",
                "A line manager cannot be someone they manage: "
                f"{manager} is managed, directly or through others, by {person}",
            )
        above = managers.pop(above, None)


def _line_manager_facts(manager: User | None) -> dict[str, Any]:
    return {"line_manager": manager.pk if manager else None, "name": str(manager or "")}


@transaction.atomic
def line_manager_set(*, landlord: Landlord, actor: User, person: User, line_manager: User | None) -> None:
    """Set, change or clear (None) the person's line manager at the landlord: the colleague who is sent a
    copy of every compliment for them. Kept on each of their roles here, so every role agrees."""
    require(actor, landlord, "landlord.administer")
    memberships = _memberships_here(person, landlord)
    if not memberships:
        raise NotFoundError(f"{person} has no access at {landlord.name}")
    current = next((m.line_manager for m in memberships if m.line_manager_id), None)
    if line_manager is None and current is None:
        raise InvalidInputError("line_manager", f"Nothing changed: {person} has no line manager to clear")
    if line_manager is not None:
        if current is not None and current.pk == line_manager.pk:
            raise InvalidInputError(
                "line_manager", f"Nothing changed: {line_manager} is already {person}'s line manager"
            )
        _check_line_manager(landlord, person, line_manager)
    Membership.objects.filter(pk__in=[m.pk for m in memberships]).update(line_manager=line_manager)
    if line_manager is None:
        summary = f"Cleared {person}'s line manager (was {current})"
    elif current is None:
        summary = f"Made {line_manager} {person}'s line manager"
    else:
        summary = f"Changed {person}'s line manager from {current} to {line_manager}"
    administration_event_record(
        landlord=landlord,
        actor=actor,
        person=person,
        kind="line_manager.cleared" if line_manager is None else "line_manager.set",
        summary=summary,
        before=_line_manager_facts(current),
        after=_line_manager_facts(line_manager),
    )


def _release_people_managed_by(landlord: Landlord, actor: User, former: User) -> None:
    """Someone who no longer works here manages nobody here: each person they managed is left without a
    line manager, audited, for an administrator to set a new one."""
    managed = list(Membership.objects.select_for_update().filter(landlord=landlord, line_manager=former))
    for person in User.objects.filter(pk__in={m.user_id for m in managed}).order_by("pk"):
        administration_event_record(
            landlord=landlord,
            actor=actor,
            person=person,
            kind="line_manager.cleared",
            summary=f"Cleared {person}'s line manager: {former} no longer has access",
            before=_line_manager_facts(former),
            after=_line_manager_facts(None),
        )
    Membership.objects.filter(pk__in=[m.pk for m in managed]).update(line_manager=None)


def channel_account(landlord: Landlord, handle: str, name: str) -> User:
    """The integration account a customer channel (the online form, the resident portal) acts through at
    the landlord, made on first use: never a person, it has no password and only the integration role, so
    what customers do there is recorded as done through that channel."""
    user, created = User.objects.get_or_create(
        email=f"{handle}@{landlord.slug}.putright.invalid",
        defaults={"first_name": name, "last_name": "(integration)"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    Membership.objects.get_or_create(user=user, landlord=landlord, role=Role.INTEGRATION)
    return user
