"""``qms.features``: every central list derived from ``FEATURES``, and the example of
``docs/adding-a-feature.md`` built from the page itself and seen in each of them."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect as sa_inspect

import qms
from qms import features
from qms.audits.sections import audits_section
from qms.core.actor import Actor
from qms.core.config import ROOT
from qms.core.feature import DemoContext, Feature, Slot, resolve
from qms.core.i18n import catalog
from qms.core.roles import Role
from qms.dashboard.my_work import my_work
from qms.db.base import Base, Versioned
from qms.documents.sections import documents_section
from qms.duties.sections import duties_section
from qms.nonconformities import sections as nc
from qms.plan import sections as plan
from qms.review import context_queries, input_queries
from qms.risks.sections import risks_section
from qms.scoring.sections import scoring_section
from qms.trace.linkable_queries import ENTITY_TYPES, Linkable, linkable
from qms.trail.stale import entity_of
from qms.voice import sections as voice
from tests import roles
from tests.factories import make_org, make_user

DOC = ROOT / "docs" / "adding-a-feature.md"


def test_the_periodic_report_keeps_its_order():
    assert features.period_sections() == [
        plan.plan_progress_section, plan.targets_section, plan.onestop_section,
        voice.satisfaction_section, voice.feedback_section, audits_section,
        nc.nonconformities_section, documents_section, duties_section, scoring_section]


def test_a_reviews_inputs_follow_iso_9_3_2():
    assert features.review_inputs() == [
        input_queries.previous_actions_section,  # a
        context_queries.context_section,  # b
        voice.satisfaction_section, voice.feedback_section,  # c 1
        plan.targets_section, plan.plan_progress_section, plan.onestop_section,  # c 2, c 3
        nc.nonconformities_section, audits_section,  # c 4, c 6
        duties_section, scoring_section,  # c 5
        context_queries.resources_section,  # d
        risks_section,  # e
        documents_section]


def test_every_name_a_feature_gives_resolves_to_a_function():
    for feature in features.FEATURES:
        refs = [*feature.my_work, *feature.deadlines,
                *(s.ref for s in (*feature.period_sections, *feature.review_inputs,
                                  *feature.demo))]
        for ref in refs:
            assert callable(resolve(ref)), (feature.name, ref)
        for ref in feature.linkable:
            assert isinstance(resolve(ref), Linkable), (feature.name, ref)
        if feature.cli:
            module = importlib.import_module(feature.cli)
            assert callable(module.add_commands) and callable(module.run), feature.cli


def test_every_page_file_belongs_to_exactly_one_feature():
    specs = [p for f in features.FEATURES for p in f.pages]
    files = {"app.py", *(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))}
    assert sorted(p.path for p in specs) == sorted(files)
    assert len({p.key for p in specs}) == len(specs)
    order = [p.path for p in features.pages()]
    assert order[0] == "app.py" and order[1:] == sorted(order[1:])


def test_feature_names_are_their_packages():
    for feature in features.FEATURES:
        assert importlib.import_module(f"qms.{feature.name}.feature").FEATURE is feature


def _doc_files() -> dict[str, str]:
    """The code blocks of the guide whose first line names a file of the example."""
    blocks = re.findall(r"```python\n# (qms/inspections/\w+\.py)\n(.*?)```", DOC.read_text("utf-8"),
                        re.S)
    return dict(blocks)


EXAMPLE_MODULES = ("work", "sections", "models", "queries", "demo", "feature")


def _write_example(root: Path) -> None:
    """The guide's example files under ``root/qms/inspections/``."""
    package = root / "qms" / "inspections"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    for name, body in _doc_files().items():
        (root / name).write_text(body, encoding="utf-8")


@pytest.fixture
def inspections(tmp_path, monkeypatch):
    """The guide's example feature, written from the guide into a throwaway package."""
    files = _doc_files()
    assert set(files) == {f"qms/inspections/{name}.py" for name in EXAMPLE_MODULES}
    _write_example(tmp_path)
    monkeypatch.setattr(qms, "__path__", [*qms.__path__, str(tmp_path / "qms")])
    feature = importlib.import_module("qms.inspections.feature").FEATURE
    monkeypatch.setattr(features, "FEATURES", (*features.FEATURES, feature))
    yield feature
    for module in [m for m in sys.modules if m.startswith("qms.inspections")]:
        del sys.modules[module]


def test_the_guides_example_appears_everywhere_the_guide_says(inspections, db):
    from qms.inspections.sections import inspections_section
    from qms.inspections.work import inspections_due

    assert "pages/34_thanh_tra.py" in [p.path for p in features.pages()]
    period = features.period_sections()
    assert period.index(inspections_section) == period.index(nc.nonconformities_section) + 1
    review = features.review_inputs()
    assert review.index(inspections_section) == review.index(nc.nonconformities_section) + 1
    assert inspections_due in features.my_work_providers()
    org_id = make_org()
    officer = Actor(make_user(org_id, "lanpt", Role.OFFICER), "lanpt", "Phạm Thị Lan", org_id,
                    frozenset({Role.OFFICER}))
    assert [i.label for i in my_work(officer, date(2026, 12, 4))] == ["Kiểm tra hồ sơ một cửa"]


def test_the_guides_example_keeps_the_role_rules(inspections):
    assert roles.role("qms.inspections.work") == "queries"
    assert roles.role("qms.inspections.sections") == "queries"
    assert roles.role("qms.inspections.queries") == "queries"
    assert roles.role("qms.inspections.models") == "models"
    assert roles.role("qms.inspections.demo") == "demo"
    assert roles.role("qms.inspections.feature") == "feature"
    queries_source = _doc_files()["qms/inspections/queries.py"]
    assert set(re.findall(r"^from (\S+) import", queries_source, re.M)) <= {
        "__future__", "qms.inspections.models", "qms.trace.linkable_queries"}
    feature_source = _doc_files()["qms/inspections/feature.py"]
    imported = set(re.findall(r"^from (\S+) import", feature_source, re.M))
    assert imported <= {"__future__", "qms.core.feature", "qms.core.roles"}


def test_a_page_is_named_by_its_key():
    assert features.page_path("nonconformities") == "pages/30_khong_phu_hop.py"
    assert features.page_path("home") == "app.py"
    with pytest.raises(KeyError):
        features.page_path("no_such_page")


# The keys stored in ``TraceLink.entity_type``: renaming or dropping one orphans existing links.
LINKED_TYPES = ["evidence", "procedure", "checklist_question", "finding", "nonconformity",
                "corrective_action", "citizen_feedback", "risk"]


def test_every_linkable_type_is_a_mapped_model_of_the_feature_declaring_it():
    assert list(linkable()) == LINKED_TYPES
    for feature in features.FEATURES:
        for ref in feature.linkable:
            spec = resolve(ref)
            assert isinstance(spec, Linkable), ref
            assert sa_inspect(spec.model).mapper.class_ is spec.model, ref
            assert "id" in spec.model.__table__.c and "organization_id" in spec.model.__table__.c
            assert spec.model.__module__.startswith(f"qms.{feature.name}."), (ref, spec.model)
            assert ref.startswith(f"qms.{feature.name}."), ref


def test_every_linkable_type_and_matrix_column_has_a_label_in_both_languages():
    for lang in ("vi", "en"):
        known = catalog(lang)
        assert [e for e in {*LINKED_TYPES, *ENTITY_TYPES} if f"trace.type.{e}" not in known] == []


def test_a_record_type_declared_twice_is_refused(monkeypatch):
    twice = Feature(name="twice", linkable=("qms.risks.queries:RISK",))
    monkeypatch.setattr(features, "FEATURES", (*features.FEATURES, twice))
    with pytest.raises(ValueError, match="risk"):
        linkable()


# Versioned tables no feature declares: no save of theirs goes through ``check_version`` or
# ``stale`` yet, so their changes would be looked up under the table's own name. A new versioned
# table fails the test below until its feature declares it (or it is added here, knowingly).
# Versioned tables whose changes the trail logs under another record: the organisation's
# nonconformity settings under the organisation, a target's measurement under its target.
UNDECLARED_VERSIONED = ["nc_settings", "target_measurements"]


def _versioned_models() -> dict[str, type]:
    import qms.db.all_models  # noqa: F401  (every table registered)

    return {m.class_.__table__.name: m.class_ for m in Base.registry.mappers
            if issubclass(m.class_, Versioned)}


def test_every_versioned_table_has_an_entity_type_declared_by_its_own_feature():
    models = _versioned_models()
    declared = [(table, f) for f in features.FEATURES for table in f.versioned]
    tables = [table for table, _ in declared]
    assert len(tables) == len(set(tables))  # a table declared twice would shadow one silently
    assert sorted(set(models) - set(tables)) == UNDECLARED_VERSIONED
    for table, feature in declared:
        assert table in models, (feature.name, table)
        assert models[table].__module__.startswith(f"qms.{feature.name}."), (feature.name, table)
    assert entity_of() == {t: e for f in features.FEATURES for t, e in f.versioned.items()}
    assert entity_of()["document_revisions"] == "document"  # a revision is logged on its document


def test_the_demo_loaders_keep_their_order():
    from qms.audits.demo import load_demo_audits
    from qms.documents.demo import load_demo_documents
    from qms.duties.demo import load_demo_duties
    from qms.nonconformities.demo import load_demo_nonconformities
    from qms.onestop.demo import load_demo_onestop
    from qms.plan.demo import load_demo_plan_into
    from qms.review.demo import load_demo_review
    from qms.risks.demo import load_demo_risks
    from qms.scoring.demo import load_demo_scoring
    from qms.voice.demo import load_demo_voice

    assert features.demo_loaders() == [
        load_demo_plan_into,  # first: every other record points at the plan
        load_demo_documents, load_demo_nonconformities, load_demo_onestop, load_demo_audits,
        load_demo_voice,  # before the review, whose inputs include it
        load_demo_review, load_demo_duties, load_demo_scoring, load_demo_risks]


RAN: list[tuple[str, int | None]] = []


def second_loader(demo: DemoContext) -> None:
    RAN.append(("second", demo.plan))


def first_loader(demo: DemoContext) -> None:
    RAN.append(("first", demo.plan_id))
    demo.plan_id = 42


def test_the_demo_runs_the_declared_loaders_in_slot_order_not_feature_order(db, monkeypatch):
    from qms.demo.nam_trung import load_demo

    here = __name__
    monkeypatch.setattr(features, "FEATURES", (
        Feature(name="later", demo=(Slot(20, f"{here}:second_loader"),)),
        Feature(name="sooner", demo=(Slot(10, f"{here}:first_loader"),)),
    ))
    RAN.clear()
    result = load_demo(if_empty=False)
    assert RAN == [("first", None), ("second", 42)]
    assert result.plan_id == 42 and result.organization_id is not None


def test_a_demo_loader_before_the_plans_has_no_plan():
    with pytest.raises(LookupError):
        _ = DemoContext(1).plan


def test_the_guides_demo_loader_takes_its_declared_place(inspections):
    slots = sorted((s for f in features.FEATURES for s in f.demo), key=lambda s: s.order)
    refs = [s.ref for s in slots]
    mine = refs.index("qms.inspections.demo:load_demo_inspections")
    assert refs[mine - 1] == "qms.nonconformities.demo:load_demo_nonconformities"
    assert refs[mine + 1] == "qms.onestop.demo:load_demo_onestop"
    demo_source = _doc_files()["qms/inspections/demo.py"]
    assert "def load_demo_inspections(demo: DemoContext) -> None:" in demo_source


# Run in a child process: the example's table must not join this process's metadata (the
# migration tests compare it with the migrations, the test above lists its versioned tables).
GUIDE_CHECK = """
import sys
from datetime import date
from pathlib import Path
import qms
qms.__path__.append(sys.argv[1])
from qms import features
from qms.inspections.feature import FEATURE
features.FEATURES = (*features.FEATURES, FEATURE)
from qms.inspections.models import Inspection
from qms.trace.linkable_queries import linkable
from qms.trail.stale import entity_of
spec = linkable()["inspection"]
assert spec.model is Inspection, spec
assert spec.label(Inspection(title="Kiểm tra CCHC", held_on=date(2023, 9, 12))) == \\
    "12/09/2023 — Kiểm tra CCHC", spec.label
assert entity_of()[Inspection.__table__.name] == "inspection", entity_of()
print("ok")
"""


def test_the_guides_linkable_type_and_versioned_table_are_seen(tmp_path):
    _write_example(tmp_path)
    env = {**os.environ, "QMS_DATA_DIR": str(tmp_path / "data")}
    env.pop("QMS_DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-c", GUIDE_CHECK, str(tmp_path / "qms")], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
