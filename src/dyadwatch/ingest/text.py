"""Plain-text and Markdown documents.

The text is kept as written (line ends normalised to ``\\n``, surrounding blank space trimmed),
because event evidence carries character offsets into it. Two optional header conventions are
read and removed from the text:

* a front-matter block (``---`` line, ``key: value`` lines, ``---`` line) at the very top, with
  ``title``, ``date``, ``source``, ``url``; any other keys go to ``metadata``;
* in Markdown files (``.md``/``.markdown``), a leading ``# Heading`` line becomes the title.
"""

from __future__ import annotations

import re

from dyadwatch.errors import InputError, RejectCode
from dyadwatch.ingest.dates import parse_date
from dyadwatch.ingest.decode import normalize_newlines
from dyadwatch.model import Document

_FRONT_MATTER_MAX_LINES = 40
_KEY_VALUE = re.compile(r"([A-Za-z][\w-]*)\s*:\s*(.*)")
_MD_HEADING = re.compile(r"#\s+(\S.*?)\s*#*\s*")
_FIELDS = ("title", "source", "url")


def document_from_text(text: str, *, doc_id: str, origin: str, markdown: bool = False) -> Document:
    """One document from decoded text. Raises InputError for a bad front-matter date or no text."""
    body = normalize_newlines(text)
    header, body = _split_front_matter(body)
    fields: dict[str, str] = {}
    metadata: dict[str, str] = {}
    for key, value in header.items():
        if key in _FIELDS or key == "date":
            fields[key] = value
        else:
            metadata[key] = value
    if markdown and "title" not in fields:
        title, body = _markdown_title(body)
        if title:
            fields["title"] = title
    date = None
    if fields.get("date"):
        try:
            date = parse_date(fields["date"])
        except ValueError as exc:
            raise InputError(f"front matter: {exc}", RejectCode.BAD_DATE, origin) from exc
    body = body.strip()
    if not body:
        raise InputError("no text: the document has no body", RejectCode.EMPTY, origin)
    return Document(
        id=doc_id,
        text=body,
        date=date,
        title=fields.get("title") or None,
        source=fields.get("source") or None,
        url=fields.get("url") or None,
        origin=origin,
        metadata=metadata,
    )


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``({key: value}, rest)`` when the text opens with a well-formed front-matter block."""
    if not text.startswith("---\n"):
        return {}, text
    lines = text.split("\n")
    header: dict[str, str] = {}
    for index in range(1, min(len(lines), _FRONT_MATTER_MAX_LINES + 1)):
        line = lines[index]
        if line.strip() == "---":
            return header, "\n".join(lines[index + 1 :])
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _KEY_VALUE.fullmatch(line.strip())
        if match is None:
            return {}, text  # not front matter after all: keep the text untouched
        header[match.group(1).lower()] = _unquote(match.group(2).strip())
    return {}, text


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _markdown_title(text: str) -> tuple[str | None, str]:
    stripped = text.lstrip("\n")
    first, _, rest = stripped.partition("\n")
    match = _MD_HEADING.fullmatch(first)
    if match is None:
        return None, text
    return match.group(1), rest
