"""Reading the line-oriented TSV data files that every dictionary uses.

Errors carry the file and line so a dictionary author can fix the exact row.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path

from dyadwatch.errors import DictionaryError

DATA_PACKAGE = "dyadwatch.dictionaries.data"


def packaged_path(name: str) -> Path:
    """Path of a data file shipped inside the package."""
    return Path(str(resources.files(DATA_PACKAGE).joinpath(name)))


def data_digest(extra_dir: Path | None = None, data_dir: Path | None = None) -> str:
    """12 hex digits of SHA-1 over every packaged data file, then over the files of the same
    names in ``extra_dir`` (the only ones the loaders read there): any edit changes it.

    ``data_dir`` stands in for the packaged data directory (tests digest a copy)."""
    data_dir = data_dir or packaged_path("countries.tsv").parent
    digest = hashlib.sha1()
    names = sorted(p.name for p in data_dir.iterdir() if p.is_file() and p.suffix == ".tsv")
    directories = [("packaged", data_dir)] + ([("extra", extra_dir)] if extra_dir else [])
    for origin, directory in directories:
        for name in names:
            path = directory / name
            if path.is_file():
                digest.update(f"{origin}\x1f{name}\x1f".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


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
