"""Submissions from the public form that were saved but not logged: list them, retry them, and clear files
uploaded to forms that were never sent."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from putright.domain.errors import DomainError
from putright.organisations.models import Landlord
from putright.submissions.models import PublicSubmission
from putright.submissions.services import staged_files_clean, submission_retry


class Command(BaseCommand):
    help = "List public submissions waiting for staff, retry one, or clear abandoned uploads."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        waiting = actions.add_parser("waiting", help="Submissions saved but not logged as a case")
        waiting.add_argument("--landlord", help="The landlord's slug (default: every landlord)")
        retry = actions.add_parser("retry", help="Try again to log a submission as a case")
        retry.add_argument("landlord", help="The landlord's slug")
        retry.add_argument("reference", help="The submission's reference, e.g. GP-WABCD2345")
        actions.add_parser("clean-uploads", help="Delete uploads over a day old from forms never sent")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "waiting":
            found = PublicSubmission.objects.filter(
                status__in=[PublicSubmission.Status.FAILED, PublicSubmission.Status.RECEIVED]
            ).select_related("landlord")
            if options["landlord"]:
                found = found.filter(landlord__slug=options["landlord"])
            for submission in found:
                self.stdout.write(
                    f"{submission.landlord.slug}\t{submission.reference}\t{submission.received_at:%Y-%m-%d %H:%M}"
                    f"\t{submission.get_status_display()}\t{submission.error}"
                )
        elif action == "retry":
            landlord = Landlord.objects.filter(slug=options["landlord"]).first()
            if landlord is None:
                raise CommandError(f"no landlord {options['landlord']!r}")
            try:
                submission = submission_retry(landlord=landlord, reference=options["reference"])
            except DomainError as error:
                raise CommandError(str(error)) from None
            if submission.case is None:
                raise CommandError(f"{submission.reference} still could not be logged: {submission.error}")
            self.stdout.write(f"{submission.reference} logged as {submission.case.reference}")
        else:
            self.stdout.write(f"Removed {staged_files_clean()} abandoned upload(s)")
