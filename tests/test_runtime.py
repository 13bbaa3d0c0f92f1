"""gc_paused: automatic collection held off inside, as it was after; the user's own settings kept."""

import gc
import threading

import pytest

import iclei_model as im
from iclei_model._base.runtime import gc_paused, paused


def _fail_while_paused(seen: list[bool]) -> None:
    with gc_paused():
        seen.append(paused())
        raise RuntimeError("inside")


def test_paused_inside_and_restored_after_an_error() -> None:
    before = gc.get_threshold()
    seen: list[bool] = []
    with pytest.raises(RuntimeError, match="inside"):
        _fail_while_paused(seen)
    assert seen == [True]
    assert gc.get_threshold() == before
    assert not paused()


def test_nested_pauses_restore_once() -> None:
    before = gc.get_threshold()
    with gc_paused():
        with gc_paused():
            assert paused()
        assert paused()  # the outer pause still holds
    assert gc.get_threshold() == before


def test_the_users_disable_and_enable_are_never_undone() -> None:
    assert gc.isenabled()
    try:
        with gc_paused():
            gc.disable()  # the user's, while a load runs
        assert not gc.isenabled()
        with gc_paused():
            gc.enable()
            assert gc.isenabled()
        assert gc.isenabled()
    finally:
        gc.enable()


def test_thresholds_the_user_sets_meanwhile_are_kept() -> None:
    before = gc.get_threshold()
    try:
        with gc_paused():
            gc.set_threshold(5000, 20, 20)
        assert gc.get_threshold() == (5000, 20, 20)
    finally:
        gc.set_threshold(*before)


def test_collection_stays_off_until_the_last_of_several_threads_ends() -> None:
    before = gc.get_threshold()
    inside, release = threading.Barrier(3), threading.Event()
    seen: list[bool] = []

    def load() -> None:
        with gc_paused():
            inside.wait()
            release.wait()
        seen.append(paused())

    first = threading.Thread(target=load)
    first.start()
    with gc_paused():
        second = threading.Thread(target=load)
        second.start()
        inside.wait()
        release.set()
        first.join()
        second.join()
        assert seen == [True, True]  # both ended; this pause still holds
    assert gc.get_threshold() == before


def test_pausing_can_be_turned_off_for_a_block() -> None:
    with im.pause_gc(False):
        with gc_paused():
            assert not paused()
        with im.pause_gc(True), gc_paused():
            assert paused()
    with gc_paused():
        assert paused()


def test_turning_pausing_off_holds_in_its_own_thread_only() -> None:
    seen: list[bool] = []

    def other() -> None:
        with gc_paused():
            seen.append(paused())

    with im.pause_gc(False):
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert seen == [True]


def test_validate_runs_with_the_collector_paused(
    ds: im.Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iclei_model._rules.context import Context

    seen: list[bool] = []
    report = Context.report

    def recording(self: Context) -> im.ValidationReport:
        seen.append(paused())
        return report(self)

    monkeypatch.setattr(Context, "report", recording)
    assert im.validate(ds).ok
    assert seen == [True]
    assert not paused()
    with im.pause_gc(False):
        assert im.validate(ds).ok
    assert seen == [True, False]
