"""Customers, their representatives, reasonable adjustments, disclosed disabilities and contact restrictions."""
