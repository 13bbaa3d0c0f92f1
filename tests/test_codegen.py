"""Generated functions: unique file names, source in linecache, collision-free names."""

import inspect
import traceback
from decimal import Decimal
from typing import Any

import attrs
import pytest

import iclei_model as im
from iclei_model._base.codegen import Names, compile_function
from iclei_model._serialization import converters as _converters


@attrs.frozen
class Measures:
    """A user's record whose field names could collide in generated code."""

    x: tuple[Decimal, ...] = ()
    x_item: im.PartialDate | None = None
    v: str = "v"
    out: str = "out"


def test_field_names_that_look_like_generated_names_do_not_collide() -> None:
    record = Measures(x=(Decimal("1.5"),), x_item=im.PartialDate(2019, 4), v="a", out="b")
    data = im.unstructure(record)
    assert data == {"x": ["1.5"], "x_item": "2019-04", "v": "a", "out": "b"}
    assert im.structure(data, Measures) == record
    assert im.loads(im.dumps(record), Measures) == record


def test_generated_functions_show_their_source() -> None:
    hook = _converters._default().get_unstructure_hook(im.Term)
    source = inspect.getsource(hook)
    assert source.startswith("def unstructure_Term(obj):")
    assert "iclei_model generated: unstructure Term" in hook.__code__.co_filename


def test_a_traceback_shows_the_generated_line() -> None:
    names = Names()
    fail = names.add("fail", lambda: 1 / 0)
    fn = compile_function(["def f():", f"    return {fail}()"], names, "f", "a test")
    with pytest.raises(ZeroDivisionError) as caught:
        fn()
    text = "".join(traceback.format_tb(caught.tb))
    assert "<iclei_model generated: a test #" in text
    assert f"return {fail}()" in text


def test_every_generated_function_has_a_file_name_of_its_own() -> None:
    names = Names()
    first = compile_function(["def f():", "    return 1"], names, "f", "same")
    second = compile_function(["def f():", "    return 2"], names, "f", "same")
    assert first.__code__.co_filename != second.__code__.co_filename
    assert (inspect.getsource(first), inspect.getsource(second)) == (
        "def f():\n    return 1\n",
        "def f():\n    return 2\n",
    )


def test_names_avoid_bound_names_locals_and_non_identifiers() -> None:
    names = Names({"cls": int}, locals={"v", "obj"})
    assert names.add("cls", 1) == "cls_2"
    assert names.add("v", 2) == "v_2"
    assert names.add("h_lines[0]", 3) == "h_lines_0_"
    assert names.add("1st", 4) == "_1st"
    assert names["cls"] is int


def test_classes_whose_names_are_not_identifiers() -> None:
    odd = attrs.make_class("Pledge", {"x": attrs.field(default="a", type=str)})
    odd.__name__ = odd.__qualname__ = "Pledge-v2"  # as some class factories name them
    assert im.unstructure(odd(x="b")) == {"x": "b"}
    assert im.loads(im.dumps(odd(x="c")), odd) == odd(x="c")


def test_sources_of_dropped_converters_leave_linecache() -> None:
    import gc
    import linecache

    before = set(linecache.cache)
    converter = im.make_converter()
    converter.unstructure(KYOTO_TERM)
    made = set(linecache.cache) - before
    assert made
    del converter
    gc.collect()
    # the collector only notes them (taking an entry out while linecache.checkcache
    # loops over the keys breaks it); the next generated function takes them out
    assert made <= set(linecache.cache)
    compile_function(["def f():", "    return 1"], Names(), "f", "a test")
    assert not made & set(linecache.cache)


def test_linecache_checkcache_survives_generated_functions_collected_meanwhile() -> None:
    """A generated function the collector frees during checkcache leaves its entry."""
    import gc
    import linecache

    def made() -> Any:
        fn = compile_function(["def f():", "    return 1"], Names(), "f", "a test")
        fn.__globals__["me"] = fn  # a cycle: only the collector frees it
        return fn.__code__.co_filename

    class Collecting(dict[str, Any]):
        collected = False

        def __getitem__(self, key: str) -> Any:
            if not self.collected:  # as if the collector ran on an allocation in the loop
                self.collected = True
                gc.collect()
            return super().__getitem__(key)

    entries = linecache.cache
    linecache.cache = Collecting(entries)
    was_enabled = gc.isenabled()
    gc.disable()  # the functions are freed inside checkcache, not before
    try:
        names = [made() for _ in range(50)]
        linecache.checkcache()  # raised KeyError when the finalizer took entries out
        assert set(names) <= set(linecache.cache)
    finally:
        if was_enabled:
            gc.enable()
        entries.update(linecache.cache)
        linecache.cache = entries


KYOTO_TERM = im.Term(id="t", body="b", start=im.PartialDate(2018), end=im.PartialDate(2021))
