"""Locales and message catalogs: parsing, resolution, and catalogs complete and current."""

import re
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

import iclei_model as im
from iclei_model._base.i18n import (
    CATALOG_LOCALES,
    DOMAIN,
    EXTRACT_KEYWORDS,
    LOCALE_DIR,
    SUPPORTED_LOCALES,
    catalog_for,
    get_locale,
    tr,
)
from iclei_model.formatting._labels import COUNT_UNITS, LABELS, OFFICE_TITLES, ORGANISATION_KINDS

SOURCES = Path(im.__file__).parent
PLACEHOLDER = re.compile(r"\{(\w+)\}")

Key = tuple[str | None, str | tuple[str, ...]]


def _source_messages() -> set[Key]:
    found: set[Key] = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(SOURCES),
        keywords=EXTRACT_KEYWORDS,
        comment_tags=(),
        # the private packages start with "_", which Babel skips by default
        directory_filter=lambda path: not Path(path).name.startswith((".", "__pycache__")),
    ):
        found.add((context, message))
    return found


def _keys(catalog: object) -> set[Key]:
    return {(m.context, m.id) for m in catalog if m.id}  # type: ignore[attr-defined]


def _po(locale: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


@pytest.fixture(scope="module")
def source_messages() -> set[Key]:
    return _source_messages()


def test_sources_have_messages(source_messages: set[Key]) -> None:
    # The extraction itself must work, or every comparison below is vacuous.
    assert ("territory", "Chinese Taipei") in source_messages
    assert ("rule", "two records share an id") in source_messages
    assert ("unit", ("{n} tree", "{n} trees")) in source_messages
    assert len(source_messages) > 150


def test_template_is_current(source_messages: set[Key]) -> None:
    with (LOCALE_DIR / f"{DOMAIN}.pot").open("rb") as file:
        template = read_po(file)
    assert _keys(template) == source_messages, (
        "the template is stale: run python tools/catalogs.py all"
    )


@pytest.mark.parametrize("locale", CATALOG_LOCALES)
def test_catalog_is_complete_and_current(locale: str, source_messages: set[Key]) -> None:
    with _po(locale).open("rb") as file:
        catalog = read_po(file, locale=locale)
    missing = source_messages - _keys(catalog)
    obsolete = _keys(catalog) - source_messages
    assert not missing, f"{locale}: not in the catalog (run tools/catalogs.py update): {missing}"
    assert not obsolete, f"{locale}: no longer in the sources: {obsolete}"
    for message in catalog:
        if not message.id:
            continue
        where = f"{locale}: {message.context} {message.id!r}"
        assert "fuzzy" not in message.flags, f"{where} is fuzzy"
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert len(forms) == (catalog.num_plurals if message.pluralizable else 1), where
        assert all(forms), f"{where} is not translated"
        wanted = set(PLACEHOLDER.findall(message.id[0] if message.pluralizable else message.id))
        for form in forms:
            assert _placeholders(message.context, form) == wanted, (
                f"{where}: placeholders in {form!r}"
            )


def _placeholders(context: str | None, form: str) -> set[str]:
    """The placeholders of a translation, read as the source message's.

    A bound may wrap the measure (``{q}``) instead of the bare number (``{n}``), and
    a unit may mark where its measure ends (``{bound}``); docs/formatting.md.
    """
    found = PLACEHOLDER.findall(form)
    assert len(found) == len(set(found)), f"a placeholder twice in {form!r}"
    names = set(found)
    if context == "bound" and names == {"q"}:
        return {"n"}
    if context == "unit":
        names.discard("bound")
    return names


@pytest.mark.parametrize("locale", CATALOG_LOCALES)
def test_compiled_catalog_matches_its_source(locale: str) -> None:
    with _po(locale).open("rb") as file:
        source = read_po(file, locale=locale)
    with _po(locale).with_suffix(".mo").open("rb") as file:
        compiled = read_mo(file)
    assert _entries(compiled) == _entries(source), (
        f"{locale}: the .mo is stale; run python tools/catalogs.py compile"
    )


def _entries(catalog: object) -> dict[Key, tuple[str, ...]]:
    def flat(value: object) -> object:
        return tuple(value) if isinstance(value, list | tuple) else value

    def text(context: object) -> object:  # Babel's read_mo gives contexts as bytes
        return context.decode() if isinstance(context, bytes) else context

    return {
        (text(m.context), flat(m.id)): flat(m.string)  # type: ignore[misc]
        for m in catalog  # type: ignore[attr-defined]
        if m.id
    }


def test_every_catalog_locale_is_supported() -> None:
    assert set(CATALOG_LOCALES) == set(SUPPORTED_LOCALES) - {"en"}
    assert {p.name for p in LOCALE_DIR.iterdir() if p.is_dir()} == set(CATALOG_LOCALES)


def test_every_vocabulary_member_has_a_label() -> None:
    for vocabulary, labels in LABELS.items():
        assert set(labels) == set(vocabulary), vocabulary.__name__
    assert set(ORGANISATION_KINDS) == {
        cls.kind
        for cls in (im.Network, im.Secretariat, im.Office, im.Government, im.OtherOrganisation)
    }
    assert set(COUNT_UNITS) == set(im.Unit) - {im.Unit.TONNE, im.Unit.PERCENT}


def test_office_titles_in_the_bundled_data_are_in_the_catalog(ds: im.Dataset) -> None:
    titles = {m.office_title.get("en") for m in ds.mandates if m.office_title}
    titles |= {p.office_title.get("en") for m in ds.mandates for p in m.proxies if p.office_title}
    assert titles <= set(OFFICE_TITLES)


def test_translations_differ_from_english_where_the_language_does() -> None:
    # A catalog that silently returned msgids would pass the completeness test
    # only if its msgstrs were copies; check that lookups really translate.
    ko = get_locale("ko")
    assert tr(ko, "SeatRole", "Vice President") == "부회장"
    assert tr(get_locale("de"), "report", "Governance") == "Gremien"
    assert tr(get_locale("en_GB"), "InitiativeKind", "Program") == "Programme"
    assert tr(get_locale("en"), "InitiativeKind", "Program") == "Program"
    assert tr(get_locale("it"), "InitiativeKind", "Program") == "Program"  # no catalog: English


@pytest.mark.parametrize(
    ("identifier", "catalog"),
    [
        ("zh_Hans_CN", "zh_Hans"),
        ("zh-Hant-TW", "zh_Hant"),
        ("zh_TW", "zh_Hant"),
        ("zh_HK", "zh_Hant"),
        ("zh", "zh_Hans"),
        ("zh_SG", "zh_Hans"),
        ("en_GB", "en_GB"),
        ("en", None),
        ("en_US", None),
        ("de_CH", "de"),
        ("fr_CA", "fr"),
        ("es_MX", "es"),
        ("ja_JP", "ja"),
        ("ko_KR", "ko"),
        ("mn_MN", "mn"),
        ("it", None),
    ],
)
def test_catalog_for_a_locale(identifier: str, catalog: str | None) -> None:
    assert catalog_for(get_locale(identifier)) == catalog


def test_locales_are_parsed_once() -> None:
    assert get_locale("zh-Hant-TW") is get_locale("zh-Hant-TW")
    given = Locale.parse("ko")
    assert get_locale(given) is given


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("xx", "locale: expected a locale like 'en', 'zh_Hant' or 'ko', got 'xx'"),
        ("", "locale: expected a locale like 'en', 'zh_Hant' or 'ko', got ''"),
        (7, "locale: expected a locale identifier or a babel.Locale, got number 7"),
        (None, "locale: expected a locale identifier or a babel.Locale, got null"),
    ],
)
def test_bad_locales(value: object, message: str) -> None:
    with pytest.raises(im.InvalidValueError) as info:
        get_locale(value)  # type: ignore[arg-type]
    assert str(info.value).startswith(message)
