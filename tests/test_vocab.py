"""Vocabularies: the region table is package data, read once, and consistent."""

import tomllib
from importlib.resources import files

import iclei_model as im
from iclei_model._model.validators import is_iso_country


def _table() -> dict[str, list[str]]:
    text = files("iclei_model").joinpath("data", "regions.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def test_every_region_has_its_list_and_no_other_list_exists() -> None:
    assert set(_table()) == {region.value for region in im.Region}


def test_each_country_is_iso_and_in_one_region() -> None:
    seen: dict[str, str] = {}
    for region, codes in _table().items():
        assert codes == sorted(codes), region
        for code in codes:
            assert is_iso_country(code), (region, code)
            assert code not in seen, (code, region, seen.get(code))
            seen[code] = region
            assert im.Region.for_country(code) is im.Region(region)
    assert im.Region.for_country("KR") is im.Region.EAST_ASIA
    assert im.Region.for_country("KZ") is None  # Central Asia: a government names its region


def test_the_table_is_read_once() -> None:
    assert im.Region.EUROPE.countries is im.Region.EUROPE.countries
