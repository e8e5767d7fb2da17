"""Landlord administration: adopting a policy profile, closure days, homes counts, branding and the logo.
History is kept, and every change is on the landlord's administration audit trail."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from PIL import Image, UnidentifiedImageError

from putright.accounts.models import User
from putright.accounts.permissions import require
from putright.accounts.services import administration_event_record
from putright.cases.services.calendar_change import stages_recompute_after_calendar_change
from putright.domain.code_check import check_profile
from putright.domain.colour import AA_NORMAL_TEXT, WHITE, contrast_ratio, is_hex_colour
from putright.domain.errors import InvalidInputError
from putright.domain.profiles import default_registry
from putright.organisations.models import ClosureDay, HomesCount, Landlord, LandlordLogo, LandlordPolicy

LOGO_MAX_BYTES = 500 * 1024
LOGO_MAX_SIDE = 2000
LOGO_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}
"""PNG and JPEG only: SVG is refused because it can carry scripts."""


@transaction.atomic
def policy_adopt(
    *, landlord: Landlord, actor: User, policy_name: str, adopted_from: date
) -> tuple[LandlordPolicy, list[str]]:
    """Adopt a policy profile from a date; cases received before then keep the one they started under.
    Returns the Code 2024 shortfalls of the profile, so the administrator sees them at once."""
    require(actor, landlord, "landlord.administer")
    profile = default_registry().in_force(policy_name, adopted_from)  # raises for an unknown policy or date
    if LandlordPolicy.objects.filter(landlord=landlord, adopted_from=adopted_from).exists():
        raise InvalidInputError("adopted_from", f"a policy is already adopted from {adopted_from}")
    adopted = LandlordPolicy.objects.create(
        landlord=landlord, policy_name=policy_name, adopted_from=adopted_from
    )
    administration_event_record(
        landlord=landlord,
        actor=actor,
        kind="policy.adopted",
        summary=f"Adopted {profile.title} ({policy_name}) from {adopted_from.day} {adopted_from:%B %Y}",
        after={"policy_name": policy_name, "adopted_from": adopted_from.isoformat()},
    )
    return adopted, [f"{s.provision}: {s.why}" for s in check_profile(profile)]


@transaction.atomic
def closure_day_add(*, landlord: Landlord, actor: User, day: date, reason: str) -> ClosureDay:
    """A day the landlord is closed, skipped in every working-day count from now on. The stored deadlines
    of open complaints whose clock runs across that day are recomputed at once."""
    return closure_day_declare(landlord=landlord, actor=actor, day=day, reason=reason).closure


@dataclass(frozen=True)
class ClosureDeclared:
    closure: ClosureDay
    recomputed: int
    """How many open stages' stored deadlines moved because of the new closure day."""


@transaction.atomic
def closure_day_declare(*, landlord: Landlord, actor: User, day: date, reason: str) -> ClosureDeclared:
    """`closure_day_add`, also saying how many open stages were recomputed (for the administrator)."""
    require(actor, landlord, "landlord.administer")
    if not reason.strip():
        raise InvalidInputError("reason", "say why the landlord is closed")
    closure, created = ClosureDay.objects.get_or_create(
        landlord=landlord, day=day, defaults={"reason": reason.strip()}
    )
    if not created:
        raise InvalidInputError("day", f"{day} is already a closure day ({closure.reason})")
    recomputed = stages_recompute_after_calendar_change(landlord=landlord, day=day)
    administration_event_record(
        landlord=landlord,
        actor=actor,
        kind="closure_day.added",
        summary=f"Added {day.day} {day:%B %Y} as a closure day ({closure.reason}); {recomputed} open stage"
        f"{'' if recomputed == 1 else 's'} recomputed",
        after={"day": day.isoformat(), "reason": closure.reason, "recomputed": recomputed},
    )
    return ClosureDeclared(closure, recomputed)


@transaction.atomic
def homes_count_set(*, landlord: Landlord, actor: User, year_starting: int, homes: int) -> HomesCount:
    """Homes owned in the reporting year starting 1 April `year_starting`, for the TSM figures per 1,000 homes."""
    require(actor, landlord, "landlord.administer")
    if homes < 1:
        raise InvalidInputError("homes", "a landlord owns at least one home")
    before = (
        HomesCount.objects.select_for_update()
        .filter(landlord=landlord, year_starting=year_starting)
        .values_list("homes", flat=True)
        .first()
    )
    count, _ = HomesCount.objects.update_or_create(
        landlord=landlord, year_starting=year_starting, defaults={"homes": homes}
    )
    administration_event_record(
        landlord=landlord,
        actor=actor,
        kind="homes.set",
        summary=f"Homes owned in {year_starting} to {year_starting + 1}: {homes:,}"
        + (f" (was {before:,})" if before is not None else ""),
        before={"year_starting": year_starting, "homes": before} if before is not None else {},
        after={"year_starting": year_starting, "homes": homes},
    )
    return count


BRANDING_FIELDS = ("name", "brand_colour", "email", "phone", "address", "website")


@transaction.atomic
def landlord_branding_set(
    *,
    landlord: Landlord,
    actor: User,
    name: str,
    brand_colour: str,
    email: str,
    phone: str,
    address: str,
    website: str,
) -> Landlord:
    """The name shown, the brand colour and the contact details used on pages and letters. The colour is
    the staff header's background behind white text, so it must reach WCAG AA contrast (4.5:1)."""
    require(actor, landlord, "landlord.administer")
    name, brand_colour = name.strip(), brand_colour.strip().lower()
    if not name:
        raise InvalidInputError("name", "Enter the name to show")
    if not is_hex_colour(brand_colour):
        raise InvalidInputError("brand_colour", "Enter the colour as # and six hex digits, like #1d70b8")
    ratio = contrast_ratio(brand_colour, WHITE)
    if ratio < AA_NORMAL_TEXT:
        raise InvalidInputError(
            "brand_colour",
            f"White text on {brand_colour} has a contrast of {ratio:.1f} to 1, below the 4.5 to 1 that "
            "WCAG AA needs: choose a darker colour",
        )
    locked = Landlord.objects.select_for_update().get(pk=landlord.pk)
    before = {field: getattr(locked, field) for field in BRANDING_FIELDS}
    after = {
        "name": name,
        "brand_colour": brand_colour,
        "email": email.strip(),
        "phone": phone.strip(),
        "address": address.strip(),
        "website": website.strip(),
    }
    changed = [field for field in BRANDING_FIELDS if before[field] != after[field]]
    if not changed:
        return locked
    for field in changed:
        setattr(locked, field, after[field])
    locked.save(update_fields=changed)
    administration_event_record(
        landlord=locked,
        actor=actor,
        kind="branding.changed",
        summary="Changed the " + ", ".join(field.replace("_", " ") for field in changed),
        before={field: before[field] for field in changed},
        after={field: after[field] for field in changed},
    )
    return locked


@transaction.atomic
def landlord_logo_set(*, landlord: Landlord, actor: User, content: bytes) -> LandlordLogo:
    """Replace the logo with a PNG or JPEG image (checked by decoding it, not by its name), size-limited."""
    require(actor, landlord, "landlord.administer")
    if not content:
        raise InvalidInputError("logo", "Select a PNG or JPEG image")
    if len(content) > LOGO_MAX_BYTES:
        raise InvalidInputError("logo", f"The logo must be smaller than {LOGO_MAX_BYTES // 1024} KB")
    try:
        with Image.open(io.BytesIO(content)) as image:
            image_format, (width, height) = image.format or "", image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise InvalidInputError("logo", "The logo must be a PNG or JPEG image") from None
    if image_format not in LOGO_FORMATS:
        raise InvalidInputError("logo", "The logo must be a PNG or JPEG image")
    if max(width, height) > LOGO_MAX_SIDE:
        raise InvalidInputError("logo", f"The logo must be at most {LOGO_MAX_SIDE} pixels wide and high")
    now = timezone.now()
    logo, _ = LandlordLogo.objects.update_or_create(
        landlord=landlord,
        defaults={
            "image": content,
            "content_type": LOGO_FORMATS[image_format],
            "width": width,
            "height": height,
            "uploaded_at": now,
        },
    )
    Landlord.objects.filter(pk=landlord.pk).update(logo_uploaded_at=now)
    landlord.logo_uploaded_at = now
    administration_event_record(
        landlord=landlord,
        actor=actor,
        kind="branding.logo",
        summary=f"Uploaded a new logo ({image_format}, {width} by {height} pixels)",
        after={"format": image_format, "width": width, "height": height, "bytes": len(content)},
    )
    return logo


@transaction.atomic
def landlord_logo_remove(*, landlord: Landlord, actor: User) -> None:
    """Stop showing a logo (the header shows the landlord's name alone)."""
    require(actor, landlord, "landlord.administer")
    if not LandlordLogo.objects.filter(landlord=landlord).delete()[0]:
        raise InvalidInputError("logo", f"{landlord.name} has no logo")
    Landlord.objects.filter(pk=landlord.pk).update(logo_uploaded_at=None)
    landlord.logo_uploaded_at = None
    administration_event_record(
        landlord=landlord, actor=actor, kind="branding.logo", summary="Removed the logo"
    )
