"""gc_paused: the collector is off inside, and back as it was after."""

import gc

import pytest

import iclei_model as im
from iclei_model._base.runtime import gc_paused


def _fail_while_paused(seen: list[bool]) -> None:
    with gc_paused():
        seen.append(gc.isenabled())
        raise RuntimeError("inside")


def test_paused_inside_and_restored_after_an_error() -> None:
    assert gc.isenabled()
    seen: list[bool] = []
    with pytest.raises(RuntimeError, match="inside"):
        _fail_while_paused(seen)
    assert seen == [False]
    assert gc.isenabled()


def test_nested_pauses_restore_once() -> None:
    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()


def test_validate_runs_with_the_collector_paused(
    ds: im.Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iclei_model._rules.context import Context

    seen: list[bool] = []
    report = Context.report

    def recording(self: Context) -> im.ValidationReport:
        seen.append(gc.isenabled())
        return report(self)

    monkeypatch.setattr(Context, "report", recording)
    assert im.validate(ds).ok
    assert seen == [False]
    assert gc.isenabled()
