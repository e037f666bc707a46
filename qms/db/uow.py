"""Unit of work: one session per user action, rolled back unless the service commits."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from qms.core.errors import Conflict
from qms.db.engine import session_factory


class UnitOfWork:
    """Holds the session of one user action; ``commit`` is the only way anything persists."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def commit(self) -> None:
        self.session.commit()


@contextmanager
def unit_of_work(*, write: bool = True) -> Iterator[UnitOfWork]:
    """Open a session; whatever was not committed when the block ends is rolled back.

    A row whose version moved on between this unit's read and its write (a concurrent save
    that won the race; PostgreSQL lets both read first) is refused as a ``Conflict``.
    """
    session = session_factory(write)()
    try:
        yield UnitOfWork(session)
    except StaleDataError as exc:
        raise Conflict("error.concurrent_save") from exc
    finally:
        session.rollback()
        session.close()


@contextmanager
def read_session() -> Iterator[Session]:
    """A short read-only session for queries; never commits."""
    with unit_of_work(write=False) as uow:
        yield uow.session
