"""Reads for staff: the landlord's online-form submissions that did not become cases, and those that did."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import QuerySet
from django.utils import timezone

from putright.organisations.models import Landlord
from putright.submissions.models import PublicSubmission

WAITING = (PublicSubmission.Status.FAILED, PublicSubmission.Status.RECEIVED)


def submissions_waiting(*, landlord: Landlord) -> QuerySet[PublicSubmission]:
    """Saved but not logged (failed, or interrupted before logging), oldest first: the longest wait on top."""
    return (
        PublicSubmission.objects.filter(landlord=landlord, status__in=WAITING)
        .prefetch_related("files")
        .order_by("received_at", "id")
    )


def submissions_recently_logged(*, landlord: Landlord, days: int = 7) -> QuerySet[PublicSubmission]:
    """Logged as cases in the last few days, newest first, with their case."""
    since = timezone.now() - timedelta(days=days)
    return (
        PublicSubmission.objects.filter(
            landlord=landlord, status=PublicSubmission.Status.PROCESSED, processed_at__gte=since
        )
        .select_related("case")
        .order_by("-processed_at", "-id")
    )
