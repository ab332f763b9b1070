"""A file's bytes to text (`decode`), and the error every reader raises (`SourceError`).

Kept apart from `dashboard.read.sources` so that a command that only decodes a text file (the
tagger's `python -m dashboard timex`) does not import the HTML readers.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path


class SourceError(Exception):
    """A source or manifest that cannot be read; the message names the file and the problem.

    Raised here, by `dashboard.read.manifest` and by `dashboard.read.sources`, whose name it goes
    by (its public home)."""


SourceError.__module__ = "dashboard.read.sources"

DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
"""Control characters other than tab, newline, carriage return and form feed."""
MOJIBAKE = re.compile("[ÂÃ][\x80-\xbf]|â€[\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                      "\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122\"]")
"""UTF-8 read as Windows-1252 or Latin-1 ('Ã©' for 'é', 'â€™' for '’'): text decoded twice."""


def decode(raw: bytes, path: Path) -> str:
    """Decode a file's bytes: BOMs first, then UTF-8, then the charset an HTML page declares,
    then Windows-1252, then a detector.

    UTF-8 with a few broken bytes is refused (decoding it all as Windows-1252 would garble every
    accented letter), as are UTF-16 without a byte-order mark and binary files.

    >>> decode("naïve".encode("cp1252"), Path("a.txt"))
    'naïve'
    """
    if not raw.strip():
        raise SourceError(f"{path}: empty file")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return _checked_text(raw.decode(encoding), path)
            except UnicodeDecodeError:
                raise SourceError(f"{path}: invalid {encoding} text") from None
    if b"\x00" in raw:
        sample = raw[:4096]
        if len(sample) >= 8 and (
            sample[1::2].count(0) > len(sample) // 3 or sample[0::2].count(0) > len(sample) // 3
        ):
            raise SourceError(
                f"{path}: binary file (contains NUL bytes; UTF-16 without a byte-order mark?)"
            )
        raise SourceError(f"{path}: binary file (contains NUL bytes)")
    try:
        return _checked_text(raw.decode("utf-8"), path)
    except UnicodeDecodeError as error:
        broken = error.start
    if path.suffix.lower() in {".html", ".htm"}:
        declared = _declared_charset(raw)
        if declared:
            try:
                return _checked_text(raw.decode(declared), path)
            except UnicodeDecodeError:
                pass
    valid = len(UTF8_MULTIBYTE.findall(raw))
    invalid = raw.decode("utf-8", "replace").count("\ufffd") - raw.count(b"\xef\xbf\xbd")
    if valid > invalid:
        raise SourceError(
            f"{path}: invalid UTF-8 at byte {broken} (a UTF-8 file with broken bytes)"
        )
    try:
        return _checked_text(raw.decode("cp1252"), path)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise SourceError(f"{path}: binary file (no text encoding fits)")
    return _checked_text(str(best), path)


def _declared_charset(raw: bytes) -> str:
    """The Python codec of the charset an HTML page declares in its first 4 KB, or ''."""
    match = DECLARED_CHARSET.search(raw[:4096])
    if not match:
        return ""
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return ""


def _checked_text(text: str, path: Path) -> str:
    """`text`, unless it is mostly control characters (a binary file that happened to decode)."""
    if not text.strip():
        raise SourceError(f"{path}: empty file")
    sample = text[:100_000]
    controls = len(CONTROLS.findall(sample))
    if controls > max(8, len(sample) // 100) or "\x00" in text:
        raise SourceError(f"{path}: binary file (control characters)")
    suspect = "Ã" in sample or "Â" in sample or "â€" in sample
    garbled = len(MOJIBAKE.findall(sample)) if suspect else 0
    if garbled >= 3 and garbled * 4 > len(sample.encode("utf-8")) - len(sample):
        raise SourceError(f"{path}: mojibake (UTF-8 text decoded twice, as in 'Ã©' for 'é')")
    return text
