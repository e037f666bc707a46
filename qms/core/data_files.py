"""Read the data files shipped inside the package (``qms/data/``)."""

from __future__ import annotations

from importlib.resources import files


def read_packaged(name: str) -> str:
    """UTF-8 text of ``qms/data/<name>``, e.g. ``read_packaged("iso_clauses.csv")``."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise ValueError(f"Tên tệp dữ liệu không hợp lệ: {name!r}")
    return files("qms").joinpath("data", name).read_text(encoding="utf-8")
