"""House rules that keep the roles apart (``../shared/LAYOUT.md``, STYLE.md), checked by the
role each module's name gives it (``tests/roles.py``), not by the folder it sits in."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

from qms.core.config import ROOT
from tests import roles

PURE = ("core", "rules", "parser")
NO_LIBRARIES = {"sqlalchemy", "streamlit", "pandas"}


@cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text("utf-8"))


def _imported(path: Path) -> set[str]:
    """Dotted names a module imports (``from a.b import c`` gives ``a.b.c`` and ``a.b``)."""
    names: set[str] = set()
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return names


def _libraries(path: Path) -> set[str]:
    return {name.split(".")[0] for name in _imported(path)}


@cache
def _modules() -> dict[str, str]:
    return {m: roles.role(m) for m in roles.modules()}


def _qms_targets(path: Path) -> set[str]:
    """The ``qms`` modules a module imports: ``from qms.x import y`` names ``qms.x.y`` when that
    is a module, else ``qms.x`` (resolved up to the nearest module)."""
    known = _modules()

    def resolve(name: str) -> str | None:
        while name not in known and "." in name:
            name = name.rpartition(".")[0]
        return name if name in known else None

    out: set[str] = set()
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            out |= {r for a in node.names if a.name.startswith("qms") and (r := resolve(a.name))}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module \
                and node.module.startswith("qms"):
            for a in node.names:
                full = f"{node.module}.{a.name}"
                found = full if full in known else resolve(node.module)
                if found:
                    out.add(found)
    return out


def _offenders(owner_roles: tuple[str, ...], bad) -> list[str]:
    out = []
    for module, role in _modules().items():
        if role in owner_roles:
            out += [f"{module} -> {t}" for t in sorted(_qms_targets(roles.path(module)))
                    if bad(t, _modules()[t])]
    return out


def test_every_module_has_a_role_the_layout_names():
    assert set(_modules().values()) <= {"core", "rules", "parser", "models", "db", "service",
                                        "queries", "report", "ui", "cli", "demo", "feature",
                                        "shell"}
    assert roles.role("qms.feature_x.rules") == "rules"
    assert roles.role("qms.feature_x.ui.forms") == roles.role("qms.ui.feature_x_forms") == "ui"
    assert roles.role("qms.feature_x.recording") == "service"
    assert roles.role("qms.feature_x.cli") == roles.role("qms.reports.cli") == "cli"
    assert roles.role("qms.plan.parser.table") == "parser"
    assert roles.role("qms.feature_x.csv_rules") == "rules"
    assert roles.role("qms.feature_x.pack_report") == "report"


def test_core_rules_and_the_parser_use_no_database_ui_or_dataframes():
    offenders = [m for m, r in _modules().items()
                 if r in PURE and _libraries(roles.path(m)) & NO_LIBRARIES]
    assert offenders == []


def test_only_the_settings_read_the_environment():
    pattern = re.compile(r"\bos\.environ\b|\bgetenv\(")
    offenders = [m for m in _modules() if m != "qms.core.config"
                 and pattern.search(roles.path(m).read_text("utf-8"))]
    assert offenders == []


def test_every_setting_is_documented_in_the_readme():
    names = set(re.findall(r'"(QMS_[A-Z_]+)"', (ROOT / "qms/core/config.py").read_text("utf-8")))
    readme = (ROOT / "README.md").read_text("utf-8")
    assert len(names) >= 15
    assert sorted(n for n in names if n not in readme) == []


def test_core_imports_no_feature():
    assert _offenders(("core",), lambda t, r: not t.startswith("qms.core")) == []


def test_rules_and_the_parser_import_only_core_and_rules():
    assert _offenders(("rules", "parser"), lambda t, r: r not in PURE) == []


def test_models_and_db_import_no_service_query_or_ui():
    assert _offenders(("models", "db"), lambda t, r: r in ("service", "queries", "ui")) == []


def test_queries_and_reports_never_import_services():
    assert _offenders(("queries", "report"), lambda t, r: r in ("service", "ui", "cli")) == []


def test_report_builders_use_no_database():
    offenders = [m for m, r in _modules().items()
                 if r == "report" and "sqlalchemy" in _libraries(roles.path(m))]
    assert offenders == []


def test_only_the_ui_imports_streamlit():
    offenders = [m for m, r in _modules().items() if r not in ("ui",) and m != "qms.web"
                 and "streamlit" in _libraries(roles.path(m))]
    assert offenders == []


def test_pages_and_the_ui_import_neither_models_nor_sqlalchemy():
    files = [*ROOT.joinpath("pages").glob("*.py"), ROOT / "app.py",
             *(roles.path(m) for m, r in _modules().items() if r == "ui")]
    known = _modules()
    offenders = [f.name for f in files if "sqlalchemy" in _libraries(f)
                 or any(known.get(t) == "models" for t in _qms_targets(f))]
    assert offenders == []


def test_no_module_imports_another_modules_private_names():
    offenders = []
    for module in _modules():
        for node in ast.walk(_tree(roles.path(module))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module != module:
                offenders += [f"{module}: {node.module}.{a.name}" for a in node.names
                              if a.name.startswith("_") and a.name != "__future__"
                              and node.module.startswith("qms")]
    assert offenders == []


def _cycle() -> list[str] | None:
    graph = {m: _qms_targets(roles.path(m)) - {m} for m in _modules()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_no_import_cycle_between_modules():
    assert _cycle() is None


def test_the_cycle_check_finds_a_cycle(monkeypatch):
    """The walk itself: two modules importing each other are reported."""
    fake = {"qms.a": {"qms.b"}, "qms.b": {"qms.a"}}
    monkeypatch.setattr(__import__(__name__, fromlist=["_modules"]), "_modules",
                        lambda: {"qms.a": "service", "qms.b": "service"})
    monkeypatch.setattr(__import__(__name__, fromlist=["_qms_targets"]), "_qms_targets",
                        lambda path: fake[path])
    monkeypatch.setattr(roles, "path", lambda module: module)
    assert _cycle() == ["qms.a", "qms.b", "qms.a"]


@pytest.mark.parametrize("path", [ROOT / "app.py", *sorted(ROOT.joinpath("pages").glob("*.py"))],
                         ids=lambda p: p.name)
def test_every_page_starts_with_the_guard(path):
    body = path.read_text("utf-8")
    first_call = re.search(r"^(?!from|import|\"\"\"|#)\S.*$", body, re.M)
    assert first_call and "guard(" in first_call.group(0), path.name


def _readme_layout() -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("## Cấu trúc mã / Code layout"):]
    return section[section.index("```") + 3:section.index("```", section.index("```") + 3)]


def test_the_readmes_code_layout_names_every_package_and_only_real_ones():
    block = _readme_layout()
    named = set(re.findall(r"^(qms/\w+(?:\.py)?)", block, re.M))
    features = re.search(r"^qms/<feature>/\s+(.*?) —", block, re.M | re.S)
    assert features is not None
    feature_names = re.findall(r"\b([a-z]+)\b(?: \(with parser/\))?", features.group(1))
    named |= {f"qms/{name}" for name in feature_names}
    missing = sorted(n for n in named if "<" not in n and not (ROOT / n).exists())
    assert missing == []
    packages = {f"qms/{p.name}" for p in (ROOT / "qms").iterdir()
                if p.is_dir() and p.name != "__pycache__"}
    assert sorted(packages - named) == []


def test_browser_journeys_share_one_helper_module():
    """Waiting for a run, signing in and reading the session cookie live in widgets.py only."""
    markers = ("stStatusWidget", 'get_by_label("Tên đăng nhập")', '"qms_session"')
    journeys = sorted((ROOT / "tests" / "browser").glob("test_*.py"))
    assert len(journeys) >= 7
    offenders = [p.name for p in journeys if any(m in p.read_text("utf-8") for m in markers)]
    assert offenders == []
    shared = re.compile(r"from tests\.browser(\.widgets import| import widgets)")
    assert sum(bool(shared.search(p.read_text("utf-8"))) for p in journeys) >= 6


# The shared rooms every feature builds on; every other package of ``qms`` is a feature.
KERNEL = frozenset({"core", "db", "trail", "reports", "ui", "demo"})
# What a feature offers the others: its services, its read side, its pages' pieces, and its
# tables and pure rules (a join or a check needs them). Its demo, commands, report builders
# and declaration are its own.
PUBLIC_ROLES = frozenset({"service", "queries", "ui", "models", "rules"})


def _feature(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) < 2 or _modules()[module] == "shell" or parts[1] in KERNEL:
        return None
    return parts[1]


def test_a_feature_uses_another_only_through_what_it_offers():
    offenders = []
    for module in _modules():
        mine = _feature(module)
        if mine is None:
            continue
        offenders += [f"{module} -> {t}" for t in sorted(_qms_targets(roles.path(module)))
                      if _feature(t) not in (None, mine) and _modules()[t] not in PUBLIC_ROLES]
    assert offenders == []


def _foreign_rows(module: str) -> list[str]:
    """Rows of another feature's tables that ``module`` makes: a call of a model class it
    imported from another feature's models, or an ``insert/update/delete`` of one."""
    mine, tree = _feature(module), _tree(roles.path(module))
    foreign: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module in _modules() \
                and _modules()[node.module] == "models" \
                and _feature(node.module) not in (None, mine):
            foreign |= {a.asname or a.name: node.module for a in node.names}
    made = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        name = node.func.id
        if name in foreign:
            made.append(f"{module}:{node.lineno} {foreign[name]}.{name}(…)")
        elif name in ("insert", "update", "delete") and node.args and \
                isinstance(node.args[0], ast.Name) and node.args[0].id in foreign:
            made.append(f"{module}:{node.lineno} {name}({node.args[0].id})")
    return made


def test_a_feature_writes_another_features_tables_only_through_its_services():
    """Reading another feature's table (a join, a label) is fine; making or changing its rows
    is that feature's service's job, which checks permissions and writes the trail."""
    offenders = [row for module in _modules() if _feature(module) is not None
                 and _modules()[module] != "demo" for row in _foreign_rows(module)]
    assert offenders == []


def test_the_row_check_finds_a_foreign_row(monkeypatch):
    """The check above is itself checked: a made-up module of risks that creates a plan task."""
    source = ("from qms.plan.models import PlanTask\n"
              "def f(s):\n    s.add(PlanTask(title='x'))\n")
    monkeypatch.setattr("tests.test_conventions._tree", lambda path: ast.parse(source))
    assert _foreign_rows("qms.risks.recording") == [
        "qms.risks.recording:3 qms.plan.models.PlanTask(…)"]
