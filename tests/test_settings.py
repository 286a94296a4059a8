"""Settings are layered: defaults, file, environment, explicit overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.errors import ConfigError
from dyadwatch.settings import Settings, load_settings


def test_settings_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DYADWATCH_CONFIG", raising=False)
    monkeypatch.delenv("DYADWATCH_WORKERS", raising=False)
    assert load_settings() == Settings()


def test_settings_layers_override_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "dw.toml"
    config.write_text("[dyadwatch]\nworkers = 4\nbatch_size = 8\nprefilter = false\n")
    monkeypatch.setenv("DYADWATCH_BATCH_SIZE", "16")
    settings = load_settings(config, workers=2)
    assert (settings.workers, settings.batch_size, settings.prefilter) == (2, 16, False)


@pytest.mark.parametrize(
    ("text", "message"),
    [("colour = 1\n", "unknown setting 'colour'"), ("workers = 'many'\n", "setting 'workers'")],
)
def test_settings_bad_file_names_the_setting(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "dw.toml"
    config.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_settings(config)


def test_settings_bad_env_bool_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYADWATCH_PREFILTER", "perhaps")
    with pytest.raises(ConfigError, match="prefilter"):
        load_settings()


def test_settings_are_frozen() -> None:
    with pytest.raises(AttributeError):
        Settings().workers = 3  # type: ignore[misc]
