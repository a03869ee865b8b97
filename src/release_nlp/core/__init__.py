"""Shared low-level helpers: data files, text keys, interval tables, per-doc lookups, tag tests.

Imports nothing else of release_nlp.
"""
