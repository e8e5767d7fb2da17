"""Feedback cases of every kind, complaint stages, decisions, remedies and the timeline."""
