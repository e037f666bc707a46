"""Field rules shared by every form: NFC text, no control characters, length caps."""

from __future__ import annotations

import re

from qms.core.errors import ValidationFailed
from qms.core.text import nfc

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,59}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_ID = 2**63 - 1  # the largest key either database stores


def text(value: object, field: str, *, max_len: int, required: bool = False,
         multiline: bool = False) -> str:
    """Clean one text field: NFC, trimmed, control characters refused, length capped."""
    cleaned = nfc("" if value is None else str(value)).strip()
    if not multiline:
        cleaned = " ".join(cleaned.split())
    if _CONTROL.search(cleaned):
        raise ValidationFailed("validation.control_chars", field=field)
    if required and not cleaned:
        raise ValidationFailed("validation.required", field=field)
    if len(cleaned) > max_len:
        raise ValidationFailed("validation.too_long", field=field, max=max_len)
    return cleaned


def reference(value: object, key: str) -> int | None:
    """A record id from a form or a link: ``None``, or a positive 64-bit whole number;
    anything else is refused with ``key`` (as an id that does not exist would be)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_ID:
        raise ValidationFailed(key)
    return value


def username(value: object) -> str:
    """Lower-case login name: letters, digits, dot, dash, underscore; 3–60 characters."""
    cleaned = text(value, "field.username", max_len=60, required=True).lower()
    if not _USERNAME.match(cleaned):
        raise ValidationFailed("validation.username")
    return cleaned


def email(value: object) -> str:
    cleaned = text(value, "field.email", max_len=160)
    if cleaned and not _EMAIL.match(cleaned):
        raise ValidationFailed("validation.email")
    return cleaned
