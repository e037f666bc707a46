"""The catalogs: complete in both languages, and every key the code uses exists."""

from __future__ import annotations

import json
import re
import string
import unicodedata
from pathlib import Path

from qms.core.config import ROOT
from qms.core.i18n import catalog, t
from qms.core.roles import Role
from qms.ui.registry import GROUP_ORDER, PAGES

LITERAL_KEY = re.compile(
    r"""(?:\bt|Failed|Denied|NotFound|Conflict|DomainError)\(\s*"([a-z_]+\.[a-z0-9_.]+)\"""")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_catalog_files():
    names = {lang: sorted(p.name for p in (ROOT / "qms" / "locales" / lang).glob("*.json"))
             for lang in ("vi", "en")}
    assert names["vi"] == names["en"] and "core.json" in names["vi"]


def test_each_catalog_file_is_named_after_its_room():
    """``locales/<lang>/<feature>.json``: a feature's strings sit in its own file, the shared
    ones in the file of the kernel room that uses them (core, trail, demo)."""
    rooms = {p.name for p in (ROOT / "qms").iterdir() if (p / "__init__.py").exists()}
    files = {p.stem for p in (ROOT / "qms" / "locales" / "vi").glob("*.json")}
    assert sorted(files - rooms) == []


def test_english_has_every_vietnamese_key_with_the_same_placeholders():
    vi, en = catalog("vi"), catalog("en")
    assert set(vi) == set(en)
    for key in vi:
        assert _fields(vi[key]) == _fields(en[key]), key


def test_catalog_files_are_stored_in_nfc():
    for path in (ROOT / "qms" / "locales").glob("*/*.json"):
        raw = path.read_text(encoding="utf-8")
        assert raw == unicodedata.normalize("NFC", raw), path.name
        assert json.loads(raw)


def test_every_literal_key_in_the_code_is_in_the_catalog():
    sources = [*Path(ROOT, "qms").rglob("*.py"), *Path(ROOT, "pages").glob("*.py"),
               ROOT / "app.py"]
    used = {key for path in sources for key in LITERAL_KEY.findall(path.read_text("utf-8"))}
    assert len(used) > 50
    missing = sorted(key for key in used if key not in catalog("vi"))
    assert missing == []


def test_every_page_group_and_role_has_a_title():
    keys = {p.title_key for p in PAGES} | set(GROUP_ORDER) | {f"role.{r.value}" for r in Role}
    assert keys <= set(catalog("vi"))


def test_the_language_can_be_chosen_per_call():
    assert t("auth.logout") == "Đăng xuất"
    assert t("auth.logout", "en") == "Sign out"
