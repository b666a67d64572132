"""The options every command shares: -v, --config, NO_COLOR, completion, python -m, and the
one config loader that the feed, the TUI and the core read the same way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_feed import SEED, start_server, stop_server

from timeline.config import read_config
from timeline.errors import InputError
from timeline.feed import FeedSpec, feed_title
from tui.config import load_config


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True,
                          text=True, timeout=300, check=False, env={**os.environ, **env})


def test_python_m_timeline_is_the_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("Usage: timeline [OPTIONS] COMMAND [ARGS]...")
    for command in ("list", "calendar", "show", "completion"):
        assert f"  {command} " in result.stdout


def test_verbose_logs_to_stderr_only(seed: Path) -> None:
    quiet = run("extract", "--json", str(seed))
    loud = run("-vv", "extract", "--json", str(seed))
    assert loud.returncode == 0, loud.stderr
    assert quiet.stderr == ""
    assert loud.stdout == quiet.stdout
    assert f"timeline: {seed}: 4 events" in loud.stderr
    assert "timeline: parsed 1 documents: 4 events" in loud.stderr
    assert run("-v", "extract", str(seed)).stderr.count("timeline: ") == 1


def test_no_color_turns_colour_off_but_color_forces_it(seed: Path) -> None:
    assert "\x1b[" not in run("list", str(seed), NO_COLOR="1").stdout
    assert "\x1b[" in run("list", "--color", str(seed), NO_COLOR="1").stdout


@pytest.mark.parametrize(("shell", "marker"), [
    ("bash", "complete -o nosort -F _timeline_completion timeline"),
    ("zsh", "#compdef timeline"),
    ("fish", "complete --no-files --command timeline"),
])
def test_completion_scripts(shell: str, marker: str) -> None:
    result = run("completion", shell)
    assert result.returncode == 0, result.stderr
    assert marker in result.stdout
    # The script really completes: click answers the shell's request.
    answer = subprocess.run([sys.executable, "-m", "timeline"], capture_output=True, text=True,
                            timeout=60, check=False,
                            env={**os.environ, "_TIMELINE_COMPLETE": f"{shell}_complete",
                                 "COMP_WORDS": "timeline cal", "COMP_CWORD": "1"})
    if shell == "bash":
        assert "plain,calendar" in answer.stdout


# One config loader -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "message"), [
    ("[tui]\nasci = true\n", "[tui]: unknown key 'asci' (did you mean 'ascii'?)"),
    ("[tui.keys]\nnext-day = 3\n", "tui.keys.next-day must be a string, not 3"),
    ("[feeds.korea]\nqurey = 'x'\n", "[feeds.korea]: unknown key 'qurey' (did you mean 'query'?)"),
    ("[feed]\nurl = 'http://x'\nport = 1\n", "[feed]: unknown key 'port' (known: url)"),
    ("tuii = 1\n", "unknown key 'tuii' (did you mean 'tui'?)"),
    ("[tui]\nascii = 'yes'\n", "tui.ascii must be true or false, not 'yes'"),
])
def test_a_bad_key_is_refused_by_core_tui_and_feed_alike(tmp_path: Path, text: str,
                                                         message: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as core:
        read_config(config)
    assert str(core.value) == f"{config}: {message}"
    with pytest.raises(InputError) as tui:
        load_config(config)
    assert str(tui.value) == str(core.value)
    result = run("--config", str(config), "serve", "--db", str(tmp_path / "t.db"), str(SEED))
    assert result.returncode == 1
    assert result.stderr.strip() == f"timeline: {config}: {message}"


def test_global_config_reaches_the_browser_settings(tmp_path: Path) -> None:
    config = tmp_path / "mine.toml"
    config.write_text("[tui]\nascii = true\n[tui.keys]\nnext-day = 'ctrl+d'\n"
                      "[feed]\nurl = 'http://127.0.0.1:9/calendar.ics'\n", encoding="utf-8")
    settings = load_config(config)
    assert settings.ascii
    assert settings.keys == {"next-day": "ctrl+d"}
    assert settings.feed_url == "http://127.0.0.1:9/calendar.ics"
    bad = tmp_path / "bad.toml"
    bad.write_text("[tui]\nascci = true\n", encoding="utf-8")
    browse = run("--config", str(bad), "browse", str(SEED))
    assert browse.returncode == 1
    assert browse.stderr.strip() == (f"timeline: {bad}: [tui]: unknown key 'ascci' "
                                     "(did you mean 'ascii'?)")


# Feeds named after their query ---------------------------------------------------------------


def test_feed_titles_name_the_query_or_the_config_name() -> None:
    spec = FeedSpec(name="korea", query="korea", token=None, title=None, include_coarse=False)
    named = FeedSpec(name="k", query="korea", token=None, title="Korea trade",
                     include_coarse=False)
    assert feed_title("News timeline", None, "") == "News timeline"
    assert feed_title("News timeline", None, "kind:scheduled") == "News timeline: kind:scheduled"
    assert feed_title("News timeline", spec, "") == "News timeline: korea"
    assert feed_title("News timeline", named, "gala") == "Korea trade: gala"


def test_serve_json_says_where_and_query_feeds_carry_their_query(tmp_path: Path) -> None:
    running = start_server(tmp_path, [SEED], "--json")
    try:
        body = running.get("/calendar.ics", params={"q": "kind:scheduled"}).content
        assert b"X-WR-CALNAME:News timeline: kind:scheduled" in body
        line = next(text for text in running.log.read_text().splitlines()
                    if text.startswith("{"))
        payload = json.loads(line)
        assert payload["url"] == running.base + "/"
        assert payload["calendar"] == running.base + "/calendar.ics"
        assert payload["feeds"] == {}
        assert payload["events"] == 4
    finally:
        stop_server(running)
