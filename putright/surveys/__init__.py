"""Perception surveys: the results a landlord imports (or records case by case) behind TSM TP09."""
