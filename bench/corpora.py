"""What the benchmarks share: the news corpora in ../shared, sampling them, peak memory."""

from __future__ import annotations

import gzip
import json
import resource
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = {
    "wikinews": REPO.parent / "shared" / "corpora" / "wikinews.jsonl",
    "reuters": REPO.parent / "shared" / "corpora" / "reuters21578.jsonl.gz",
}


def limited_copy(path: Path, limit: int | None, dest: Path) -> Path:
    """A JSONL file with the first ``limit`` records that have a body (Reuters has empty ones)."""
    opener = gzip.open if path.suffix == ".gz" else open
    written = 0
    with opener(path, "rt", encoding="utf-8") as src, dest.open("w", encoding="utf-8") as out:
        for line in src:
            if limit is not None and written >= limit:
                break
            if json.loads(line).get("text", "").strip():
                out.write(line)
                written += 1
    return dest


def peak_rss_mb() -> float:
    """Peak resident memory of this process or its children, in MiB (Linux reports KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024
