"""iclei-model: a typed model of a network of local and regional governments."""

# The public names, and the modules they live in, are listed once: in
# __init__.pyi, which type checkers read. Nothing is imported until a name is first
# used, so `import iclei_model` stays cheap; attrs, pendulum, cattrs and Babel load
# on demand.
from ._base.lazy import attach as _attach

__getattr__, __dir__, __all__ = _attach(__name__, __file__)
