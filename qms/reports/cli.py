"""``python -m qms report KIND … -o FILE``: one ``report`` command, kinds added by features.

A feature module registers its kind at import time::

    register("procedure", build, add_arguments)

``build(args) -> bytes`` makes the file; ``add_arguments(parser)`` adds the kind's own
options (``-o/--output`` is common to all). Only this module creates the ``report`` parser.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from qms.auth.models import Organization
from qms.core.i18n import t
from qms.db.uow import read_session

REPORT_KINDS: dict[str, Callable[[argparse.Namespace], bytes]] = {}
_ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {}
_HELP: dict[str, str] = {}


def register(kind: str, build: Callable[[argparse.Namespace], bytes],
             add_arguments: Callable[[argparse.ArgumentParser], None] | None = None,
             help_key: str = "") -> None:
    """Make ``kind`` available as ``python -m qms report <kind>``."""
    REPORT_KINDS[kind] = build
    _ARGUMENTS[kind] = add_arguments or (lambda _parser: None)
    _HELP[kind] = help_key


def _load_feature_modules() -> None:
    """Import every feature's command module so that every kind has registered itself."""
    from qms.features import cli_modules

    for name in cli_modules():
        importlib.import_module(name)


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``report`` with one sub-command per registered kind."""
    _load_feature_modules()
    report = subparsers.add_parser("report", help=t("cli.report.help"))
    kinds = report.add_subparsers(dest="kind", required=True)
    for kind in sorted(REPORT_KINDS):
        parser = kinds.add_parser(kind, help=t(_HELP[kind]) if _HELP[kind] else None)
        parser.add_argument("-o", "--output", required=True, help=t("cli.report.output"))
        _ARGUMENTS[kind](parser)


def run(args: argparse.Namespace) -> str | None:
    """Write the requested report; ``None`` for commands that are not ``report``."""
    if args.command != "report":
        return None
    data = REPORT_KINDS[args.kind](args)
    output = Path(args.output)
    output.write_bytes(data)
    return t("cli.report.written", path=str(output), size=len(data))


def organization_id(code: str = "") -> int:
    """The organisation a command acts for: ``--org CODE``, or the first one (a commune's own
    server holds one); none: the command stops with a Vietnamese message."""
    with read_session() as s:
        query = select(Organization.id).order_by(Organization.id)
        org_id = s.scalar(query.where(Organization.code == code) if code else query.limit(1))
    if org_id is None:
        raise SystemExit(t("cli.no_org"))
    return org_id


def read_input(path: Path) -> bytes:
    """The bytes of a file a command reads (a plan, a criteria set, a backup); one that cannot
    be read stops the command with a Vietnamese message naming it, not a traceback."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SystemExit(t("cli.plan.cannot_read", file=str(path), error=exc.strerror)) from None
