"""The Code self-assessment (a row per provision, versioned, frozen once the governing body approves it) and
the annual complaints performance and service improvement report (Code 8.1), each for one landlord's
reporting year (1 April to 31 March)."""

from __future__ import annotations

from django.db import models

from putright.domain.tsm import ReportingYear
from putright.organisations.models import Landlord


class SelfAssessment(models.Model):
    """One version of a reporting year's self-assessment. A new version is made to change an approved one."""

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="+")
    year_starting = models.PositiveSmallIntegerField(help_text="The reporting year it covers (from 1 April)")
    version = models.PositiveSmallIntegerField()
    policy_name = models.CharField(max_length=60, help_text="The policy in force at the year's end")
    policy_version = models.PositiveSmallIntegerField()
    evidence_at = models.DateTimeField(help_text="When the evidence was last counted from the records")
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    approved_on = models.DateField(null=True, blank=True, help_text="When the governing body approved it")
    approved_by = models.CharField(max_length=200, blank=True, help_text="Who approved it, e.g. the Board")
    approval_minute = models.CharField(max_length=100, blank=True, help_text="The minute reference")
    approval_recorded_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approval_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["landlord", "year_starting", "version"], name="one_self_assessment_version"
            )
        ]
        ordering = ["-year_starting", "-version"]

    @property
    def year_label(self) -> str:
        return ReportingYear(self.year_starting).label

    @property
    def approved(self) -> bool:
        return self.approved_on is not None


class AssessmentRow(models.Model):
    """One Code provision: the requirement, the answer (comply yes or no), the evidence and commentary."""

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.PROTECT, related_name="rows")
    position = models.PositiveSmallIntegerField()
    section = models.PositiveSmallIntegerField(help_text="The Code section (1 to 9)")
    provision = models.CharField(max_length=30)
    requirement = models.TextField()
    evidence = models.TextField(blank=True, help_text="Counted from the records and the policy check")
    evidence_note = models.TextField(blank=True, help_text="Further evidence staff give")
    measured = models.BooleanField(
        null=True, blank=True, help_text="What the evidence says (None where it cannot be measured)"
    )
    comply = models.BooleanField(null=True, blank=True, help_text="The answer; None until given")
    comply_reason = models.TextField(blank=True, help_text="Why the answer differs from the evidence")
    commentary = models.TextField(blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "position"], name="one_row_per_position")
        ]


class AnnualReport(models.Model):
    """The annual complaints performance and service improvement report for a reporting year: what staff
    wrote, the governing body's scrutiny and response, and where and when it was published and submitted.
    Its figures are counted from the records each time it is shown."""

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="+")
    year_starting = models.PositiveSmallIntegerField()
    analysis = models.TextField(blank=True, help_text="8.1(b): the qualitative analysis")
    scrutiny = models.TextField(blank=True, help_text="8.1(e): the governing body's annual scrutiny")
    response = models.TextField(blank=True, help_text="8.1(f): the governing body's response")
    response_by = models.CharField(max_length=200, blank=True)
    response_on = models.DateField(null=True, blank=True)
    published_url = models.URLField(max_length=300, blank=True)
    published_on = models.DateField(null=True, blank=True)
    submitted_on = models.DateField(null=True, blank=True, help_text="When it went to the Ombudsman")
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["landlord", "year_starting"], name="one_annual_report_per_year")
        ]
        ordering = ["-year_starting"]

    @property
    def year_label(self) -> str:
        return ReportingYear(self.year_starting).label
