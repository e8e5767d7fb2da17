"""A landlord's perception surveys (the TSM survey of its tenants) as imported from a results file, and each
anonymous respondent's answers to the two questions TP09 needs. Imported once and never changed, except
that an import made by mistake is marked withdrawn (who, when, why): nothing is deleted."""

from __future__ import annotations

from typing import Any

from django.db import models

from putright.domain.perception import Complained, Handling, Method
from putright.domain.tsm import ReportingYear
from putright.organisations.models import Landlord

METHOD_CHOICES = [(m.value, m.label) for m in Method]
COMPLAINED_CHOICES = [(c.value, c.label) for c in Complained]
HANDLING_CHOICES = [(h.value, h.label) for h in Handling]


class PerceptionSurvey(models.Model):
    """One imported results file: which reporting year it is for, how it was carried out, who imported it
    and when. The file's SHA-256 stops the same file being imported twice while an import of it stands; a
    withdrawn import no longer counts, so the file may be imported again."""

    class Via(models.TextChoices):
        UPLOAD = "upload", "Uploaded in PutRight"
        COMMAND = "command", "The putright command"

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="+")
    reporting_year = models.PositiveSmallIntegerField(
        help_text="The TSM year it is for, by its starting year"
    )
    method = models.CharField(max_length=20, choices=METHOD_CHOICES)
    sample_notes = models.TextField(blank=True, help_text="How the sample was drawn, its size, who ran it")
    file_name = models.CharField(max_length=255)
    checksum = models.CharField(max_length=64, help_text="SHA-256 of the file as imported")
    responses_count = models.PositiveIntegerField()
    imported_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    imported_via = models.CharField(max_length=10, choices=Via.choices)
    imported_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawal_reason = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["landlord", "checksum"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="survey_file_imported_once",
            ),
            models.CheckConstraint(
                condition=models.Q(withdrawn_at__isnull=True, withdrawal_reason="")
                | (models.Q(withdrawn_at__isnull=False) & ~models.Q(withdrawal_reason="")),
                name="survey_withdrawn_with_a_reason",
            ),
        ]
        indexes = [models.Index(fields=["landlord", "reporting_year"])]
        ordering = ["-imported_at", "-id"]

    @property
    def year(self) -> ReportingYear:
        return ReportingYear(self.reporting_year)

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("an imported survey is never changed (withdrawing one is an update of its own)")
        super().save(*args, **kwargs)


class SurveyResponse(models.Model):
    """One respondent's answers, under the anonymous id the survey gave them."""

    survey = models.ForeignKey(PerceptionSurvey, on_delete=models.PROTECT, related_name="responses")
    line = models.PositiveIntegerField(help_text="The line of the file it came from")
    respondent = models.CharField(max_length=100)
    complained = models.CharField(max_length=10, choices=COMPLAINED_CHOICES)
    handling = models.CharField(max_length=20, choices=HANDLING_CHOICES, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey", "respondent"], name="one_response_per_respondent"),
            models.CheckConstraint(
                condition=models.Q(complained="yes") | models.Q(handling=""),
                name="handling_only_from_complainants",
            ),
        ]
