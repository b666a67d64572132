"""The project's errors, one tree.

    TimelineError                 anything the tool reports to a user
     ├── InputError (ValueError)  a document or argument that cannot be read
     │    └── NotAnArticle          a file whose content is no article (a note, an image)
     ├── QueryError (ValueError)  a malformed query string
     └── StoreError               the SQLite store cannot be used

Every error renders as one line; the CLI prints that line and exits with code 1.
"""

from __future__ import annotations


class TimelineError(Exception):
    """Base of every error the tool reports to a user as one line."""


class InputError(TimelineError, ValueError):
    """A document or argument that cannot be read, with the file and line it comes from."""

    def __init__(self, source: str, problem: str, *, line: int | None = None,
                 detail: str | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        #: The traceback behind an unexpected failure, shown only under ``--debug``.
        self.detail = detail
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


class NotAnArticle(InputError):
    """A file that is not an article by its content: a folder walk skips and counts it."""


class QueryError(TimelineError, ValueError):
    """A query string that does not parse, quoting the offending token."""


class StoreError(TimelineError):
    """The store file cannot be opened, is foreign or corrupt, or a write failed."""
