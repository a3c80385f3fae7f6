"""Shared fixtures: the package's own pytest plugin provides
``rosterkit_emulator`` (one embedded emulator per session, reset before each
test); ``emu`` is its short name here."""

from __future__ import annotations

import pytest

from rosterkit.testing import Emulator


@pytest.fixture
def emu(rosterkit_emulator: Emulator) -> Emulator:
    """The emulator, reset to its sample data, faults and log cleared."""
    return rosterkit_emulator
