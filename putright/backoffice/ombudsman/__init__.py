"""Staff pages for Ombudsman cases and their orders, Code non-compliance and the learning log."""
