"""REST API v1: one view per use case, serializers that shape data only; no models and no rules.

DRF ships without type hints, so its classes are `Any` to mypy; the modules that subclass them say
`# mypy: allow-subclassing-any` on their first line.
"""
