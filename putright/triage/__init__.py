"""Email intake: messages read from the landlords' mailboxes (or files), kept as they arrived, sorted into
feedback awaiting triage, replies that join a case, and mail that is ignored or rejected with the reason."""
