"""The evidence pack (bộ tài liệu kiểm chứng): a ZIP with the index PDF first, then every
evidence file under its pack name (``1.1.a_05-BC-UBND_bao-cao.pdf``)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

from qms.scoring.pack_rules import INDEX_NAME
from qms.scoring.report import PackLine, SelfAssessment, pack_index_pdf


def evidence_pack_zip(report: SelfAssessment, lines: tuple[PackLine, ...],
                      files: Mapping[str, bytes]) -> bytes:
    """ZIP bytes: the index, then ``files`` (pack name → content) in the index's order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(INDEX_NAME, pack_index_pdf(report, lines))
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()
