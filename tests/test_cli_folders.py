"""Folders as people keep them: articles beside notes, Markdown and images."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from readers_shared import READERS

COMMAND = [sys.executable, "-m", "timeline.cli"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    news = tmp_path / "news"
    (news / "pages").mkdir(parents=True)
    shutil.copy(READERS / "harbour_fair.txt", news / "fair.txt")
    shutil.copy(READERS / "harbour_fair_opengraph.html", news / "pages" / "fair.html")
    shutil.copy(READERS / "solent_news.atom", news / "feed.xml")
    (news / "todo.md").write_text("# To do\n- ring the council\n- ask about the fair\n")
    (news / "notes.txt").write_text("fair: March 14-15\nbreakfast: March 13\n")
    (news / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\0\x10JFIF\0" + bytes(200))
    return news


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, check=False)


def test_non_articles_are_skipped_and_counted(folder: Path) -> None:
    result = _run("extract", "--json", str(folder))
    assert result.returncode == 0, result.stderr
    assert result.stderr == "timeline: 3 skipped: not an article\n"
    sources = {line.split('"')[3] for line in result.stdout.splitlines()
               if line.strip().startswith('"source"')}
    assert {Path(s.split("#")[0]).name for s in sources} == {"fair.txt", "fair.html", "feed.xml"}


def test_strict_fails_on_a_non_article(folder: Path) -> None:
    result = _run("list", "--strict", str(folder))
    assert result.returncode == 1
    assert result.stderr.startswith("timeline: ")
    assert "not an article" in result.stderr.splitlines()[0]


def test_ingest_counts_the_skipped_in_its_summary(folder: Path, tmp_path: Path) -> None:
    result = _run("ingest", "--db", str(tmp_path / "news.db"), str(folder))
    assert result.returncode == 0, result.stderr
    assert ("documents: 6 read, 4 new, 0 changed, 0 unchanged, 3 skipped: not an article"
            in result.stdout)
