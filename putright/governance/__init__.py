"""Governance: the Code self-assessment and the annual complaints performance report (Code section 8)."""
