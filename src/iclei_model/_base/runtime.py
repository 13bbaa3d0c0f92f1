"""Process-wide helpers: pausing the garbage collector while large graphs are built."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from contextvars import ContextVar
from types import TracebackType

__all__ = ["gc_paused", "pause_gc", "paused"]

_PAUSE: ContextVar[bool] = ContextVar("iclei_model_pause_gc", default=True)


class _Pause:
    """The collector's automatic passes, held off while any thread is in a pause.

    Records hold no reference cycles, so the collector has nothing to free while a
    file is read or a dataset checked; yet every 700 allocations it would start, and
    each of its passes over the older generations walks every record built so far.
    That was about two fifths of the time to load a large file, and more than half
    of the time to validate one just loaded.

    The pause sets the collector's first threshold to 0, which stops automatic
    collection, rather than calling ``gc.disable()``: so ``gc.disable()`` and
    ``gc.enable()`` stay the user's alone, whenever they are called. The first
    pause to begin keeps the thresholds, and the last to end puts them back, unless
    someone set others meanwhile, which then stay. ``gc.collect()`` works throughout.
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()  # a finalizer may load while the lock is held
        self._holders = 0
        self._kept: tuple[int, int, int] | None = None  # the thresholds to put back
        self._set: tuple[int, int, int] | None = None  # the ones the pause set

    def __enter__(self) -> None:
        with self._lock:
            if self._holders == 0:
                kept = gc.get_threshold()
                if kept[0] == 0:  # collection is off already: nothing to hold or put back
                    self._kept = self._set = None
                else:
                    self._kept, self._set = kept, (0, kept[1], kept[2])
                    gc.set_threshold(*self._set)
            self._holders += 1  # last: an interruption before it leaves nothing to undo

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        with self._lock:
            self._holders -= 1
            if self._holders == 0 and self._kept is not None:
                if gc.get_threshold() == self._set:  # not changed by anyone meanwhile
                    gc.set_threshold(*self._kept)
                self._kept = self._set = None


_PAUSED = _Pause()


def paused() -> bool:
    """Whether automatic collection is held off now (by a pause or by thresholds of 0)."""
    return gc.get_threshold()[0] == 0 or not gc.isenabled()


_UNPAUSED = nullcontext()


def gc_paused() -> AbstractContextManager[None]:
    """Hold off the collector's automatic passes while one document's objects are built.

    See `_Pause`; nothing happens where [`pause_gc`][iclei_model.pause_gc] turned pausing off.

    ```pycon
    >>> with gc_paused():
    ...     paused()
    True
    >>> paused()
    False

    ```
    """
    return _PAUSED if _PAUSE.get() else _UNPAUSED


@contextmanager
def pause_gc(enabled: bool) -> Iterator[None]:
    """Whether reading, writing and validating pause the garbage collector, in a block.

    They do by default: it makes large documents quicker to read and check (see
    the performance page). Within ``with pause_gc(False):`` they leave the collector
    alone, in this thread or task only; for a whole program, enter it once at the
    start. Where the collector is paused, ``gc.disable()``, ``gc.enable()`` and
    ``gc.collect()`` still work, and thresholds you set meanwhile are kept.

    ```pycon
    >>> import gc
    >>> import iclei_model as im
    >>> with im.pause_gc(False):
    ...     with gc_paused():
    ...         gc.get_threshold()[0] > 0
    True

    ```
    """
    token = _PAUSE.set(enabled)
    try:
        yield
    finally:
        _PAUSE.reset(token)
