"""Event identity comes from content: editing other sentences moves no UID and no correction
(the real parser, a real SQLite store)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from timeline.document import Document
from timeline.event import Event, Source
from timeline.extract import extract_document
from timeline.identity import content_uids
from timeline.readers import ReadOptions
from timeline.store import MIGRATIONS, Store
from timeline.store_ingest import ingest

DCT = datetime(2025, 2, 4, tzinfo=UTC)
OPTIONS = ReadOptions(dct=DCT)
COUNCIL = "The city council will meet on March 3 in York."
VOTE = "A budget vote is set for March 10 at the guildhall."
BRIDGE = "The new bridge opens on April 2 in Leeds."
INSPECTION = "Engineers will inspect the bridge on April 9."
OTHERS = ("Residents protested outside the hall on Monday.", "The mayor said the plan was sound.",
          "Shops in the centre were closed for the day.")


def write(path: Path, sentences: list[str]) -> None:
    path.write_text("\n\n".join(sentences) + "\n")


def by_sentence(store: Store) -> dict[str, Event]:
    """The stored events, each under the sentence it was read from."""
    return {e.source.evidence: e for e in store.timeline()}


def test_editing_other_sentences_moves_no_uid_and_no_correction(tmp_path: Path) -> None:
    article = tmp_path / "news.txt"
    write(article, [COUNCIL, OTHERS[0], VOTE, OTHERS[1], BRIDGE, INSPECTION])
    with Store.open(tmp_path / "store.db") as store:
        ingest(store, [str(article)], OPTIONS, workers=1)
        before = by_sentence(store)
        assert set(before) == {COUNCIL, VOTE, BRIDGE, INSPECTION, OTHERS[0]}
        store.edit(before[VOTE].uid, location="Guildhall, York")
        store.hide(before[INSPECTION].uid)
        uids = {sentence: event.uid for sentence, event in before.items()}
        for variant in (
            [OTHERS[2], COUNCIL, OTHERS[0], VOTE, OTHERS[1], BRIDGE, INSPECTION],  # insert
            [COUNCIL, VOTE, BRIDGE, INSPECTION],  # delete the unrelated sentences
            [BRIDGE, INSPECTION, OTHERS[1], VOTE, COUNCIL],  # reorder paragraphs
            [INSPECTION, VOTE, OTHERS[2], BRIDGE, COUNCIL, OTHERS[0]],  # all at once
        ):
            write(article, variant)
            report = ingest(store, [str(article)], OPTIONS, workers=1)
            assert report.orphaned == ()
            after = {e.source.evidence: e for e in store.timeline(include_hidden=True)}
            for sentence in (COUNCIL, VOTE, BRIDGE, INSPECTION):
                assert after[sentence].uid == uids[sentence], (variant, sentence)
            assert after[VOTE].location == "Guildhall, York"
            assert INSPECTION not in by_sentence(store)  # still hidden
            assert all(e.location != "Guildhall, York" for s, e in after.items() if s != VOTE)


def test_a_correction_whose_event_is_gone_is_kept_reported_and_listed(tmp_path: Path) -> None:
    article = tmp_path / "news.txt"
    write(article, [COUNCIL, BRIDGE])
    db = tmp_path / "store.db"
    with Store.open(db) as store:
        ingest(store, [str(article)], OPTIONS, workers=1)
        bridge = by_sentence(store)[BRIDGE].uid
        store.edit(bridge, title="Bridge opening")
        write(article, [COUNCIL])
        report = ingest(store, [str(article)], OPTIONS, workers=1)
        assert report.orphaned == (bridge,)
        assert [e.title for e in store.timeline()] == ["City council meets in York"]
    listed = subprocess.run([sys.executable, "-m", "timeline.cli", "corrections", "--db", str(db)],
                            capture_output=True, text=True, check=True, timeout=120)
    assert listed.stdout == f"{bridge}  orphaned  title='Bridge opening'\n"
    with Store.open(db) as store:  # the sentence comes back: so does the correction
        write(article, [COUNCIL, BRIDGE])
        assert ingest(store, [str(article)], OPTIONS, workers=1).orphaned == ()
        assert by_sentence(store)[BRIDGE].title == "Bridge opening"


def test_a_store_of_positional_uids_keeps_them_as_the_served_uids(tmp_path: Path) -> None:
    """A store written when UIDs followed positions: after migrating, a re-parse gives
    content UIDs, which become aliases of the stored ones (no duplicate for subscribers)."""
    article = tmp_path / "news.txt"
    write(article, [COUNCIL, OTHERS[1], BRIDGE])
    db = tmp_path / "store.db"

    def positional(document: Document) -> list[Event]:
        return [replace(e, uid=f"position-{i}@old") for i, e in
                enumerate(extract_document(document))]

    with Store.open(db, migrations=MIGRATIONS[:3]) as old:
        assert old.schema_version == 3
    with Store.open(db) as store:
        assert store.schema_version == len(MIGRATIONS)
        # what the older version stored (the migration leaves the rows as they are)
        ingest(store, [str(article)], OPTIONS, workers=1, parse=positional)
        store.edit("position-1@old", location="Leeds Bridge")
        write(article, [OTHERS[0], COUNCIL, BRIDGE])  # shifts every position
        report = ingest(store, [str(article)], OPTIONS, workers=1)
        events = by_sentence(store)
        assert events[COUNCIL].uid == "position-0@old"
        assert events[BRIDGE].uid == "position-1@old"
        assert events[BRIDGE].location == "Leeds Bridge"
        assert (report.added, report.removed) == (1, 0)  # only the new sentence's event
        fresh = {e.source.evidence: e.uid for e in extract_document(Document(
            id=str(article), text=article.read_text(), dct=DCT))}
        assert store.resolve_uid(fresh[BRIDGE]) == "position-1@old"


def test_colliding_events_get_a_suffix_that_does_not_follow_their_order() -> None:
    document = Document(id="list.txt", text="x", dct=DCT)

    def event(evidence: str) -> Event:
        return Event(uid="draft", title="Match", start=DCT.date(), end=None, granularity="day",
                     kind="scheduled", sources=(Source(document="list.txt", evidence=evidence,
                                                       trigger="on Feb. 4"),))

    first, second = event("Match on Feb. 4 at home."), event("Match on Feb. 4 away.")
    forward = {e.source.evidence: e.uid for e in content_uids(document, [first, second])}
    backward = {e.source.evidence: e.uid for e in content_uids(document, [second, first])}
    assert forward == backward
    assert len(set(forward.values())) == 2
