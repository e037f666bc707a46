"""``python -m qms backup -o FILE`` and ``python -m qms restore FILE``."""

from __future__ import annotations

import argparse
from pathlib import Path

from qms.backup.archive import create_backup, restore_backup
from qms.core.i18n import t


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = sub.add_parser("backup", help=t("cli.backup.help"))
    backup.add_argument("-o", "--output", required=True, type=Path)
    restore = sub.add_parser("restore", help=t("cli.restore.help"))
    restore.add_argument("file", type=Path)


def run(args: argparse.Namespace) -> str | None:
    if args.command == "backup":
        data = create_backup()
        args.output.write_bytes(data)
        return t("cli.backup.written", path=str(args.output), size=len(data))
    if args.command == "restore":
        try:
            data = args.file.read_bytes()
        except OSError as exc:
            raise SystemExit(t("cli.plan.cannot_read", file=str(args.file),
                               error=exc.strerror)) from None
        report = restore_backup(data)
        return t("cli.restore.done", tables=report.tables, rows=report.rows)
    return None
