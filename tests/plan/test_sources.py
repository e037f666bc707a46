"""Reading plan files: txt, docx and text PDFs in; scans, binaries and empties refused."""

from __future__ import annotations

import os

import pytest

from qms.core.errors import ValidationFailed
from qms.plan.sources import extract_plan_text
from tests.plan.files import as_docx, as_pdf, scanned_pdf

SAMPLE = "Kế hoạch cải cách hành chính nhà nước xã Nam Trung năm 2023\nI. MỤC ĐÍCH - YÊU CẦU\n" \
         "- Tiếp tục nâng cao Chỉ số cải cách hành chính của xã.\n" * 3


def _words(text: str) -> list[str]:
    return text.split()


def test_a_utf8_text_file_with_a_bom_is_read_as_nfc():
    import unicodedata

    data = b"\xef\xbb\xbf" + unicodedata.normalize("NFD", SAMPLE).encode()
    assert extract_plan_text(data) == SAMPLE


def test_word_and_pdf_files_give_the_same_words_as_the_text():
    assert _words(extract_plan_text(as_docx(SAMPLE))) == _words(SAMPLE)
    assert _words(extract_plan_text(as_pdf(SAMPLE))) == _words(SAMPLE)


@pytest.mark.parametrize(("data", "key"), [
    (b"", "file.empty"),
    (b"   \n\n  ", "plan.file.empty"),
    (os.urandom(4096) + b"\x00", "plan.file.unsupported"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "plan.file.unsupported"),
    (b"%PDF-1.4 this is not really a pdf", "plan.file.unreadable"),
    ("Kế hoạch".encode("cp1258", errors="ignore") + b"\xe0\xe1\xe2 plan", "plan.file.encoding"),
])
def test_unreadable_files_are_refused_with_a_reason(data, key):
    with pytest.raises(ValidationFailed) as err:
        extract_plan_text(data)
    assert err.value.key == key
    assert err.value.message() != key  # a Vietnamese sentence, not the bare key


def test_a_scanned_pdf_is_refused_as_such():
    with pytest.raises(ValidationFailed) as err:
        extract_plan_text(scanned_pdf())
    assert err.value.key == "plan.file.scanned_pdf"
    assert "ảnh quét" in err.value.message()
