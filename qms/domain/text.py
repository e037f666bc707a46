"""Vietnamese text on the way in: NFC, trimmed, and an accent-free key for search."""

from __future__ import annotations

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
