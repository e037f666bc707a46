"""``python -m qms verify-log``: recompute the audit trail's hash chains."""

from __future__ import annotations

import argparse

from qms.core.i18n import t
from qms.trail.verify import verify_log


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub.add_parser("verify-log", help=t("cli.verify_log.help"))


def run(args: argparse.Namespace) -> str | None:
    if args.command != "verify-log":
        return None
    report = verify_log()
    if report.broken is None:
        return t("cli.verify_log.ok", rows=report.rows, chains=report.chains)
    b = report.broken
    raise SystemExit(t(f"cli.verify_log.broken.{b.problem}", chain=b.chain, seq=b.seq,
                       row=b.row_id if b.row_id is not None else "—"))
