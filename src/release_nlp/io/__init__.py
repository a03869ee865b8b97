"""Ways in and out: bytes to text, input preparation, document sources, tables.

Imports `core`, `schema` and `errors`.
"""
