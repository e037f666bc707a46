"""``python -m qms plan import FILE [--dry-run] [--json] [--org CODE]``."""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from qms.core.actor import Actor
from qms.core.i18n import t
from qms.plan import importing as plan_import
from qms.plan import saving as plan_save
from qms.reports.cli import organization_id, read_input


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    plan = sub.add_parser("plan", help=t("cli.plan.help"))
    actions = plan.add_subparsers(dest="plan_action", required=True)
    imp = actions.add_parser("import", help=t("cli.plan.import.help"))
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help=t("cli.plan.dry_run"))
    imp.add_argument("--json", action="store_true", help=t("cli.plan.json"))
    imp.add_argument("--org", default="", help=t("cli.user.org"))


def run(args: argparse.Namespace) -> str | None:
    if args.command != "plan":
        return None
    data = read_input(args.file)
    draft = plan_import.parse_file(data)
    if args.dry_run:
        if args.json:
            return json.dumps(draft, ensure_ascii=False, indent=2)
        return _summary(draft)
    actor = Actor.system(organization_id(args.org))
    preview = plan_import.preview_import(actor, data)
    plan_save.confirm_import(actor, data, args.file.name, hashlib.sha256(data).hexdigest())
    saved = t("cli.plan.saved", year=preview.year, n=preview.version_no,
              tasks=preview.task_count, kept=len(preview.matched), removed=len(preview.removed))
    return f"{_summary(draft)}\n{saved}"


def _summary(draft: dict) -> str:  # type: ignore[type-arg]
    lines = [draft.get("title") or "", t("cli.plan.year", year=draft["year"])]
    for area in draft["areas"]:
        duties = sum(1 for task in area["tasks"] if task["is_duty"])
        lines.append(t("cli.plan.area", number=area["number"], title=area["title"],
                       tasks=len(area["tasks"]), duties=duties))
    lines.append(t("cli.plan.periods", n=len(draft["reporting_periods"])))
    lines.append(t("cli.plan.warnings", n=len(draft["warnings"])))
    return "\n".join(lines)
