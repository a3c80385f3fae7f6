"""The pytest plugin: a ``rosterkit_emulator`` fixture for your own tests.

Installed with the package (entry point ``pytest11``), so nothing needs
importing::

    def test_sync(rosterkit_emulator):
        client = rosterkit_emulator.client("ssw")
        report = client.sync("grp_001", ["user@example.com"], mode="additive")
        assert report.ok

One embedded emulator of all five APIs serves the whole session on a free
127.0.0.1 port; the fixture resets it (sample data, faults, request log)
before each test that uses it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rosterkit.testing import Emulator

__all__ = ["rosterkit_emulator"]


@pytest.fixture(scope="session")
def _rosterkit_emulator_session() -> Iterator[Emulator]:
    with Emulator() as emu:
        yield emu


@pytest.fixture
def rosterkit_emulator(_rosterkit_emulator_session: Emulator) -> Emulator:
    """The emulator, reset to its sample data with faults and log cleared."""
    _rosterkit_emulator_session.reset()
    return _rosterkit_emulator_session
