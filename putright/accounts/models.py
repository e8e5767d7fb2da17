"""Staff sign in by email; what they may see and do comes from their roles at each landlord."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models

from putright.organisations.models import Landlord


class Role(models.TextChoices):
    FEEDBACK_OFFICER = "feedback_officer", "Feedback officer"
    INVESTIGATING_MANAGER = "investigating_manager", "Investigating manager"
    SENIOR_LEADER = "senior_leader", "Senior leader or director (stage 2)"
    HOUSING_MANAGER = "housing_manager", "Housing manager"
    LINE_MANAGER = "line_manager", "Line manager"
    MEMBER_RESPONSIBLE = "member_responsible", "Member Responsible for Complaints"
    BOARD = "board", "Board member"
    ADMINISTRATOR = "administrator", "Landlord administrator"
    INTEGRATION = "integration", "Integration (another system)"


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        if not email:
            raise ValueError("a staff member needs an email address")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractUser):
    username = None  # type: ignore[assignment]
    email = models.EmailField(unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UserManager()  # type: ignore[assignment,misc]

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class Membership(models.Model):
    """One role a person holds at one landlord; people covering several landlords have several rows."""

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="memberships")
    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=30, choices=Role.choices)
    line_manager = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+", help_text="For compliments"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "landlord", "role"], name="one_membership_per_role")
        ]
        indexes = [models.Index(fields=["landlord", "role"])]


class AdministrationEvent(models.Model):
    """An immutable record of a change an administrator made at a landlord: who, what, when, to whom, and
    the before and after. Revoked roles and removed access live on here, since memberships are deleted."""

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="administration_events")
    at = models.DateTimeField()
    actor = models.ForeignKey(User, on_delete=models.PROTECT, null=True, related_name="+")
    person = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="administration_events"
    )
    kind = models.CharField(max_length=40)
    summary = models.TextField()
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["landlord", "kind", "-at"]), models.Index(fields=["landlord", "-at"])]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("administration events are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("administration events are never deleted")
