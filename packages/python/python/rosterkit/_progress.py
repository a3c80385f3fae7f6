"""Optional tqdm progress bars (``pip install 'rosterkit[notebook]'``)."""

from __future__ import annotations

from types import TracebackType
from typing import Any


class Progress:
    """A tqdm bar when ``enabled``, otherwise nothing; use as a context manager.

    tqdm is imported only when a bar is asked for, so it stays optional.
    """

    def __init__(
        self, enabled: bool, *, desc: str, total: int | None = None, unit: str = "it"
    ) -> None:
        self._bar: Any = None
        if enabled:
            try:
                from tqdm.auto import tqdm
            except ImportError as e:
                raise ImportError(
                    "progress=True needs tqdm: pip install 'rosterkit[notebook]'"
                ) from e
            self._bar = tqdm(total=total, desc=desc, unit=unit)

    def update(self, n: int) -> None:
        """Advances the bar by ``n``."""
        if self._bar is not None:
            self._bar.update(n)

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.close()
