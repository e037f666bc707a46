"""``python -m qms plan import``: the JSON contract of --dry-run --json, and saving."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from qms import cli
from qms.core.config import ROOT
from qms.demo.nam_trung import load_demo
from qms.plan.queries import list_plans
from tests.plan.files import SEED

TASK_KEYS = {"text", "references", "targets", "is_duty"}


def test_dry_run_json_prints_the_documented_contract_and_writes_nothing(tmp_path):
    env = {"QMS_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "qms", "plan", "import", str(SEED), "--dry-run",
                           "--json"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    plan = json.loads(done.stdout)
    assert {"title", "year", "basis", "areas", "reporting_periods", "responsibilities",
            "signer", "recipients", "warnings"} <= set(plan)
    assert plan["year"] == 2023
    assert [len(a["tasks"]) for a in plan["areas"]] == [8, 5, 7, 2, 4, 4, 4]
    assert all(set(t) >= TASK_KEYS for a in plan["areas"] for t in a["tasks"])
    targets = [x for a in plan["areas"] for t in a["tasks"] for x in t["targets"]]
    assert {"comparator", "value"} <= set(targets[0])
    assert {(p["start"], p["end"]) for p in plan["reporting_periods"]} >= {
        ("2022-12-10", "2023-03-09"), ("2022-12-10", "2023-12-09")}
    assert {"party", "text", "areas"} <= set(plan["responsibilities"][0])
    assert not (tmp_path / "qms.sqlite3").exists()  # a dry run does not even open a database


def test_import_saves_a_new_version_next_to_the_demo_plan(fresh_database_url):
    cli.run(["migrate"])
    org_id = load_demo(if_empty=True).organization_id
    out = cli.run(["plan", "import", str(SEED)])
    assert "Đã lưu kế hoạch năm 2023 (lần 2)" in out and "giữ liên kết của 34" in out
    assert [p.version_no for p in list_plans(org_id)] == [2, 1]


def test_a_missing_file_stops_with_a_vietnamese_message(tmp_path):
    with pytest.raises(SystemExit, match="Không đọc được tệp"):
        cli.run(["plan", "import", str(tmp_path / "khong-co.txt"), "--dry-run"])
