"""House rules that keep the layers apart (STYLE.md)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from qms.core.config import ROOT


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_pages_and_ui_never_import_sqlalchemy():
    files = [*ROOT.joinpath("pages").glob("*.py"), *ROOT.joinpath("qms", "ui").rglob("*.py"),
             ROOT / "app.py"]
    offenders = [f.name for f in files if "sqlalchemy" in _imports(f)]
    assert offenders == []


def test_the_domain_imports_neither_the_database_nor_the_ui():
    offenders = [f.name for f in ROOT.joinpath("qms", "domain").rglob("*.py")
                 if _imports(f) & {"sqlalchemy", "streamlit", "pandas"}]
    assert offenders == []


def test_only_the_ui_layer_imports_streamlit():
    allowed = {ROOT / "qms" / "web.py"}
    offenders = [str(f.relative_to(ROOT)) for f in ROOT.joinpath("qms").rglob("*.py")
                 if "streamlit" in _imports(f) and "ui" not in f.parts and f not in allowed]
    assert offenders == []


def test_every_page_starts_with_the_guard():
    for path in [ROOT / "app.py", *ROOT.joinpath("pages").glob("*.py")]:
        body = path.read_text("utf-8")
        first_call = re.search(r"^(?!from|import|\"\"\"|#)\S.*$", body, re.M)
        assert first_call and "guard(" in first_call.group(0), path.name
