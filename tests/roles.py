"""The role of every module of ``qms`` (``../shared/LAYOUT.md``), read from its dotted name.

The convention tests check imports by role, and the permission walk finds the services by it,
so the rules hold in every feature alike: ``qms/risks/rules.py`` and ``qms/scoring/csv_rules.py``
are both ``rules``, ``qms/voice/queries.py`` and ``qms/audits/coverage_queries.py`` both
``queries``, and any other name in a feature (a verb: ``recording.py``) is a service.
"""

from __future__ import annotations

import importlib.util
import pkgutil
from pathlib import Path

import qms

ROOT = Path(qms.__file__).resolve().parents[1]

# Pure modules whose name does not say so.
PURE = frozenset({"qms.trail.chain", "qms.documents.register_rows", "qms.documents.procedure_md",
                  "qms.audits.clauses"})
_FOLDERS = {"core": "core", "reports": "report", "ui": "ui", "demo": "demo"}
_LEAVES = {"rules": "rules", "models": "models", "queries": "queries", "sections": "queries",
           "work": "queries", "report": "report", "cli": "cli", "demo": "demo",
           "feature": "feature"}
# Modules whose leaf name reads better than a role suffix.
NAMED = {"qms.dashboard.figures": "queries", "qms.dashboard.my_work": "queries",
         "qms.dashboard.work_items": "queries", "qms.dashboard.deadlines": "queries",
         "qms.dashboard.overview": "queries"}
SHELL = frozenset({"qms", "qms.web", "qms.cli", "qms.__main__", "qms.features"})


def role(module: str) -> str:
    """``core``, ``rules``, ``parser``, ``models``, ``db``, ``service``, ``queries``, ``report``,
    ``ui``, ``cli``, ``demo``, ``feature`` or ``shell``."""
    if module in SHELL:
        return "shell"
    if module in PURE:
        return "rules"
    if module in NAMED:
        return NAMED[module]
    parts = module.split(".")[1:]
    if parts[:2] == ["plan", "parser"]:
        return "parser"
    if parts[0] == "db":
        return "models" if "models" in parts else "db"
    if "ui" in parts:
        return "ui"
    if parts[-1] == "cli":
        return "cli"
    if parts[0] in _FOLDERS:
        return _FOLDERS[parts[0]]
    leaf = parts[-1]
    for suffix in ("rules", "report", "queries", "models"):
        if leaf.endswith(f"_{suffix}"):
            return _LEAVES[suffix]
    return _LEAVES.get(leaf, "service")


def modules() -> list[str]:
    """Every module of the package, by dotted name (``__main__`` left out: it runs the CLI)."""
    names = ["qms"]
    for info in pkgutil.walk_packages(qms.__path__, "qms."):
        if not info.name.endswith("__main__"):
            names.append(info.name)
    return names


def path(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    assert spec and spec.origin, module
    return Path(spec.origin)
