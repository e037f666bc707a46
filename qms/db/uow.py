"""Unit of work: one session per user action, rolled back unless the service commits."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from qms.core.errors import Conflict, DomainError, NotFound
from qms.db.engine import session_factory

T = TypeVar("T")


class Member(Protocol):
    """Whoever acts for an organisation: an ``Actor``, or anything with its id."""

    @property
    def organization_id(self) -> int: ...


def owned(session: Session, model: type[T], record_id: int | None, of: Member,
          error: DomainError | None = None) -> T:
    """The record ``record_id`` of ``model`` if it belongs to ``of``'s organisation — the one
    organisation check on a loaded record. Missing, or another commune's: ``NotFound`` (or
    ``error``, for a reference a form names), so nobody learns that another commune's id exists.
    """
    row = session.get(model, record_id) if record_id is not None else None
    if row is None or getattr(row, "organization_id", None) != of.organization_id:
        raise error or NotFound("error.not_found")
    return row


class UnitOfWork:
    """Holds the session of one user action; ``commit`` is the only way anything persists."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def commit(self) -> None:
        self.session.commit()

    def owned(self, model: type[T], record_id: int | None, of: Member,
              error: DomainError | None = None) -> T:
        """``owned(self.session, …)``: the record, if it is ``of``'s organisation's."""
        return owned(self.session, model, record_id, of, error)


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
