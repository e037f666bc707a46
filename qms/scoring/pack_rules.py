"""File names inside the evidence pack: criterion code first, then the document's number and
its own name, folded to safe ASCII (``1.1.a_05-BC-UBND_bao-cao.pdf``), never two alike."""

from __future__ import annotations

import re
import unicodedata

_STRIP = str.maketrans({"đ": "d", "Đ": "D"})
_UNSAFE = re.compile(r"[^A-Za-z0-9.]+")
INDEX_NAME = "00_muc-luc-tai-lieu-kiem-chung.pdf"


def ascii_slug(text: str, *, lower: bool = False, max_len: int = 60) -> str:
    """Accents dropped, anything but letters, digits and dots turned into single dashes."""
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_STRIP))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    slug = _UNSAFE.sub("-", plain.lower() if lower else plain).strip("-.")
    return slug[:max_len].strip("-.")


def pack_name(code: str, doc_number: str, file_name: str, taken: set[str]) -> str:
    """A new name for one file of the pack; ``taken`` (lower-cased names) is updated."""
    stem, dot, ext = file_name.rpartition(".")
    if not dot:
        stem, ext = file_name, ""
    ext = ascii_slug(ext, lower=True, max_len=10)
    parts = [ascii_slug(code, max_len=40) or "tieu-chi", ascii_slug(doc_number),
             ascii_slug(stem, lower=True) or "tep"]
    base = "_".join(p for p in parts if p)
    suffix = f".{ext}" if ext else ""
    name, n = f"{base}{suffix}", 1
    while name.lower() in taken or name.lower() == INDEX_NAME:
        n += 1
        name = f"{base}-{n}{suffix}"
    taken.add(name.lower())
    return name
