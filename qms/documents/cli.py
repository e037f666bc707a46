"""``python -m qms procedures sync [--dry-run]`` and ``report procedure --id CODE``."""

from __future__ import annotations

import argparse
from pathlib import Path

from qms.auth.organization_queries import get_organization
from qms.core.actor import Actor
from qms.core.errors import NotFound
from qms.core.i18n import t
from qms.documents.copy_queries import choose_revision, copy_of
from qms.documents.queries import document_detail, document_id_by_code
from qms.documents.report import controlled_copy_pdf
from qms.documents.sync import PROCEDURES_DIR, Outcome, SyncReport, sync_procedures
from qms.reports.cli import organization_id, register


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``procedures sync``."""
    group = subparsers.add_parser("procedures", help=t("cli.procedures.help"))
    actions = group.add_subparsers(dest="action", required=True)
    sync = actions.add_parser("sync", help=t("cli.procedures.sync.help"))
    sync.add_argument("--dry-run", action="store_true", help=t("cli.procedures.dry_run"))
    sync.add_argument("--folder", type=Path, default=PROCEDURES_DIR,
                      help=t("cli.procedures.folder"))
    sync.add_argument("--org", default="", help=t("cli.user.org"))


def format_report(report: SyncReport) -> str:
    """One line per file, then the totals; Vietnamese like every CLI message."""
    lines = []
    for item in report.items:
        line = t(f"cli.procedures.outcome.{item.outcome.value}", file=item.file,
                 code=item.code, issue=item.issue)
        lines.append(f"{line}: {item.message}" if item.message else line)
    lines.append(t("cli.procedures.summary", created=report.count(Outcome.CREATED),
                   drafted=report.count(Outcome.DRAFTED) + report.count(Outcome.DRAFT_UPDATED),
                   unchanged=report.count(Outcome.UNCHANGED),
                   invalid=report.count(Outcome.INVALID), links=report.links_added))
    if report.dry_run:
        lines.append(t("cli.procedures.dry_run_done"))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> str | None:
    """Run ``procedures …``; ``None`` for other commands."""
    if args.command != "procedures":
        return None
    folder = args.folder if args.folder.is_absolute() else Path.cwd() / args.folder
    if not folder.is_dir():
        raise SystemExit(t("cli.procedures.no_folder", folder=str(folder)))
    actor = Actor.system(organization_id(args.org))
    return format_report(sync_procedures(actor, folder, dry_run=args.dry_run))


def _procedure_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--id", required=True, help=t("cli.report.procedure.id"))
    parser.add_argument("--revision", type=int, default=None,
                        help=t("cli.report.procedure.revision"))
    parser.add_argument("--org", default="", help=t("cli.user.org"))


def build_procedure(args: argparse.Namespace) -> bytes:
    """The controlled copy of ``--id CODE`` (``--revision N``: that issue) as PDF bytes."""
    org_id = organization_id(args.org)
    document_id = document_id_by_code(org_id, args.id)
    doc = document_detail(org_id, document_id) if document_id is not None else None
    org = get_organization(org_id)
    rev = choose_revision(doc, args.revision) if doc is not None else None
    if doc is None or rev is None or org is None:
        raise NotFound("document.copy.not_found", code=args.id, issue=args.revision or "")
    return controlled_copy_pdf(copy_of(org.data.authority_name, doc, rev))


register("procedure", build_procedure, _procedure_arguments, "cli.report.procedure.help")
