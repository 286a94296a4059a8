"""Reading the line-oriented TSV data files that every dictionary uses.

Errors carry the file and line so a dictionary author can fix the exact row.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path

from dyadwatch.errors import DictionaryError

DATA_PACKAGE = "dyadwatch.dictionaries.data"


def packaged_path(name: str) -> Path:
    """Path of a data file shipped inside the package."""
    return Path(str(resources.files(DATA_PACKAGE).joinpath(name)))


def read_tsv(path: Path, required: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row; blank lines and ``#`` comments are skipped.

    The first non-comment line is the header and must contain every ``required`` column.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"cannot read dictionary: {exc}", str(path)) from exc
    header: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = raw.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in required if c not in header]
            if missing:
                raise DictionaryError(
                    f"header lacks column(s) {', '.join(missing)}", str(path), number
                )
            continue
        if len(cells) > len(header):
            raise DictionaryError(
                f"{len(cells)} fields but the header has {len(header)}", str(path), number
            )
        cells += [""] * (len(header) - len(cells))
        yield number, {k: v.strip() for k, v in zip(header, cells, strict=True)}
    if header is None:
        raise DictionaryError("empty dictionary file (no header)", str(path))
