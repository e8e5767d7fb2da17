"""Reminders of what falls due: a sweep that reads the stored deadlines and tells the right staff, once."""
