"""Shared fixtures: paths to test data and the seed."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def data() -> Path:
    """The folder of small input files named by their shape."""
    return DATA


@pytest.fixture
def seed() -> Path:
    """The seed article shipped in ``seeds/``."""
    return ROOT / "seeds" / "000_korea_delegation.txt"
