"""A writer for the crash test: commits records in a burst and prints each id after its commit
returned (``python -m tests.reliability.writer ORG_ID``; the database is QMS_DATABASE_URL)."""

from __future__ import annotations

import sys

from qms.core.actor import Actor
from qms.nonconformities.recording import NcInput, raise_nonconformity
from qms.trace.evidence import EvidenceInput, add_evidence

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def main(org_id: int) -> None:
    actor = Actor.system(org_id, "crash-writer")
    n = 0
    while True:
        n += 1
        nc_id = raise_nonconformity(actor, "", None, NcInput(
            f"Hồ sơ trả chậm, lần ghi {n}.", "minor", "citizen_feedback", f"Ghi nhanh {n}"))
        print(f"nc {nc_id}", flush=True)
        ev_id = add_evidence(actor, EvidenceInput(f"Biên bản {n}"), "bien-ban.pdf", PDF * 50)
        print(f"evidence {ev_id}", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]))
