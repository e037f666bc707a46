"""Vietnamese text on the way in: NFC, trimmed, and an accent-free key for search."""

from __future__ import annotations

import re
import unicodedata

_STRIP_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(value: str) -> str:
    """Return ``value`` in Unicode NFC, the only form the database stores."""
    return unicodedata.normalize("NFC", value)


def clean(value: str | None) -> str:
    """NFC, surrounding white space removed; ``None`` becomes the empty string."""
    return nfc(value or "").strip()


def fold(value: str) -> str:
    """Lower-case, accent-free form used for search ("Kiểm soát" -> "kiem soat")."""
    decomposed = unicodedata.normalize("NFD", value.translate(_STRIP_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


_BARE_URL = re.compile(r"(?:\b[a-zA-Z][a-zA-Z0-9+.-]*://|\bwww\.)[^\s<>()\[\]`]+")
_REF_DEF = re.compile(r"^(\s{0,3})\[(?=[^\]\n]*\]:)", re.M)


def inert_markdown(value: str) -> str:
    """User Markdown made safe to render: no image is fetched and nothing links elsewhere.

    Images (``![…](…)``, ``![…][ref]``) and links (``[…](…)``, reference definitions,
    ``<scheme:…>``) keep their words as plain text; a bare address shows as code, not a
    link. Headings, lists, tables and emphasis are untouched.
    """
    text = nfc(value)
    text = _BARE_URL.sub(lambda m: f"`{m.group(0)}`", text)
    text = _REF_DEF.sub(r"\1\\[", text)
    return text.replace("![", "!\\[").replace("](", "\\](").replace("<", "\\<")
