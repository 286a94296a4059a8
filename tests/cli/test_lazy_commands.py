"""The command line imports a command's module only when that command is asked for."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import typer
from typer.testing import CliRunner

from dyadwatch.cli.app import COMMAND_MODULES, app, import_all_command_modules


def _modules_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint('\\n'.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def test_importing_the_cli_imports_no_command_module() -> None:
    loaded = _modules_after("import dyadwatch.cli")
    assert not {m for m in loaded if m.startswith("dyadwatch.cli.") and m.endswith("_cmd")}
    assert "pandas" not in loaded
    assert "spacy" not in loaded


def test_running_one_command_imports_only_its_module() -> None:
    loaded = _modules_after(
        "from typer.testing import CliRunner\n"
        "from dyadwatch.cli import app\n"
        "assert CliRunner().invoke(app, ['event', '--help']).exit_code == 0"
    )
    assert "dyadwatch.cli.events_cmd" in loaded
    assert "dyadwatch.cli.analytics_cmd" not in loaded


def test_the_code_command_does_not_import_pandas() -> None:
    # the floor benchmark's process imports spaCy only; `code` needs no data frames
    loaded = _modules_after(
        "from typer.testing import CliRunner\n"
        "from dyadwatch.cli import app\n"
        "assert CliRunner().invoke(app, ['code', '--help']).exit_code == 0"
    )
    assert "dyadwatch.cli.code_cmd" in loaded
    assert "pandas" not in loaded


def test_every_registered_command_is_in_the_lazy_table() -> None:
    import_all_command_modules()
    built: Any = typer.main.get_command(app)
    assert set(built.commands) == set(COMMAND_MODULES)


def test_help_lists_every_command_and_a_lazy_command_runs() -> None:
    runner = CliRunner()
    listing = runner.invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert listing.exit_code == 0
    for name in COMMAND_MODULES:
        assert name in listing.output
    assert runner.invoke(app, ["series", "--help"]).exit_code == 0
    assert runner.invoke(app, ["no-such-command"]).exit_code != 0


def test_code_cmd_leaves_html_parser_and_progress_bar_unloaded() -> None:
    # reading JSON Lines needs no HTML parser, and a run with no progress line no rich bar
    loaded = _modules_after("import dyadwatch.cli.code_cmd\nimport dyadwatch.ingest")
    assert "dyadwatch.ingest.html" in loaded
    assert "bs4" not in loaded
    assert "rich.progress" not in loaded


def test_code_cmd_html_input_still_loads_its_parser() -> None:
    loaded = _modules_after(
        "from dyadwatch.ingest.html import document_from_html\n"
        "doc = document_from_html('<html><body><p>Rain fell.</p></body></html>',"
        " doc_id='a', origin='t')\n"
        "assert doc.text == 'Rain fell.', doc.text"
    )
    assert "bs4" in loaded


def test_code_cmd_without_verifier_leaves_the_verifier_unloaded() -> None:
    # the verifier package pulls in the gold readers; plain rule coding needs neither
    loaded = _modules_after(
        "from dyadwatch.api import code_text\n"
        "code_text('The envoy of Brastova praised the mayor of Kelp.')"
    )
    assert "dyadwatch.coding.coder" in loaded
    assert "dyadwatch.verifier" not in loaded
    assert "dyadwatch.evaluation" not in loaded
