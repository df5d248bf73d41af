"""File bytes -> text: byte-order marks, UTF-8, a Windows-1252 fallback, binary detection."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

SNIFF_BYTES = 8192  # how much of the head binary detection looks at (as git does)
CONTROL_SHARE = 0.1  # more control bytes than this in the head means binary

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE mark
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

_MAGIC = (  # formats that are sometimes renamed .txt; most also contain NULs early
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office document"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "executable"),
    (b"{\\rtf", "RTF document"),
)

# C0 controls other than tab, newline, vertical tab, form feed, carriage return and escape.
_CONTROL = frozenset([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_NEWLINES = re.compile(r"\r\n?")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Decoded:
    """Text read from a file, and a note when it was not plain UTF-8."""

    text: str
    warning: str | None = None


@dataclass(frozen=True)
class Binary:
    """The bytes are not text; ``reason`` is the skip reason."""

    reason: str


def sniff_binary(raw: bytes) -> str | None:
    """Return the skip reason when ``raw`` (with no byte-order mark) is not text, else None."""
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return f"binary file ({kind})"
    head = raw[:SNIFF_BYTES]
    if b"\x00" in head:
        return "binary file"
    controls = sum(1 for byte in head if byte in _CONTROL)
    if head and controls / len(head) > CONTROL_SHARE:
        return "binary file"
    return None


def decode(raw: bytes, *, html: bool = False) -> Decoded | Binary:
    """Decode file bytes; ``html`` also honours a ``<meta charset>`` declaration."""
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            body = raw[len(bom) :]
            try:
                return Decoded(body.decode(codec))
            except UnicodeDecodeError:
                return Decoded(
                    body.decode(codec, errors="replace"),
                    f"not valid {name}, undecodable bytes replaced with \ufffd",
                )
    binary = sniff_binary(raw)
    if binary is not None:
        return Binary(binary)
    try:
        return Decoded(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if html:
        declared = _declared_charset(raw)
        if declared is not None:
            try:
                return Decoded(raw.decode(declared))
            except (ValueError, LookupError):  # undecodable, or a bytes-only codec like "hex"
                pass
    try:
        return Decoded(raw.decode("cp1252"), "not UTF-8, read as Windows-1252")
    except UnicodeDecodeError:
        # Five byte values are unassigned in Windows-1252; nothing reads them as text.
        return Decoded(
            raw.decode("cp1252", errors="replace"),
            "not UTF-8, read as Windows-1252 with undecodable bytes replaced by \ufffd",
        )


def _declared_charset(raw: bytes) -> str | None:
    """Return the codec an HTML ``<meta charset>`` near the top names, if Python knows it."""
    match = _CHARSET.search(raw[:4096])
    if match is None:
        return None
    try:
        info = codecs.lookup(match.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None
    # A page that says UTF-8 but is not is exactly the case the fallback is for.
    return None if info.name == "utf-8" else info.name


def clean_text(text: str) -> str:
    """Line endings to LF, NULs dropped, lone surrogates (from JSON escapes) replaced."""
    text = _NEWLINES.sub("\n", text).replace("\x00", "")
    return _LONE_SURROGATE.sub("\ufffd", text)
