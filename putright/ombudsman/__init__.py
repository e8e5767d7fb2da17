"""Ombudsman cases, Code non-compliance records and the lessons published from closed complaints."""
