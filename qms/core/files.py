"""Uploaded files: the type comes from the content, never from the name."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from qms.core.errors import ValidationFailed
from qms.core.text import nfc

MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "doc": "application/msword",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "txt": "text/plain; charset=utf-8",
}
EXTENSIONS = {"pdf": ".pdf", "docx": ".docx", "xlsx": ".xlsx", "doc": ".doc", "png": ".png",
              "jpeg": ".jpg", "txt": ".txt"}
MAX_UNZIPPED = 100 * 1024 * 1024  # a .docx/.xlsx larger than this when unpacked is refused
MAX_RATIO = 200  # and so is one that compresses better than 200:1 (a zip bomb)
_UNSAFE = re.compile(r"[\x00-\x1f\x7f<>:\"|?*]")


@dataclass(frozen=True)
class SniffedFile:
    kind: str
    mime: str


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
            unpacked = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
    except (zipfile.BadZipFile, ValueError):
        return None
    if unpacked > MAX_UNZIPPED or unpacked / packed > MAX_RATIO:
        raise ValidationFailed("file.zip_bomb")
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def _is_text(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return False
    try:
        data[:65536].decode("utf-8-sig")
    except UnicodeDecodeError as exc:  # a cut multi-byte character at the end is fine
        return exc.start > len(data[:65536]) - 4
    return True


def sniff(data: bytes) -> SniffedFile | None:
    """What the bytes are, by their signature; ``None`` for anything not accepted."""
    kind: str | None = None
    if data.startswith(b"%PDF-"):
        kind = "pdf"
    elif data.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "png"
    elif data.startswith(b"\xff\xd8\xff"):
        kind = "jpeg"
    elif data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        kind = "doc"
    elif data.startswith(b"PK\x03\x04"):
        kind = _zip_kind(data)
    elif data and _is_text(data):
        kind = "txt"
    return SniffedFile(kind, MIME[kind]) if kind else None


def safe_name(name: str, kind: str) -> str:
    """A clean display name; path tricks are refused, the extension follows the content."""
    name = nfc(name or "").strip()
    if not name or "/" in name or "\\" in name or ".." in name or name.startswith("."):
        raise ValidationFailed("file.bad_name", name=name[:80])
    stem = _UNSAFE.sub("", name.rsplit(".", 1)[0]).strip() or "tep"
    return f"{stem[:120]}{EXTENSIONS[kind]}"


def check_size(size: int, max_bytes: int) -> None:
    if size == 0:
        raise ValidationFailed("file.empty")
    if size > max_bytes:
        raise ValidationFailed("file.too_large", max_mb=max_bytes // (1024 * 1024))
