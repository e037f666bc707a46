"""``python -m qms …``: what an administrator scripts (migrations, demo data, accounts)."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from qms.auth import users
from qms.auth.models import Unit, User
from qms.core.actor import Actor
from qms.core.errors import DomainError
from qms.core.i18n import t
from qms.core.roles import Role, parse_roles
from qms.db import migrate
from qms.db.engine import dispose_engines
from qms.db.uow import read_session
from qms.demo.nam_trung import load_demo
from qms.demo.scale.world import WORLDS, generate_world
from qms.reports.cli import organization_id


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m qms", description=t("cli.description"))
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help=t("cli.migrate.help"))
    demo = sub.add_parser("demo", help=t("cli.demo.help"))
    demo.add_argument("--if-empty", action="store_true", help=t("cli.demo.if_empty"))
    demo.add_argument("--scale", choices=WORLDS, help=t("demo_scale.cli.scale"))
    demo.add_argument("--seed", type=int, default=1, help=t("demo_scale.cli.seed"))
    demo.add_argument("--organizations", type=int, default=None,
                      help=t("demo_scale.cli.organizations"))
    user = sub.add_parser("user", help=t("cli.user.help")).add_subparsers(dest="action",
                                                                            required=True)
    add = user.add_parser("add", help=t("cli.user.add.help"))
    add.add_argument("username")
    add.add_argument("--full-name", required=True)
    add.add_argument("--job-title", default="")
    add.add_argument("--unit", default="", help=t("cli.user.unit"))
    add.add_argument("--role", action="append", default=[], choices=[r.value for r in Role])
    add.add_argument("--org", default="", help=t("cli.user.org"))
    add.add_argument("--password-stdin", action="store_true", help=t("cli.password_stdin"))
    setpw = user.add_parser("set-password", help=t("cli.user.set_password.help"))
    setpw.add_argument("username")
    setpw.add_argument("--password-stdin", action="store_true", help=t("cli.password_stdin"))
    disable = user.add_parser("disable", help=t("cli.user.disable.help"))
    disable.add_argument("username")
    disable.add_argument("--reason", default="")
    enable = user.add_parser("enable", help=t("cli.user.enable.help"))
    enable.add_argument("username")
    user.add_parser("list", help=t("cli.user.list.help"))
    for module in _feature_modules():
        module.add_commands(sub)
    return p


def _feature_modules() -> list[Any]:
    """Command groups with ``add_commands(subparsers)`` and ``run(args) -> str | None``: the
    shared ``report`` command and each feature's ``cli`` (``qms.features``)."""
    import importlib

    from qms.features import cli_modules

    return [importlib.import_module(name) for name in ("qms.reports.cli", *cli_modules())]


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(t("cli.password_prompt"))
    if first != getpass.getpass(t("cli.password_repeat")):
        raise SystemExit(t("cli.password_mismatch"))
    return first


def _user(username: str) -> tuple[int, int]:
    with read_session() as s:
        row = s.execute(select(User.id, User.organization_id)
                        .where(User.username == username.strip().lower())).first()
    if row is None:
        raise SystemExit(t("cli.no_user", username=username))
    return row[0], row[1]


def _cmd_user(args: argparse.Namespace) -> str:
    if args.action == "add":
        org_id = organization_id(args.org)
        with read_session() as s:
            unit_id = s.scalar(select(Unit.id).where(Unit.organization_id == org_id,
                                                     Unit.name == args.unit)) if args.unit else None
        if args.unit and unit_id is None:
            raise SystemExit(t("cli.no_unit", unit=args.unit))
        password = _read_password(args.password_stdin)
        data = users.UserInput(args.username, args.full_name, args.job_title, unit_id,
                               parse_roles(args.role))
        users.create_user(Actor.system(org_id), data, password or None)
        return t("cli.user.added", username=args.username)
    if args.action == "list":
        with read_session() as s:
            rows = s.scalars(select(User).order_by(User.username)).all()
            return "\n".join(f"{u.username}\t{u.full_name}\t{','.join(u.roles)}\t"
                             f"{'active' if u.is_active else 'disabled'}" for u in rows)
    user_id, org_id = _user(args.username)
    actor = Actor.system(org_id)
    if args.action == "set-password":
        users.set_password(actor, user_id, _read_password(args.password_stdin))
        return t("cli.user.password_set", username=args.username)
    users.set_active(actor, user_id, args.action == "enable", getattr(args, "reason", ""))
    return t(f"cli.user.{args.action}d", username=args.username)


def run(argv: Sequence[str] | None = None) -> str:
    """Run one command and return what it prints (the tests call this directly)."""
    args = _parser().parse_args(argv)
    if args.command == "migrate":
        migrate.upgrade()
        return t("cli.migrated")
    if args.command == "demo" and args.scale:
        world = generate_world(args.scale, seed=args.seed, organizations=args.organizations,
                               progress=lambda line: print(line, flush=True))
        return t("demo_scale.done", orgs=world.organizations, rows=f"{world.rows:,}"
                 .replace(",", "."), seconds=f"{world.seconds:.0f}")
    if args.command == "demo":
        result = load_demo(if_empty=args.if_empty)
        if not result.loaded:
            return t("cli.demo.skipped")
        return t("cli.demo.loaded", units=result.units, users=result.users)
    if args.command == "user":
        return _cmd_user(args)
    for module in _feature_modules():
        output = module.run(args)
        if output is not None:
            return output
    raise SystemExit(t("cli.unknown_command", command=args.command))


def main(argv: Sequence[str] | None = None) -> int:
    try:
        print(run(argv))
        return 0
    except DomainError as exc:
        print(t("cli.error", message=exc.message()), file=sys.stderr)
        return 2
    finally:
        dispose_engines()
