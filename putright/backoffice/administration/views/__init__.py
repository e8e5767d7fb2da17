"""Landlord administration pages, one module per section of the sub-navigation."""
