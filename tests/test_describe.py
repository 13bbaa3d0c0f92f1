"""The model's field description: what every reference names, declared once."""

import attrs

import iclei_model as im
import iclei_model.fields
from iclei_model._model import records
from iclei_model._model.describe import FUNDING_PROGRAMME, info, phrase, references
from iclei_model._model.introspect import base_validator, init_fields
from iclei_model._model.validators import slug, slugs

CLASSES = (
    *records.RECORD_CLASSES,
    *records.ORGANISATION_CLASSES.values(),
    im.Citation,
    im.Position,
    im.Proxy,
)


def test_every_id_field_but_the_records_own_names_what_it_points_to() -> None:
    for cls in CLASSES:
        described = dict(references(cls))
        for _, attribute, _ in init_fields(cls):
            points = base_validator(attribute) in (slug, slugs) and attribute.name != "id"
            assert (attribute.name in described) == points, (cls.__name__, attribute.name)


def test_targets_are_record_classes() -> None:
    for cls in CLASSES:
        for name, described in references(cls):
            assert described.targets, (cls.__name__, name)
            for target in described.targets:
                assert target == FUNDING_PROGRAMME or target in records.RECORD_CLASSES_BY_NAME
            assert described.target


def test_a_class_narrows_an_inherited_reference() -> None:
    office = dict(references(im.Office))["parent"]
    government = dict(references(im.Government))["parent"]
    assert office.targets == ("Network", "Secretariat", "Office")
    assert government.targets == ("Organisation",)
    assert office.target == "a Network, Secretariat or Office"


def test_validation_messages_and_the_schema_read_the_description() -> None:
    member = attrs.fields_dict(im.Membership)["member"]
    assert info(member) == im.fields.FieldInfo("reference", "a Government", ("Government",))
    schema = im.json_schema(im.Membership)["$defs"]["Membership"]["properties"]
    assert schema["network"]["description"] == "The id of a Network."
    assert phrase(("Organisation",)) == "an organisation"


def test_every_backend_handles_every_shape() -> None:
    # A new Shape must be handled by the schema, the strategies, the converters and
    # the msgspec front end; OTHER alone is left to cattrs.
    from iclei_model._model.shapes import Shape
    from iclei_model._serialization import fast, schema
    from iclei_model.testing import _SIMPLE

    handled_by_schema = set(schema._PLAIN) | set(schema._LEAF_NAMES)
    handled_by_schema |= {Shape.WHEN, Shape.LIST, Shape.ENUM, Shape.RECORD, Shape.ORGANISATION}
    assert handled_by_schema == set(Shape) - {Shape.OTHER}
    handled_by_strategies = set(_SIMPLE) | {
        Shape.WHEN,
        Shape.LIST,
        Shape.ENUM,
        Shape.RECORD,
        Shape.ORGANISATION,
    }
    assert handled_by_strategies == set(Shape) - {Shape.OTHER}
    wire = (
        set(fast._WIRE_PLAIN)
        | set(fast._LEAVES)
        | {
            Shape.WHEN,
            Shape.LIST,
            Shape.ENUM,
            Shape.RECORD,
            Shape.ORGANISATION,
        }
    )
    assert wire == set(Shape) - {Shape.OTHER, Shape.FLOAT}  # floats: the detailed path
