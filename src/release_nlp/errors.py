"""Typed errors. Every message says what to do about it."""

from __future__ import annotations


class ReleaseNLPError(Exception):
    """Base class of every error release_nlp raises on purpose."""


class ModelNotInstalled(ReleaseNLPError):
    """No English statistical pipeline could be loaded."""


class InputError(ReleaseNLPError, ValueError):
    """The input cannot be read as a release."""


class EmptyInput(InputError):
    """The input has no text."""


class UnsupportedFormat(InputError):
    """The input format is not one release_nlp reads."""


class InputTooLarge(InputError):
    """The input is larger than the configured maximum."""


class DecodeError(InputError):
    """Bytes that cannot be decoded as text."""


class InvalidDate(InputError):
    """A date given by the caller (such as `published=`) that is not a date."""


class DocumentTimeout(ReleaseNLPError):
    """Extracting one document took longer than the time allowed (`extract(timeout=)`, `--timeout`)."""


class WorkerCrashed(ReleaseNLPError):
    """A worker process died (killed, out of memory) before it sent back its results."""


class OutputError(ReleaseNLPError):
    """The output cannot be written: unwritable, in use by another run, or not ours to change."""
