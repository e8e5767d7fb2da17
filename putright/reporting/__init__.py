"""Reporting: the Tenant Satisfaction Measures and the Board pack, computed in the database from the case records."""
