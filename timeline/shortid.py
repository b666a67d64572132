"""Short IDs: the shortest unique start of each UID, at least six characters long.

``list``, ``show`` and the browser print them; ``edit``, ``hide``, ``confirm`` and ``undo``
accept them (via :func:`resolve`), and refuse a start that several UIDs share.
"""

from __future__ import annotations

from collections.abc import Iterable

from timeline.errors import InputError

#: Shorter starts collide too easily to be typed safely, even in a small store.
MIN_LENGTH = 6


def short_ids(uids: Iterable[str]) -> dict[str, str]:
    """Each UID's shortest start that no other UID shares (never under :data:`MIN_LENGTH`)."""
    ordered = sorted(set(uids))
    shared = [0] * len(ordered)
    for index in range(1, len(ordered)):
        common = _common_prefix(ordered[index - 1], ordered[index])
        shared[index - 1] = max(shared[index - 1], common)
        shared[index] = common
    return {uid: uid[: max(MIN_LENGTH, length + 1)] for uid, length in zip(ordered, shared,
                                                                           strict=True)}


class ShortIdIndex:
    """Short IDs looked up one at a time, for a view that shows one event's (the browser).

    UIDs are grouped by their first :data:`MIN_LENGTH` characters, which is one pass and no
    sort over 100k uids; a look-up compares a uid with the few that share its group.
    """

    __slots__ = ("_groups",)

    def __init__(self, uids: Iterable[str]) -> None:
        groups: dict[str, list[str]] = {}
        for uid in uids:
            groups.setdefault(uid[:MIN_LENGTH], []).append(uid)
        self._groups = groups

    def of(self, uid: str) -> str:
        """The short ID of ``uid`` among the indexed uids (the uid itself if not indexed)."""
        group = self._groups.get(uid[:MIN_LENGTH], ())
        if uid not in group:
            return uid
        shared = max((_common_prefix(uid, other) for other in group if other != uid),
                     default=0)
        return uid[: max(MIN_LENGTH, shared + 1)]


def resolve(text: str, uids: Iterable[str], *, where: str = "UID") -> str:
    """The one UID that ``text`` is, or starts; an unknown, short or shared start is refused."""
    candidates = [uid for uid in uids if uid.startswith(text)]
    if text in candidates:
        return text
    if not text or not candidates:
        raise InputError(where, f"no event with uid {text!r}")
    if len(text) < MIN_LENGTH:
        raise InputError(where, f"{text!r} is too short: give at least {MIN_LENGTH} characters "
                                "of the uid")
    if len(candidates) > 1:
        shown = ", ".join(sorted(short_ids(candidates).values())[:5])
        raise InputError(where, f"{text!r} is ambiguous: it starts {len(candidates)} uids "
                                f"({shown}); give more of it")
    return candidates[0]


def _common_prefix(left: str, right: str) -> int:
    length = 0
    for a, b in zip(left, right, strict=False):
        if a != b:
            break
        length += 1
    return length
