"""Uploads are typed by their content, names cannot escape, archives cannot explode."""

from __future__ import annotations

import io
import zipfile

import pytest

from qms.core.errors import ValidationFailed
from qms.core.files import check_size, safe_name, sniff


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.7\n...", "pdf"), (b"\x89PNG\r\n\x1a\n....", "png"), (b"\xff\xd8\xff\xe0..", "jpeg"),
    (_zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<w/>"}), "docx"),
    (_zip({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<w/>"}), "xlsx"),
    ("Kế hoạch cải cách hành chính".encode(), "txt"),
])
def test_the_type_is_read_from_the_content(data, kind):
    assert sniff(data).kind == kind


def test_a_binary_renamed_to_pdf_is_not_a_pdf():
    assert sniff(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00") is None
    assert sniff(_zip({"evil.exe": b"MZ"})) is None


def test_a_zip_bomb_is_refused():
    with pytest.raises(ValidationFailed) as err:
        sniff(_zip({"word/document.xml": b"0" * 50_000_000}))
    assert err.value.key == "file.zip_bomb"


@pytest.mark.parametrize("name", ["../../etc/passwd", "..\\boot.ini", "/tmp/x.pdf", ".htaccess",
                                  ""])
def test_path_tricks_in_file_names_are_refused(name):
    with pytest.raises(ValidationFailed):
        safe_name(name, "pdf")


def test_the_extension_follows_the_content_and_odd_characters_go():
    assert safe_name("Báo cáo <quý I>.exe", "pdf") == "Báo cáo quý I.pdf"


def test_empty_and_oversize_files_are_refused():
    with pytest.raises(ValidationFailed) as empty:
        check_size(0, 10)
    assert empty.value.key == "file.empty"
    with pytest.raises(ValidationFailed) as err:
        check_size(21 * 1024 * 1024, 20 * 1024 * 1024)
    assert err.value.message() == "Tệp lớn hơn giới hạn 20 MB."
