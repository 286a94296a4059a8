"""Bad input of every kind through the real ``code`` and ``ingest`` commands (issue 11).

Each case writes its inputs (all text written for this test), runs both commands in-process
with a deterministic fake coder, and checks: no crash or traceback (exit 0 or 3), every reject
has a reason and a known code, every good record is kept, and, where a case is about size,
that memory stays bounded (``tracemalloc`` peak). Every case also runs under an alarm, so an
input that blocks (a FIFO) fails the test instead of hanging it.
"""

from __future__ import annotations

import codecs
import gzip
import importlib.util
import json
import os
import pathlib
import re
import signal
import subprocess
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from typer.testing import CliRunner

import dyadwatch.store as ds
from dyadwatch import registry
from dyadwatch.cli.app import app
from dyadwatch.errors import RejectCode

FAKE_CODER = Path(__file__).parents[1] / "store" / "fake_coder.py"
CODER_NAME = "dyadwatch_tests.matrix_fake_coder.v1"
GOOD = "CHNMIL attacked JPN on 2024-03-05 near Senkaku. Officials described the encounter."
OTHER = "USAGOV met JPNGOV on 2024-03-04 in Tokyo. The talks covered shipping and trade."
KNOWN_CODES = {code.value for code in RejectCode}
ALARM_SECONDS = 240
runner = CliRunner()


@dataclass
class Case:
    """Inputs to give, and what must come out of them."""

    inputs: list[str]
    kept: set[str] = field(default_factory=set)  # document ids that must be accepted
    codes: set[str] = field(default_factory=set)  # reject codes that must appear
    reason: str = ""  # a pattern some reject's reason must match
    max_peak_mb: float | None = None  # bound on the traced memory peak above a small input's


Builder = Callable[[Path, pytest.MonkeyPatch], Case]
CASES: dict[str, Builder] = {}
SLOW_CASES: set[str] = set()


def case(name: str, *, slow: bool = False) -> Callable[[Builder], Builder]:
    def register(builder: Builder) -> Builder:
        CASES[name] = builder
        if slow:
            SLOW_CASES.add(name)
        return builder

    return register


def _write(path: Path, data: str | bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path.as_posix()


def _jsonl(path: Path, *lines: str | dict[str, Any]) -> str:
    rows = [line if isinstance(line, str) else json.dumps(line) for line in lines]
    return _write(path, "\n".join(rows) + "\n")


# -- the cases ---------------------------------------------------------------------------------


@case("binary")
def _binary(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    bad = _write(tmp / "scan.txt", b"%PDF-1.7\n" + bytes(range(256)) * 40)
    good = _write(tmp / "good.txt", GOOD)
    return Case([bad, good], kept={good}, codes={"binary"}, reason="PDF")


@case("invalid-utf8")
def _invalid_utf8(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    bad = _write(tmp / "latin.txt", "Caf\u00e9 owners protested.".encode("latin-1"))
    good = _write(tmp / "good.txt", GOOD)
    return Case([bad, good], kept={good}, codes={"undecodable"}, reason=r"0xe9 at offset 3")


@case("utf16-with-bom")
def _utf16_bom(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    good = _write(tmp / "wide.txt", codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"))
    return Case([good], kept={good})


@case("utf16-without-bom")
def _utf16_no_bom(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    bad = _write(tmp / "wide.txt", GOOD.encode("utf-16-le"))
    good = _write(tmp / "good.txt", OTHER)
    return Case([bad, good], kept={good}, codes={"binary"}, reason="NUL")


@case("empty")
def _empty(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    bad = _write(tmp / "empty.txt", b"")
    good = _write(tmp / "good.txt", GOOD)
    return Case([bad, good], kept={good}, codes={"empty"})


@case("whitespace-only")
def _whitespace(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    bad = _write(tmp / "blank.md", " \n\t\r\n   \n")
    good = _write(tmp / "good.txt", GOOD)
    return Case([bad, good], kept={good}, codes={"empty"})


@case("50-mb-file")
def _fifty_mb(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    path = tmp / "huge.txt"
    block = (OTHER + "\n") * 1000
    with path.open("w", encoding="utf-8") as out:
        while out.tell() < 50 * 1024 * 1024:
            out.write(block)
    good = _write(tmp / "good.txt", GOOD)
    return Case(
        [path.as_posix(), good], kept={good}, codes={"too_large"}, reason="limit", max_peak_mb=8
    )


@case("5-mb-line")
def _five_mb_line(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    sentence = "Delegates from many provinces gathered and talked at length about harvests. "
    line = GOOD + " " + sentence * (5 * 1024 * 1024 // len(sentence))
    good = _write(tmp / "one-line.txt", line)
    return Case([good], kept={good}, max_peak_mb=150)


@case("broken-html")
def _broken_html(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    good = _write(
        tmp / "broken.html",
        f"<html><head><title>Unclosed<body><div><p>{GOOD}<p>{OTHER}<div><span>",
    )
    return Case([good], kept={good})


@case("script-only-html")
def _script_html(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    bad = _write(
        tmp / "app.html",
        "<html><head><script>var story = 'CHNMIL attacked JPN';</script></head>"
        "<body><script>render(story)</script><noscript></noscript></body></html>",
    )
    good = _write(tmp / "good.txt", GOOD)
    return Case([bad, good], kept={good}, codes={"empty"})


@case("mixed-bad-jsonl")
def _mixed_jsonl(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    path = _jsonl(
        tmp / "mixed.jsonl",
        {"id": "good-1", "text": GOOD},
        "{not json at all",
        '"just a string"',
        "[1, 2, 3]",
        {"id": "no-text"},
        "",
        '{"id": "ctrl", "text": "bad \x01 control"}',
        {"id": "good-2", "text": OTHER},
    )
    return Case(
        [path],
        kept={"good-1", "good-2"},
        codes={"malformed_json", "bad_record"},
        reason="got a string",
    )


@case("wrong-types-and-impossible-dates")
def _wrong_types(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    path = _jsonl(
        tmp / "types.jsonl",
        {"id": "feb-30", "text": GOOD, "date": "2024-02-30"},
        {"id": "numeric-date", "text": GOOD, "date": 20240305},
        {"id": "title-number", "text": GOOD, "title": 5},
        {"id": True, "text": GOOD},
        {"id": "text-list", "text": ["a", "b"]},
        {"id": "far-future", "text": GOOD, "date": "9999-12-31"},
        {"id": "year-one", "text": GOOD, "date": "0001-01-01"},
        {"id": "fine", "text": OTHER, "date": "2024-03-04"},
    )
    return Case(
        [path],
        kept={"fine"},
        codes={"bad_date", "bad_record", "implausible_date"},
        reason="implausible",
    )


@case("duplicate-ids")
def _duplicates(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    path = _jsonl(
        tmp / "dups.jsonl",
        {"id": "same", "text": GOOD},
        {"id": "same", "text": OTHER},
        {"id": "other", "text": OTHER},
    )
    return Case([path], kept={"same", "other"}, codes={"duplicate_id"}, reason="already used")


@case("broken-feeds")
def _broken_feeds(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    cut = _write(tmp / "cut.rss", "<rss version='2.0'><channel><item><title>Half")
    items = _write(
        tmp / "items.rss",
        "<rss version='2.0'><channel><title>Wire</title>"
        f"<item><guid>ok</guid><description>{GOOD}</description></item>"
        "<item><guid>no-body</guid><title>Only a title</title></item>"
        "<item><guid>bad-date</guid><pubDate>Someday</pubDate>"
        f"<description>{OTHER}</description></item>"
        "</channel></rss>",
    )
    return Case([cut, items], kept={"ok"}, codes={"bad_record", "empty", "bad_date"})


@case("xml-bomb")
def _xml_bomb(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    levels = ['<!ENTITY l0 "laugh laugh laugh laugh laugh laugh laugh laugh">']
    levels += [f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10)]
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n'
        + "\n".join(levels)
        + "\n]>\n<rss version='2.0'><channel><item><description>&l9;</description></item>"
        "</channel></rss>"
    )
    bad = _write(tmp / "bomb.rss", bomb)
    good = _write(tmp / "good.txt", GOOD)
    return Case([bad, good], kept={good}, codes={"bad_record"}, reason="ENTITY", max_peak_mb=8)


@case("zip")
def _zip(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    import zipfile

    archive = tmp / "stories.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("inside.txt", GOOD)
    renamed = _write(tmp / "stories-zip.txt", archive.read_bytes())
    good = _write(tmp / "good.txt", OTHER)
    return Case([archive.as_posix(), renamed, good], kept={good}, codes={"binary"}, reason="ZIP")


@case("symlink-loop")
def _symlink_loop(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    folder = tmp / "folder"
    _write(folder / "good.txt", GOOD)
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..", target_is_directory=True)
    direct = tmp / "self.txt"
    direct.symlink_to("self.txt")
    return Case(
        [folder.as_posix(), direct.as_posix()],
        kept={f"{folder.as_posix()}/good.txt"},
        codes={"unreadable"},
        reason="symbolic link",
    )


@case("unreadable")
def _unreadable(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Case:
    # tests run as root, where chmod 000 still reads: refuse the open the way the OS would
    locked = _write(tmp / "locked.txt", GOOD)
    real_open = pathlib.Path.open

    def deny(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", deny)
    folder = tmp / "folder"
    _write(folder / "good.txt", OTHER)
    (folder / "gone.txt").symlink_to(tmp / "deleted.txt")  # a dangling entry
    return Case(
        [locked, folder.as_posix()],
        kept={f"{folder.as_posix()}/good.txt"},
        codes={"unreadable", "not_found"},
        reason="Permission denied",
    )


@case("nul-and-control-characters")
def _nul_and_controls(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    nul = _write(tmp / "nul.txt", GOOD.encode() + b"\x00" + OTHER.encode())
    noisy = _write(tmp / "noisy.txt", "\x07" + GOOD + "\x01" + "\x1b[0m")
    records = _jsonl(
        tmp / "nul.jsonl",
        {"id": "json-nul", "text": "CHNMIL attacked\u0000 JPN on 2024-03-05."},
        {"id": "json-ok", "text": OTHER},
    )
    return Case(
        [nul, noisy, records],
        kept={noisy, "json-ok"},
        codes={"binary", "bad_record"},
        reason=r"NUL character \(\\u0000\) at character 15",
    )


@case("huge-tokens")
def _huge_tokens(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    good = _write(tmp / "tokens.txt", GOOD + " " + "x" * 1_000_000 + " " + "!?" * 100_000)
    return Case([good], kept={good}, max_peak_mb=60)


@case("rtl-cjk-emoji")
def _scripts(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    text = (
        "\u0627\u0644\u0648\u0641\u062f \u0648\u0635\u0644 \u0625\u0644\u0649 \u0627\u0644"
        "\u0639\u0627\u0635\u0645\u0629.\n\u4ee3\u8868\u56e2\u4eca\u5929\u62b5\u8fbe\u3002\n"
        + "\U0001f30d\U0001f91d\U0001f3f3\ufe0f" * 50
        + "\n\u05d4\u05de\u05e9\u05dc\u05d7\u05ea \u05d4\u05d2\u05d9\u05e2\u05d4.\n"
        + GOOD
    )
    good = _write(tmp / "scripts.txt", text)
    return Case([good], kept={good})


@case("10000-tiny-files", slow=True)
def _many_files(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    folder = tmp / "many"
    for n in range(10_000):
        text = GOOD if n % 1000 == 999 else f"Short note number {n}."
        _write(folder / f"{n // 1000:02}" / f"note-{n:05}.txt", text)
    label = folder.as_posix()
    return Case([label], kept={f"{label}/{n:02}/note-0{n}999.txt" for n in range(10)})


@case("fifo-in-directory")
def _fifo(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    folder = tmp / "folder"
    _write(folder / "good.txt", GOOD)
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "pipe")
    return Case(
        [folder.as_posix()],
        kept={f"{folder.as_posix()}/good.txt"},
        codes={"unreadable"},
        reason="FIFO",
    )


@case("non-feed-xml")
def _non_feed_xml(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    bad = _write(
        tmp / "config.xml", f"<?xml version='1.0'?><settings><note>{GOOD}</note></settings>"
    )
    good = _write(tmp / "good.txt", OTHER)
    return Case([bad, good], kept={good}, codes={"bad_record"}, reason="not an RSS or Atom")


@case("json-integer-over-4300-digits")
def _long_integer(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    path = _jsonl(
        tmp / "numbers.jsonl",
        '{"id": "big", "text": "x", "count": ' + "7" * 5000 + "}",
        {"id": "after", "text": GOOD},
    )
    return Case([path], kept={"after"}, codes={"malformed_json"}, reason="4,300 digits")


@case("lone-surrogate-escape")
def _surrogate(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    path = _jsonl(
        tmp / "surrogate.jsonl",
        '{"id": "half", "text": "CHNMIL attacked \\ud800 JPN."}',
        '{"id": "title-half", "text": "Fine text.", "title": "\\udfff"}',
        {"id": "after", "text": GOOD},
    )
    return Case([path], kept={"after"}, codes={"undecodable"}, reason="surrogate")


@case("directory-1100-levels-deep")
def _deep(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    root = tmp / "deep"
    folder = root
    for _ in range(1100):  # one level at a time: os.makedirs recurses
        folder = folder / "d"
        folder.mkdir(parents=folder.parent == root)
    (folder / "bottom.txt").write_text(GOOD, encoding="utf-8")
    _write(root / "top.txt", OTHER)
    label = root.as_posix()
    return Case([label], kept={f"{label}/top.txt", f"{label}/{'d/' * 1100}bottom.txt"})


@case("corrupt-gz")
def _corrupt_gz(tmp: Path, _: pytest.MonkeyPatch) -> Case:
    rows = "".join(
        json.dumps({"id": f"r{n}", "text": f"{GOOD} Row {n}."}) + "\n" for n in range(400)
    )
    data = gzip.compress(rows.encode())
    path = _write(tmp / "cut.jsonl.gz", data[: len(data) // 2])
    return Case(
        [path], kept={"r0", "r1"}, codes={"unreadable"}, reason=r"after line [\d,]+ \(byte [\d,]+"
    )


# -- running them ------------------------------------------------------------------------------


def _load_fake_coder() -> Any:
    spec = importlib.util.spec_from_file_location("matrix_fake_coder", FAKE_CODER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module", autouse=True)
def fake_coder_registered() -> Iterator[None]:
    fake = _load_fake_coder()
    registry.coders.register(CODER_NAME)(lambda settings: fake.FakeCoder())
    yield
    registry.coders.unregister(CODER_NAME)


@pytest.fixture(autouse=True)
def settings_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYADWATCH_CODER", CODER_NAME)
    monkeypatch.setenv("DYADWATCH_WORKERS", "1")
    monkeypatch.setenv("CI", "true")  # no progress line in the captured output


@pytest.fixture(autouse=True)
def alarm() -> Iterator[None]:
    """Turn a blocked read (a FIFO opened for reading) into a failure, not a hung run."""

    def expired(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"the command did not finish within {ALARM_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(ALARM_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture(autouse=True)
def remove_deep_tree(tmp_path: Path) -> Iterator[None]:
    """Remove a very deep tree, pass or fail: Python 3.11's shutil.rmtree (which pytest uses
    to clear old temporary directories) recurses and would fail on it."""
    yield
    deep = tmp_path / "deep"
    if deep.exists():
        subprocess.run(["rm", "-rf", str(deep)], check=True)


def _invoke(args: list[str], bound_mb: float | None, tmp: Path) -> Any:
    """Run the command; with a bound, also return its peak traced memory above that of the same
    command on one small file (modules, caches and the store's fixed costs are not the input's)."""
    if bound_mb is None:
        return runner.invoke(app, args), None
    small = _write(tmp / "baseline" / "small.txt", OTHER)
    target = "--output" if "--output" in args else "--db"
    baseline_args = [args[0], small, target, str(tmp / "baseline" / "out")]
    runner.invoke(app, baseline_args)  # loads modules and caches
    peaks = []
    for command in ([*baseline_args[:-1], str(tmp / "baseline" / "out2")], args):
        tracemalloc.start()
        try:
            result = runner.invoke(app, command)
            peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
        finally:
            tracemalloc.stop()
    return result, peaks[1] - peaks[0]


def _check_run(result: Any, peak: float | None, spec: Case) -> None:
    assert result.exit_code in (0, 3), (result.exit_code, result.output[-2000:])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    if spec.max_peak_mb is not None:
        assert peak is not None and peak < spec.max_peak_mb, f"{peak:.0f} MB above baseline"


def _check_rejects(rejects: list[tuple[str, str, str]], spec: Case) -> None:
    for origin, code, reason in rejects:
        assert code in KNOWN_CODES, (origin, code)
        assert reason.strip(), (origin, code)
    assert spec.codes <= {code for _, code, _ in rejects}, rejects
    if spec.reason:
        assert any(re.search(spec.reason, reason) for _, _, reason in rejects), rejects


def _params() -> list[Any]:
    return [
        pytest.param(name, marks=pytest.mark.slow) if name in SLOW_CASES else name for name in CASES
    ]


@pytest.mark.parametrize("name", _params())
def test_bad_input_through_code(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = CASES[name](tmp_path, monkeypatch)
    out = tmp_path / "events.jsonl"
    result, peak = _invoke(["code", *spec.inputs, "--output", str(out)], spec.max_peak_mb, tmp_path)
    _check_run(result, peak, spec)
    rejects = [
        tuple(match.groups())
        for match in re.finditer(r"^rejected (.+?): ([a-z_]+): (.*)$", result.stderr, re.M)
    ]
    _check_rejects(rejects, spec)  # type: ignore[arg-type]
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    coded = {event["doc_id"] for event in events}
    summary = re.search(r"^(\d+) document\(s\)", result.stderr, re.M)
    assert summary is not None
    assert int(summary.group(1)) >= len(spec.kept)
    # every good document holds a sentence of the fake coder's language: each gave events
    assert spec.kept <= coded, sorted(spec.kept - coded)[:5]


@pytest.mark.parametrize("name", _params())
def test_bad_input_through_ingest(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = CASES[name](tmp_path, monkeypatch)
    db = tmp_path / "store.duckdb"
    result, peak = _invoke(["ingest", *spec.inputs, "--db", str(db)], spec.max_peak_mb, tmp_path)
    _check_run(result, peak, spec)
    monkeypatch.undo()  # the store file itself must open normally
    with ds.open(db, read_only=True) as store:
        rejects = [tuple(r) for r in store.rejects()[["origin", "code", "reason"]].values]
        stored = set(store.documents()["id"])
        runs = store.runs()
    _check_rejects(rejects, spec)  # type: ignore[arg-type]
    assert spec.kept <= stored, sorted(spec.kept - stored)[:5]
    assert list(runs["status"]) == ["rejected" if rejects else "ok"]
