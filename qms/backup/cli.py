"""``python -m qms backup -o FILE`` and ``python -m qms restore FILE``."""

from __future__ import annotations

import argparse
from pathlib import Path

from qms.backup.archive import create_backup, restore_backup
from qms.core.i18n import t
from qms.reports.cli import read_input


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
        data = read_input(args.file)
        report = restore_backup(data)
        return t("cli.restore.done", tables=report.tables, rows=report.rows)
    return None
