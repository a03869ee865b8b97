"""Bytes to text: UTF-8 first, then charset-normalizer; binary data is refused, never guessed at."""

from __future__ import annotations

import codecs

from release_nlp.errors import DecodeError, EmptyInput

CONTROL_BYTES = (*range(0, 9), 11, *range(14, 27), *range(28, 32), 127)
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
    if sample.count(b"\x00") > len(sample) // 4:  # every other byte NUL: UTF-16 (or 32) without a BOM?
        wide = _wide_text(data)
        if wide is not None:
            return wide
    controls = sum(sample.count(bytes([b])) for b in CONTROL_BYTES)
    if sample.count(b"\x00") > max(1, len(sample) // 100) or controls > max(2, len(sample) // 33):
        raise DecodeError("binary data (NUL or control bytes), not text: pass the release's text, or its "
                          ".txt/.md/.html file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise DecodeError("no text encoding reads these bytes cleanly: save the file as UTF-8")
    # Short Latin texts fit several code pages about equally well; Windows-1252 is by far the most
    # common legacy encoding of English releases, so it wins a near tie.
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos + 0.05:
            return str(match), "cp1252"
    return str(best), best.encoding


def _wide_text(data: bytes) -> tuple[str, str] | None:
    """Text in UTF-16 or UTF-32 without a byte order mark, as charset-normalizer detects it, else None.

    Accepted only when the decoded text has almost no control characters: binary data with many NULs
    decodes as UTF-16 too, into nonsense.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]).best()
    if best is None:
        return None
    text = str(best)
    controls = sum(text.count(chr(c)) for c in CONTROL_BYTES)
    if not text.strip() or controls > max(2, len(text) // 100):
        return None
    return text, best.encoding.replace("_", "-")
