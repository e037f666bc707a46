"""The project's own serif font (Liberation Serif, Times New Roman metrics) for every PDF.

The TTFs ship in ``qms/reports/fonts`` (SIL OFL, see ``fonts/LICENSE``) and are registered
from there by absolute path, so a report comes out the same on a machine with no system fonts.
Built-in PDF fonts have no Vietnamese letters, hence no fallback to them.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().with_name("fonts")

SERIF = "QMSSerif"
SERIF_BOLD = "QMSSerif-Bold"
SERIF_ITALIC = "QMSSerif-Italic"
SERIF_BOLD_ITALIC = "QMSSerif-BoldItalic"

FONT_FILES: dict[str, str] = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_lock = threading.Lock()


def register_fonts() -> str:
    """Register the four serif faces and their family mapping; return the family name.

    Safe to call any number of times, from any thread: fonts already registered under the
    project's names are left alone. The mapping makes ``<b>`` and ``<i>`` in Paragraphs
    switch to the bold and italic files.
    """
    with _lock:
        registered = set(pdfmetrics.getRegisteredFontNames())
        for name, filename in FONT_FILES.items():
            if name not in registered:
                pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
        for bold, italic, face in (
            (0, 0, SERIF),
            (1, 0, SERIF_BOLD),
            (0, 1, SERIF_ITALIC),
            (1, 1, SERIF_BOLD_ITALIC),
        ):
            addMapping(SERIF, bold, italic, face)
    return SERIF
