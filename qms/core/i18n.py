"""The text catalogs: every string a user reads comes from ``qms/locales/<lang>/*.json``.

Each feature keeps its own file (``core.json``, ``plan.json`` …); a key defined twice is an
error. Vietnamese is the default; English is complete beside it and chosen per user.
"""

from __future__ import annotations

import json
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

from qms.core.text import nfc

LANGUAGES: dict[str, str] = {"vi": "Tiếng Việt", "en": "English"}
DEFAULT_LANG = "vi"
_LOCALES = Path(__file__).resolve().parents[1] / "locales"
_current: ContextVar[str] = ContextVar("qms_lang", default=DEFAULT_LANG)


@cache
def catalog(lang: str) -> dict[str, str]:
    """The flat ``key -> text`` catalog of one language (NFC), merged from its files."""
    merged: dict[str, str] = {}
    for path in sorted((_LOCALES / lang).glob("*.json")):
        for key, value in json.loads(path.read_text(encoding="utf-8")).items():
            if key in merged:
                raise ValueError(f"{path.name}: key {key!r} is defined twice")
            merged[key] = nfc(value)
    return merged


def set_language(lang: str | None) -> None:
    """Choose the language for the rest of this script run or command."""
    _current.set(lang if lang in LANGUAGES else DEFAULT_LANG)


def t(key: str, lang: str | None = None, **params: Any) -> str:
    """Text for ``key`` in ``lang`` (default: the current one), formatted with ``params``.

    A key missing from the catalog shows as the key itself, so a gap is visible in the UI
    and caught by the catalog tests rather than crashing a page.
    """
    text = catalog(lang or _current.get()).get(key) or catalog(DEFAULT_LANG).get(key) or key
    return text.format(**params) if params else text
