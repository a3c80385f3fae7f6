"""Shared fixtures: one embedded emulator per test session, reset before
each test so every test starts from the same sample data."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rosterkit.testing import Emulator


@pytest.fixture(scope="session")
def _emulator_session() -> Iterator[Emulator]:
    with Emulator() as emu:
        yield emu


@pytest.fixture
def emu(_emulator_session: Emulator) -> Emulator:
    """The emulator, reset to its sample data, faults and log cleared."""
    _emulator_session.reset()
    return _emulator_session
