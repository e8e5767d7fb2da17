"""The staff triage list: email taken in from the landlord's mailboxes, read-only."""
