"""One view per use case, grouped as the services are: cases (lists, detail, intake), stages, escalation,
closure. Each resolves the landlord among the caller's, calls one service or selector, and shapes the
result with serializers."""
