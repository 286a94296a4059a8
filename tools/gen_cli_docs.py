"""Regenerate docs/cli.md from the commands' own --help text.

.venv/bin/python tools/gen_cli_docs.py          # rewrite docs/cli.md
.venv/bin/python tools/gen_cli_docs.py --check  # exit 1 if docs/cli.md is stale
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import typer.main
from typer.testing import CliRunner

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"

HEADER = """# Command-line reference

Generated from each command's `--help` by `tools/gen_cli_docs.py`; a test fails when it is stale.

Exit statuses: 0 success; 1 the command could not do its job (the message says why); 2 a bad
command-line value or setting; 3 the command ran but some input was rejected (each rejected
input is listed with its reason); 130 stopped by Ctrl-C.

A failure is one line on standard error, never a traceback: `error [store]: ...` for a database
that cannot be read or written (a damaged or truncated file, a full disk: "No space left on
device"), `error [io]: ...` for other operating-system errors (the system's words and the file),
`interrupted: ...` for Ctrl-C. After Ctrl-C, `ingest` and `recode` keep every batch already
committed and discard the one in progress; the run is recorded as `interrupted` with the counts
of what it committed. Files named by `--output` (`code`, `export`) are written to a temporary
file beside them and renamed only when complete: never a truncated file. `dyadwatch --version`
prints the version.

Long commands (`ingest`, `recode`, and `code --output FILE`) show a progress line on standard
error: documents done of about how many, documents/s, events, rejects and the estimated time
left. It appears only when both standard output and standard error are terminals and `CI` is
not set; `--progress`/`--no-progress` force it on or off. The total is estimated before the run
(one per file, one per JSON Lines line; unknown for stdin and compressed files).
"""


def _command_paths(command: Any, prefix: list[str]) -> list[list[str]]:
    """Every command path under ``command`` (Typer groups keep their children in .commands)."""
    paths: list[list[str]] = []
    for name, child in sorted(getattr(command, "commands", {}).items()):
        if getattr(child, "hidden", False):
            continue
        paths.append([*prefix, name])
        paths.extend(_command_paths(child, [*prefix, name]))
    return paths


def render() -> str:
    os.environ["COLUMNS"] = "100"  # stable wrapping, whatever the terminal
    os.environ["TERM"] = "dumb"
    os.environ["NO_COLOR"] = "1"
    from dyadwatch.cli import app
    from dyadwatch.cli.app import import_all_command_modules

    import_all_command_modules()  # commands register lazily; the reference lists them all

    runner = CliRunner()
    parts = [HEADER]
    for path in _command_paths(typer.main.get_command(app), []):
        result = runner.invoke(app, [*path, "--help"], prog_name="dyadwatch", terminal_width=100)
        if result.exit_code != 0:
            raise RuntimeError(f"dyadwatch {' '.join(path)} --help failed: {result.output}")
        text = "\n".join(line.rstrip() for line in result.output.splitlines()).strip("\n")
        parts.append(f"## `dyadwatch {' '.join(path)}`\n\n```text\n{text}\n```\n")
    return "\n".join(parts)


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        stale = not DOC.is_file() or DOC.read_text(encoding="utf-8") != text
        print("docs/cli.md is stale: run tools/gen_cli_docs.py" if stale else "docs/cli.md ok")
        return 1 if stale else 0
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
