"""The `timeline` command as a user runs it: a real subprocess, exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline import __version__

CONTRACT_KEYS = {
    "uid", "source", "title", "start", "end", "granularity", "tz", "location", "kind",
    "confidence", "evidence", "trigger",
}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "timeline.cli", *args],
        capture_output=True, text=True, input=stdin, timeout=120, check=False,
    )


def test_extract_json_follows_the_contract(seed: Path) -> None:
    result = run("extract", "--json", str(seed.parent))
    assert result.returncode == 0, result.stderr
    events = json.loads(result.stdout)["events"]
    assert events
    for event in events:
        assert event.keys() >= CONTRACT_KEYS
        assert event["source"] == str(seed)
        assert event["evidence"] in seed.read_text(encoding="utf-8")
        assert event["kind"] in ("scheduled", "past")
        assert event["granularity"] in ("year", "month", "week", "day", "time")


def test_list_prints_a_plain_agenda_when_piped(seed: Path) -> None:
    result = run("list", str(seed))
    assert result.returncode == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert "2025-02-19" in result.stdout
    assert "000_korea_delegation.txt" in result.stdout


def test_list_forced_colour_uses_ansi(seed: Path) -> None:
    assert "\x1b[" in run("list", "--color", str(seed)).stdout


def test_plain_text_from_stdin_with_dct() -> None:
    result = run("extract", "--json", "--dct", "2025-02-04", "-",
                 stdin="The museum will reopen on March 3, 2025, after repairs.\n")
    assert result.returncode == 0, result.stderr
    events = json.loads(result.stdout)["events"]
    assert [e["start"] for e in events] == ["2025-03-03"]
    assert events[0]["source"] == "<stdin>"


@pytest.mark.parametrize(
    ("arg", "message"),
    [
        ("/etc/passwd", "/etc/passwd:1: not an article"),
        ("tests/data/binary.txt", "tests/data/binary.txt: binary file, not text"),
        ("tests/data/empty.txt", "tests/data/empty.txt: empty file"),
        ("tests/data/plain_no_header.txt", "plain_no_header.txt:1: not an article"),
        ("tests/data/invalid_utf8.txt", "invalid_utf8.txt:3: invalid UTF-8"),
        ("does/not/exist.txt", "does/not/exist.txt: no such file or directory"),
        ("tests/data/empty_folder", "no articles in this folder"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(arg: str, message: str) -> None:
    result = run("extract", "--json", arg)
    assert result.returncode == 1
    assert result.stderr.strip() == f"timeline: {message}" or (
        message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    )
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_good_files_are_still_read_after_a_bad_one(seed: Path) -> None:
    result = run("extract", "--json", "tests/data/empty.txt", str(seed))
    assert result.returncode == 1
    assert "empty file" in result.stderr
    assert json.loads(result.stdout)["events"]


def test_strict_stops_at_the_first_bad_file(seed: Path) -> None:
    result = run("extract", "--json", "--strict", "tests/data/empty.txt", str(seed))
    assert result.returncode == 1
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dct", "soon", "-"], "--dct: not a date 'soon'"),
        (["--source-tz", "Mars/Base", "seeds"], "unknown time zone 'Mars/Base'"),
        (["-q", "after:someday", "seeds"], "bad date 'someday'"),
    ],
)
def test_bad_options_are_one_line(args: list[str], message: str) -> None:
    result = run("extract", "--json", *args, stdin="")
    assert result.returncode == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_query_filters_the_output(seed: Path) -> None:
    result = run("extract", "--json", "-q", "kind:past", str(seed))
    assert all(e["kind"] == "past" for e in json.loads(result.stdout)["events"])


def test_timex_command_adds_timexes(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "dct": "2025-02-04", "text": "It opens on Feb. 19."})
                      + "\n", encoding="utf-8")
    result = run("timex", str(source))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["id"] == "a"
    assert {"start": 12, "end": 19, "text": "Feb. 19", "type": "DATE",
            "value": "2025-02-19"}.items() <= record["timexes"][0].items()


def test_timex_command_reports_bad_lines_and_goes_on(tmp_path: Path) -> None:
    source = tmp_path / "bad.jsonl"
    good = {"id": "b", "dct": "2025-02-04", "text": "It opens on Feb. 19."}
    source.write_text('{"id": "a"}\n' + "not json\n" + json.dumps(good) + "\n",
                      encoding="utf-8")
    result = run("timex", str(source))
    assert result.returncode == 1
    assert "bad.jsonl:1: not a {id, dct, text} object" in result.stderr
    assert "bad.jsonl:2: not a JSON object" in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], len(r["timexes"])) for r in lines] == [("a", 0), ("b", 1)]


def test_version_and_help() -> None:
    assert __version__ in run("--version").stdout
    for command in ("extract", "list", "timex"):
        assert "Example:" in run(command, "--help").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["browse", "does/not/exist"], "does/not/exist: no such file or directory"),
        (["browse", "seeds"], "browse needs an interactive terminal"),
        (["browse"], "give articles to browse"),
    ],
)
def test_browse_without_a_terminal_or_with_bad_paths_is_one_line(args: list[str],
                                                                 message: str) -> None:
    result = run(*args, stdin="")
    assert result.returncode == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


_TERMINAL_CONTROLS = {chr(c) for c in (*range(9), *range(11, 32), 127, *range(128, 160))}


def test_json_output_holds_no_raw_control_character_yet_reads_back_the_same(
        tmp_path: Path) -> None:
    """C1 controls (the 8-bit CSI, NEL) and DEL are escaped in --json, as the terminal
    output strips them; json.loads still gives the article's text back."""
    sentence = "The \u009b31mcity fair\u0085 will open on March 3 in Leeds.\u007f"
    article = tmp_path / "fair.txt"
    article.write_text(f"Fair opens\nPublished: 04 Feb. 2025, 17:55\n{sentence}\n",
                       encoding="utf-8")
    for args in (("extract", "--json", str(article)), ("list", "--json", str(article))):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        assert not _TERMINAL_CONTROLS & set(result.stdout), args
        assert "\\u009b" in result.stdout
        evidence = [e["evidence"] for e in json.loads(result.stdout)["events"]]
        assert evidence == [sentence], args
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(json.dumps({"id": "a\u009b", "dct": "2025-02-04", "text": sentence}) + "\n",
                     encoding="utf-8")
    result = run("timex", str(jsonl))
    assert not _TERMINAL_CONTROLS & set(result.stdout)
    assert json.loads(result.stdout)["id"] == "a\u009b"
