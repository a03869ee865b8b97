"""The spaCy engine: pipeline loading, factories, the statistical machinery, and Doc -> Release.

Imports `readers`, `core`, `io.prepare`, `schema` and `errors`.
"""
