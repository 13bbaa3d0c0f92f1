"""Exports for other tools: iCalendar feeds, Popolo JSON and schema.org JSON-LD.

Each function takes a Dataset and returns what the other tool reads: iCalendar
bytes, or a JSON-ready dict. iCalendar export needs the ``ical`` extra
(``pip install 'iclei-model[ical]'``); Popolo and JSON-LD need nothing more.
"""

from ._ical import PartialPolicy, to_ical
from ._jsonld import to_jsonld
from ._popolo import to_popolo

__all__ = ["PartialPolicy", "to_ical", "to_jsonld", "to_popolo"]
