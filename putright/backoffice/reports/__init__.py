"""Staff report pages: the Tenant Satisfaction Measures for a reporting year and the cases behind each figure."""
