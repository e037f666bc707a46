"""Index self-scoring on the command line::

    python -m qms scoring load FILE --name "Bộ tiêu chí 2024" [--org CODE]
    python -m qms report self-assessment --period 4 -o bao-cao-tu-cham.pdf
    python -m qms report evidence-pack --period 4 -o tai-lieu-kiem-chung.zip

The reports use the period's newest score sheet; the organisation is the period's own.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy import select

from qms.core.actor import Actor
from qms.core.clock import today
from qms.core.errors import NotFound
from qms.core.i18n import t
from qms.db.uow import read_session
from qms.plan.models import Plan, ReportingPeriod
from qms.reports.cli import organization_id, read_input, register
from qms.scoring.criteria_sets import load_criteria_set, preview_criteria_set
from qms.scoring.outputs import evidence_pack, self_assessment_report, sheet_of_period


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    scoring = sub.add_parser("scoring", help=t("cli.scoring.help"))
    actions = scoring.add_subparsers(dest="scoring_action", required=True)
    load = actions.add_parser("load", help=t("cli.scoring.load.help"))
    load.add_argument("file", type=Path)
    load.add_argument("--name", required=True, help=t("field.scoring.set_name"))
    load.add_argument("--org", default="", help=t("cli.user.org"))


def run(args: argparse.Namespace) -> str | None:
    """Load a criteria set; every problem of a refused file is printed with its line."""
    if args.command != "scoring":
        return None
    data = read_input(args.file)
    preview = preview_criteria_set(data)
    if not preview.ok:
        raise SystemExit("\n".join((t("scoring.preview_bad", n=len(preview.problems)),
                                    *preview.problems)))
    actor = Actor.system(organization_id(args.org))
    set_id = load_criteria_set(actor, data, args.name, args.file.name)
    return t("cli.scoring.loaded", id=set_id, n=len(preview.rows), name=args.name)


def _period_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--period", type=int, required=True, help=t("cli.report.period.id"))


def _sheet(period_id: int) -> tuple[int, int]:
    with read_session() as s:
        org_id = s.scalar(select(Plan.organization_id).join(
            ReportingPeriod, ReportingPeriod.plan_id == Plan.id)
            .where(ReportingPeriod.id == period_id))
    sheet = sheet_of_period(org_id, period_id) if org_id is not None else None
    if org_id is None or sheet is None:
        raise NotFound("cli.scoring.no_sheet", period=period_id)
    return org_id, sheet.id


def build_self_assessment(args: argparse.Namespace) -> bytes:
    """The self-assessment report of period ``--period`` as PDF bytes."""
    data = self_assessment_report(*_sheet(args.period), today())
    if data is None:
        raise NotFound("cli.scoring.no_sheet", period=args.period)
    return data


def build_evidence_pack(args: argparse.Namespace) -> bytes:
    """The evidence pack of period ``--period`` as ZIP bytes."""
    data = evidence_pack(*_sheet(args.period), today())
    if data is None:
        raise NotFound("cli.scoring.no_sheet", period=args.period)
    return data


register("self-assessment", build_self_assessment, _period_arguments,
         "cli.report.self_assessment.help")
register("evidence-pack", build_evidence_pack, _period_arguments,
         "cli.report.evidence_pack.help")
