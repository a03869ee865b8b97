"""Field readers: each turns a doc's text and entities into one kind of field (structure, people, figures, ...).

Imports `core` only.
"""
