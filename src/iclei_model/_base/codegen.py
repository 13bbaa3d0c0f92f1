"""Generated functions: collision-free names, and source that tracebacks can show.

Every generator in the package builds Python source a field a line, then calls
`compile_function`. Each function gets a file name of its own, registered in
`linecache`, so tracebacks show the generated line and `getsource`
returns the source. The values a function refers to are held in `Names`,
which gives each one a name no other value or local variable of the function has.
"""

from __future__ import annotations

import itertools
import linecache
import re
import weakref
from collections.abc import Iterable
from typing import Any

__all__ = ["Names", "compile_function", "identifier"]

_NUMBER = itertools.count(1)  # next() on a count is atomic: file names stay unique in threads

_DROPPED: list[str] = []
"""File names of generated functions since collected, whose source `_forget_dropped`
takes out of `linecache` the next time a function is generated.

The collector frees a generated function at whatever allocation it runs on, which
may be inside ``linecache.checkcache()`` (pdb, doctest and tracebacks call it):
on Python 3.11 it loops over a copy of the cache's keys and looks each up, so a key
taken out from under it raises KeyError (CPython gh-133253 guards the look-up). So
the finalizer only notes the name, a list append, and the entry is taken out in
the ordinary course of generating code, as linecache itself takes out stale ones.
"""
_NOT_IDENTIFIER = re.compile(r"\W")


class Names(dict[str, Any]):
    """The globals of one generated function.

    ``names["cls"] = cls`` binds a fixed name; `add` binds a value under a
    name made from a hint and returns that name, never one already bound or one of
    the function's local variables (*locals*).
    """

    def __init__(self, fixed: dict[str, Any] | None = None, *, locals: Iterable[str] = ()) -> None:
        super().__init__(fixed or {})
        self.locals = frozenset(locals)

    def add(self, hint: str, value: Any) -> str:
        """Bind *value* under a new name like *hint*; returns the name.

        ```pycon
        >>> names = Names({"cls": int}, locals={"v"})
        >>> names.add("h_x_item", str), names.add("h_x_item", bytes), names.add("v", 1)
        ('h_x_item', 'h_x_item_2', 'v_2')

        ```
        """
        base = _NOT_IDENTIFIER.sub("_", hint)
        if not base.isidentifier():
            base = f"_{base}"
        name = base
        for number in itertools.count(2):
            if name not in self and name not in self.locals:
                break
            name = f"{base}_{number}"
        self[name] = value
        return name


def compile_function(lines: list[str], names: dict[str, Any], function: str, owner: str) -> Any:
    """Compile *lines*, the source of *function*, with *names* as its globals.

    *owner* says what the function is for (``unstructure Event``); it goes into the
    file name tracebacks show, with a number that no other generated function has.

    ```pycon
    >>> names = Names()
    >>> one = names.add("one", 1)
    >>> fn = compile_function([f"def plus_one(x):", f"    return x + {one}"], names,
    ...                       "plus_one", "an example")
    >>> fn(41), fn.__code__.co_filename.startswith("<iclei_model generated: an example #")
    (42, True)
    >>> import inspect
    >>> print(inspect.getsource(fn), end="")
    def plus_one(x):
        return x + one

    ```
    """
    _forget_dropped()
    source = "\n".join(lines) + "\n"
    filename = f"<iclei_model generated: {owner} #{next(_NUMBER)}>"
    code = compile(source, filename, "exec")
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    scope = dict(names)
    exec(code, scope)  # the source is built by this package's generators from field names
    made = scope[function]
    # the source lives about as long as the function: a converter made and dropped
    # leaves none once the next function is generated
    weakref.finalize(made, _DROPPED.append, filename)
    return made


def _forget_dropped() -> None:
    """Take the sources of collected generated functions out of `linecache`."""
    while _DROPPED:
        try:
            filename = _DROPPED.pop()
        except IndexError:  # another thread took the last one
            return
        linecache.cache.pop(filename, None)


def identifier(name: str) -> str:
    """*name* made a Python identifier, for a generated function named after a class.

    ```pycon
    >>> identifier("Pledge-v2"), identifier("Event")
    ('Pledge_v2', 'Event')

    ```
    """
    found = _NOT_IDENTIFIER.sub("_", name)
    return found if found.isidentifier() else f"_{found}"
