"""The complaint handling rules, in pure Python.

Nothing here imports Django or the apps (an import-linter contract enforces it), so the rules can be
tested without a database and reused by every surface: the web pages, the API and the `putright` command.
"""
