"""Bytes to text: UTF-8 first, then charset-normalizer; binary data is refused, never guessed at."""

from __future__ import annotations

import codecs

from .errors import DecodeError, EmptyInput

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> tuple[str, str]:
    """The text of `data` and the encoding it was read with.

    Raises:
        EmptyInput: no bytes at all.
        DecodeError: binary data, or bytes no encoding reads cleanly.
    """
    if not data:
        raise EmptyInput("the input is empty (0 bytes)")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise DecodeError(f"bytes marked {encoding} do not decode: {err}") from err
    sample = data[:65536]
    if sample.count(b"\x00") > max(1, len(sample) // 100):
        raise DecodeError("binary data (NUL bytes), not text: pass the release's text, or its .txt/.md/.html file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("no text encoding reads these bytes cleanly: save the file as UTF-8")
    return str(best), best.encoding
