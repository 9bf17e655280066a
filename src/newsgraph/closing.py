"""``Closing``: the context-manager half of every object that holds something to release."""

from __future__ import annotations

from types import TracebackType
from typing import Self


class Closing:
    """``with obj:`` returns ``obj`` and calls ``obj.close()`` on the way out, whatever
    happened inside (stores, the store client, executors)."""

    def close(self) -> None:
        return None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
