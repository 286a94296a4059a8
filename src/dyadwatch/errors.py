"""One exception tree for dyadwatch, with stable codes.

DyadwatchError                 base; ``code`` is stable and documented
├── InputError                 an input could not be read or accepted (becomes a Reject)
├── DictionaryError            a dictionary data file failed schema validation (file and line)
├── ConfigError                a bad setting or command-line value
├── StoreError                 the database could not be opened, migrated or written
│   └── DatabaseBusy           another process holds the database's lock (try again later)
└── EvaluationError            a gold file is malformed or missing

Interfaces map these to exit codes (CLI) and HTTP statuses (API) in one place each.
"""

from __future__ import annotations

from enum import StrEnum


class RejectCode(StrEnum):
    """Why an input record was rejected. Values are stable: scripts and the store use them."""

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    MALFORMED_JSON = "malformed_json"
    BAD_RECORD = "bad_record"  # valid JSON, but not a usable {id, text, ...} record
    BAD_DATE = "bad_date"
    IMPLAUSIBLE_DATE = "implausible_date"  # a publication date before 1800 or years ahead
    DUPLICATE_ID = "duplicate_id"
    CODING_FAILED = "coding_failed"  # accepted, but the coder raised on it
    CODING_TIMEOUT = "coding_timeout"  # accepted, but coding ran over settings.document_timeout


class DyadwatchError(Exception):
    """Base of every error dyadwatch raises on purpose."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(DyadwatchError):
    code = "input"

    def __init__(self, message: str, reject_code: RejectCode, origin: str = "") -> None:
        super().__init__(message)
        self.reject_code = reject_code
        self.origin = origin


class DictionaryError(DyadwatchError):
    code = "dictionary"

    def __init__(self, message: str, path: str = "", line: int | None = None) -> None:
        where = f"{path}:{line}: " if line is not None else (f"{path}: " if path else "")
        super().__init__(where + message)
        self.path = path
        self.line = line


class ConfigError(DyadwatchError):
    code = "config"


class StoreError(DyadwatchError):
    code = "store"


class DatabaseBusy(StoreError):
    """Another process (an ingest, a notebook, a server's write) holds the database's file
    lock; ``retry_after`` is a suggested wait in seconds."""

    code = "busy"

    def __init__(self, message: str, retry_after: int = 5) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class EvaluationError(DyadwatchError):
    code = "evaluation"
