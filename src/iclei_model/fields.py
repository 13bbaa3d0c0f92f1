"""The library's field types, for attrs records of your own.

A downstream tool that keeps records the model has no class for (pledges, survey
answers, local indicators) declares them as attrs classes with these fields. They
check values as the model's own records do, and the library reads them through the
same description as its own: such a class gets structuring and unstructuring in
every format, JSON Schema and a Hypothesis strategy with no registration.

```pycon
>>> import attrs
>>> import iclei_model as im
>>> from iclei_model import fields
>>> @attrs.frozen(kw_only=True)
... class Pledge:
...     id: str = fields.id()
...     government: str = fields.reference("a Government")
...     made: im.PartialDate = fields.partial_date()
...     title: im.LocalizedText = fields.text()
...     target: im.Quantity | None = fields.quantity(optional=True)
>>> pledge = im.loads(
...     '{"id": "kyoto-2050", "government": "kyoto", "made": "2020-02",'
...     ' "title": {"en": "Zero emissions by 2050"}}',
...     Pledge,
... )
>>> pledge.made, im.dumps(pledge)[:40]
(PartialDate('2020-02'), '{"id":"kyoto-2050","government":"kyoto",')
>>> im.json_schema(Pledge)["$defs"]["Pledge"]["properties"]["government"]["description"]
'The id of a Government.'

```

Every field takes ``optional=True`` for a value that may be missing (``None`` by
default), except the lists, which are empty by default. Linters that check for
calls in dataclass defaults (ruff's RUF009) need these names listed as immutable
calls, as docs/extending.md shows.
"""

from typing import Any

import attrs

from iclei_model._model.describe import FieldInfo, info, metadata
from iclei_model._model.partial_date import PartialDate
from iclei_model._model.records import Quantity, _instance_of, _optional_text, _when
from iclei_model._model.text import as_text
from iclei_model._model.validators import (
    _expected,
    country_code,
    iana_time_zone,
    non_empty,
    slug,
    slugs,
)
from iclei_model._model.validators import (
    optional as optional_validator,
)

__all__ = [
    "FieldInfo",
    "country",
    "date_time",
    "id",
    "info",
    "label",
    "partial_date",
    "quantity",
    "reference",
    "references",
    "text",
    "time_zone",
]


def _field(kind: str, validator: Any, *, optional: bool, target: str | None = None) -> Any:
    described = metadata(FieldInfo(kind, target))
    if optional:
        return attrs.field(
            default=None, validator=optional_validator(validator), metadata=described
        )
    return attrs.field(validator=validator, metadata=described)


def id() -> Any:
    """A record's id: a lowercase slug of letters, digits and single hyphens."""
    return attrs.field(validator=slug, metadata=metadata(FieldInfo("id")))


def reference(target: str, *, optional: bool = False) -> Any:
    """The id of another record; *target* says what it names (``"a Government"``)."""
    return _field("reference", slug, optional=optional, target=target)


def references(target: str) -> Any:
    """Ids of other records, each named once; an empty tuple by default."""
    return attrs.field(
        default=(),
        converter=tuple,
        validator=slugs,
        metadata=metadata(FieldInfo("references", target)),
    )


def text(*, optional: bool = False) -> Any:
    """Text in one or more languages: a [`LocalizedText`][iclei_model.LocalizedText]."""
    described = metadata(FieldInfo("text"))
    if optional:
        return attrs.field(default=None, converter=_optional_text, metadata=described)
    return attrs.field(converter=as_text, metadata=described)


def label(*, optional: bool = False) -> Any:
    """A short string with something other than white space in it."""
    return _field("label", non_empty, optional=optional)


def partial_date(*, optional: bool = False) -> Any:
    """A [`PartialDate`][iclei_model.PartialDate]: a year, a month or a day."""
    return _field("partial_date", _instance_of(PartialDate, "a PartialDate"), optional=optional)


def date_time(*, optional: bool = False) -> Any:
    """A date-time in an IANA time zone; declare the field's type as ``pendulum.DateTime``.

    A standard-library date-time with a ``zoneinfo`` zone is taken as the pendulum
    date-time of the same instant and zone; one with only an offset is refused, as
    the model writes every date-time with its zone's name.
    """
    described = metadata(FieldInfo("date_time"))
    validator = optional_validator(_in_named_zone) if optional else _in_named_zone
    if optional:
        return attrs.field(default=None, converter=_when, validator=validator, metadata=described)
    return attrs.field(converter=_when, validator=validator, metadata=described)


def _in_named_zone(instance: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    import pendulum

    zone = getattr(value, "tzinfo", None)
    named = isinstance(zone, pendulum.Timezone) and not isinstance(zone, pendulum.FixedTimezone)
    if not (isinstance(value, pendulum.DateTime) and named):
        _expected(instance, attribute, "a date-time in an IANA time zone", value)


def quantity(*, optional: bool = False) -> Any:
    """A [`Quantity`][iclei_model.Quantity]: a value with its unit and bound."""
    return _field("quantity", _instance_of(Quantity, "a Quantity"), optional=optional)


def country(*, optional: bool = False) -> Any:
    """An ISO 3166-1 alpha-2 country code, checked against CLDR."""
    return _field("country", country_code, optional=optional)


def time_zone(*, optional: bool = False) -> Any:
    """An IANA time zone name such as ``Asia/Seoul``."""
    return _field("time_zone", iana_time_zone, optional=optional)
