"""A command's input file that cannot be read stops it with a message naming the file."""

from __future__ import annotations

import pytest

from qms.reports.cli import read_input


def test_a_missing_input_file_stops_the_command_with_its_name(tmp_path):
    (tmp_path / "ke-hoach.docx").write_bytes(b"PK")
    assert read_input(tmp_path / "ke-hoach.docx") == b"PK"
    with pytest.raises(SystemExit) as stopped:
        read_input(tmp_path / "khong-co.docx")
    assert "khong-co.docx" in str(stopped.value) and "Không đọc được tệp" in str(stopped.value)
