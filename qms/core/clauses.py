"""ISO 9001 clause numbers in the order of the standard, not of the text: 7.5.3, 8.1, 10.2."""

from __future__ import annotations


def clause_order(clause: str) -> list[int]:
    """Sort key of a clause number: by its numbers ("9.1" before "10.1"); a part that is not
    a number counts as 0, and a missing clause sorts after every clause."""
    return [int(p) if p.isdigit() else 0 for p in clause.split(".")] if clause else [99]
