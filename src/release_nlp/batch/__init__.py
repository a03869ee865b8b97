"""The command line's batch runner: per-document isolation, timeouts, resumable writers.

Imports `api`, `nlp`, `io`, `schema` and `errors`.
"""
