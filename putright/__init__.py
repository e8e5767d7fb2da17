"""PutRight: complaints and feedback case management for UK social housing landlords."""
