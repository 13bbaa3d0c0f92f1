"""Records of a downstream tool's own, built from the library's field types."""

from decimal import Decimal

import attrs
import jsonschema
import pendulum
import pytest
from hypothesis import given, settings

import iclei_model as im
from iclei_model import fields
from iclei_model.testing import strategy_for


@attrs.frozen(kw_only=True)
class Pledge:
    """A commitment as a downstream tool keeps it, before the model has one."""

    id: str = fields.id()
    government: str = fields.reference("a Government")
    signatories: tuple[str, ...] = fields.references("a Person")
    made: im.PartialDate = fields.partial_date()
    title: im.LocalizedText = fields.text()
    note: im.LocalizedText | None = fields.text(optional=True)
    scope: str | None = fields.label(optional=True)
    target: im.Quantity | None = fields.quantity(optional=True)
    announced_at: pendulum.DateTime | None = fields.date_time(optional=True)
    country: str | None = fields.country(optional=True)
    zone: str | None = fields.time_zone(optional=True)
    pathways: tuple[im.Pathway, ...] = ()


KYOTO = Pledge(
    id="kyoto-zero-2050",
    government="kyoto",
    signatories=("daisaku-kadokawa",),
    made=im.PartialDate(2020, 2),
    title={"en": "Zero emissions by 2050", "ja": "2050年ゼロエミッション"},
    target=im.Quantity(value=Decimal("100"), unit="percent", bound="at_least"),
    announced_at=pendulum.datetime(2020, 2, 3, 10, tz="Asia/Tokyo"),
    country="JP",
    zone="Asia/Tokyo",
    pathways=(im.Pathway.LOW_EMISSION,),
)


@pytest.mark.parametrize("fmt", ["json", "yaml", "toml", "msgpack"])
def test_an_extension_record_round_trips_in_every_format(fmt: str) -> None:
    assert im.loads(im.dumps(KYOTO, fmt), Pledge, fmt) == KYOTO


def test_its_plain_data_and_its_schema() -> None:
    data = im.unstructure(KYOTO)
    assert data["made"] == "2020-02"
    assert data["announced_at"] == "2020-02-03T10:00:00+09:00[Asia/Tokyo]"
    assert im.structure(data, Pledge) == KYOTO
    schema = im.json_schema(Pledge)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    properties = schema["$defs"]["Pledge"]["properties"]
    assert properties["government"]["description"] == "The id of a Government."
    assert properties["signatories"]["description"] == "A list of ids, each of a Person."
    assert set(schema["$defs"]["Pledge"]["required"]) == {"id", "government", "made", "title"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**data, "government": "Not A Slug"}, schema)


def test_its_fields_check_values_as_the_models_do() -> None:
    with pytest.raises(im.StructureError) as caught:
        im.loads(
            '{"id": "Bad Id", "government": "kyoto", "made": "June", "title": {"en": " "},'
            ' "country": "XX", "signatories": ["a", "a"]}',
            Pledge,
        )
    assert [(p.path, p.field) for p in caught.value.problems] == [
        ("$.id", "id"),
        ("$.made", "made"),
        ("$.title", "title"),
        ("$.country", "country"),
        ("$.signatories[1]", "signatories[1]"),
    ]
    with pytest.raises(
        im.InvalidValueError, match=r"Pledge\.announced_at: expected a date-time in"
    ):
        attrs.evolve(KYOTO, announced_at=pendulum.naive(2020, 2, 3))


@settings(max_examples=max(10, settings.default.max_examples // 3))
@given(strategy_for(Pledge))
def test_a_strategy_with_no_registration(pledge: Pledge) -> None:
    assert im.loads(im.dumps(pledge), Pledge) == pledge
    assert im.loads(im.dumps(pledge, "yaml"), Pledge, "yaml") == pledge
    jsonschema.validate(im.unstructure(pledge), im.json_schema(Pledge))


def test_field_info_is_data() -> None:
    by_name = {a.name: fields.info(a) for a in attrs.fields(Pledge)}
    assert by_name["government"] == fields.FieldInfo("reference", "a Government")
    assert by_name["made"] == fields.FieldInfo("partial_date")
    assert by_name["pathways"] is None  # a plain attrs field


def test_date_times_keep_their_zone_name() -> None:
    import datetime as dt
    import zoneinfo

    tokyo = dt.datetime(2020, 2, 3, 10, tzinfo=zoneinfo.ZoneInfo("Asia/Tokyo"))
    pledge = attrs.evolve(KYOTO, announced_at=tokyo)
    assert isinstance(pledge.announced_at, pendulum.DateTime)
    assert im.loads(im.dumps(pledge), Pledge) == pledge
    offset = dt.datetime(2020, 2, 3, 10, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    with pytest.raises(im.InvalidValueError, match="expected a date-time in an IANA time zone"):
        attrs.evolve(KYOTO, announced_at=offset)
