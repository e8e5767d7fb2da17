"""Landlords: their nation, policy profile history, homes owned, closure days and branding."""
