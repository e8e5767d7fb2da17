"""The landlord's reporting settings, and the working-day ranks that let the database judge timescales.

The TSM setting lives here, per landlord, rather than in the policy profile: a profile is the landlord's
complaints policy as written (and versioned with it), whereas how responses within an extension are counted
is a reporting choice the Regulator leaves to the landlord to state, and it may change without a new policy.
"""

from __future__ import annotations

from django.db import models

from putright.organisations.models import Landlord


class ReportingSettings(models.Model):
    landlord = models.OneToOneField(Landlord, on_delete=models.PROTECT, related_name="reporting_settings")
    extensions_count_as_on_time = models.BooleanField(
        default=True,
        help_text=(
            "CH02: a response issued within an extension that met the Code counts as within the Code's "
            "timescales (complaint-rules.md section 7)"
        ),
    )


class WorkingDayRank(models.Model):
    """One day of the landlord's working-day calendar with its rank among working days (see
    `putright.domain.tsm.DayRank`), so "within N working days" is a subtraction in SQL."""

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="+")
    day = models.DateField()
    through = models.PositiveIntegerField(help_text="Working days on or before this day")
    before = models.PositiveIntegerField(help_text="Working days strictly before this day")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["landlord", "day"], name="one_rank_per_landlord_day")]


class WorkingDayRanksVersion(models.Model):
    """Which calendar the ranks were built from: a digest of the nation's non-working days and the
    landlord's closure days, so a new closure day or refreshed bank holidays rebuild them."""

    landlord = models.OneToOneField(Landlord, on_delete=models.PROTECT, related_name="+")
    digest = models.CharField(max_length=64)
    built_at = models.DateTimeField(auto_now=True)


class HotSpotThresholds(models.Model):
    """When a service area, contractor or estate is flagged in the Board pack for a service review.

    Per landlord, because what is unusual depends on its size; one set for every breakdown, so the Board
    reads one rule. Either test flags a row: many complaints, or many of the responses upholding them.
    """

    landlord = models.OneToOneField(Landlord, on_delete=models.PROTECT, related_name="hot_spot_thresholds")
    complaints_at_least = models.PositiveIntegerField(
        default=10, help_text="Complaints received in the period at or above which a row is flagged"
    )
    upheld_share_at_least = models.PositiveSmallIntegerField(
        default=50,
        help_text="Percentage of responses issued in the period upheld or partly upheld at or above which a row "
        "is flagged",
    )
    responses_at_least = models.PositiveIntegerField(
        default=5, help_text="The fewest responses in the period for the upheld share to count"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(upheld_share_at_least__lte=100), name="upheld_share_is_a_percentage"
            ),
            models.CheckConstraint(
                condition=models.Q(complaints_at_least__gte=1), name="complaints_at_least_one"
            ),
            models.CheckConstraint(
                condition=models.Q(responses_at_least__gte=1), name="responses_at_least_one"
            ),
        ]
