"""Localized numbers, quantities, lists, territories, labels, people and record summaries."""

import enum
from decimal import Decimal

import pendulum
import pytest
from babel import Locale
from babel.lists import format_list as babel_format_list

import iclei_model as im
from iclei_model.formatting import (
    SUPPORTED_LOCALES,
    TERRITORY_NAMES,
    format_commitment,
    format_compact,
    format_date_range,
    format_event,
    format_initiative,
    format_label,
    format_list,
    format_mandate,
    format_number,
    format_office_title,
    format_organisation_kind,
    format_partial_date,
    format_participation,
    format_pathway,
    format_pathway_description,
    format_percent,
    format_person,
    format_portfolio,
    format_quantity,
    format_region,
    format_rule,
    format_territory,
    format_text,
)

NBSP, NNBSP = "\xa0", "\u202f"
CJK = ("zh_Hans", "zh_Hant", "ja", "ko")


def test_numbers() -> None:
    assert format_number(Decimal("1234.5"), locale="de") == "1.234,5"
    assert format_number(1234567, locale="fr") == f"1{NNBSP}234{NNBSP}567"
    assert format_number(0.5, locale="ja") == "0.5"
    assert format_percent(Decimal("0.125"), locale="en") == "12.5%"
    assert format_percent(0.48, locale="fr") == f"48{NBSP}%"
    for bad in (True, "12", None):
        with pytest.raises(im.InvalidValueError, match="value: expected a number"):
            format_number(bad, locale="en")  # type: ignore[arg-type]


@pytest.mark.parametrize("locale", CJK)
def test_long_compact_numbers_in_cjk(locale: str) -> None:
    # CLDR before 48 has no long compact format here; the library then uses the
    # short one, which is already in words. Either way it is a number of 万 or 만.
    for width in ("short", "long"):
        text = format_compact(12_500_000, locale=locale, width=width)  # type: ignore[arg-type]
        assert text[-1] in "万萬만", text
        assert text[:-1] == "1250", text


def test_compact_numbers_elsewhere() -> None:
    assert format_compact(1_750, locale="en") == "1.8K"
    assert format_compact(1_750, locale="en", fraction_digits=0) == "2K"
    assert format_compact(1_750_000, locale="de", width="long") == "1,8 Millionen"
    assert format_compact(2_000_000, locale="en", width="long") == "2 million"
    with pytest.raises(im.InvalidValueError, match="width: expected 'short' or 'long'"):
        format_compact(1, locale="en", width="narrow")  # type: ignore[arg-type]


def test_minimum_grouping_digits() -> None:
    # CLDR's minimumGroupingDigits is 2 for Spanish: no separator in four-digit numbers.
    assert format_number(Decimal("1234.5"), locale="es") == "1234,5"
    assert format_number(1234, locale="es") == "1234"
    assert format_number(12345, locale="es") == "12.345"
    assert format_number(-1234, locale="es") == "-1234"
    assert format_number(1234, locale="de") == "1.234"
    tonnes = im.Quantity(value=Decimal("1750"), unit="local_government")
    assert format_quantity(tonnes, locale="es") == "1750 gobiernos locales"


@pytest.mark.parametrize(
    ("value", "locale", "text"),
    [
        ("1.0", "en", "1 metric ton"),
        ("1.0004", "en", "1 metric ton"),
        ("1.5", "en", "1.5 metric tons"),
        ("1.0", "de", f"1{NBSP}Tonne"),
        ("1.0", "fr", f"1{NBSP}tonne"),
        ("0.9996", "en", "1 metric ton"),
    ],
)
def test_plural_agrees_with_the_number_shown(value: str, locale: str, text: str) -> None:
    assert format_quantity(im.Quantity(value=Decimal(value), unit="tonne"), locale=locale) == text


def test_plural_of_counted_things_agrees_with_the_number_shown() -> None:
    one = im.Quantity(value=Decimal("1.0"), unit="tree")
    assert format_quantity(one, locale="en") == "1 tree"
    assert format_quantity(one, locale="de") == "1 Baum"
    assert format_quantity(im.Quantity(value=Decimal("1.25"), unit="tree"), locale="en") == (
        "1.25 trees"
    )


@pytest.mark.parametrize("locale", ["ja", "ko"])
def test_bounds_stay_with_their_number_and_counter(locale: str) -> None:
    # A bound written after the measure goes after the counter or unit, never
    # between a number and its counter ("360以上人") or inside a unit ("29.61超 トン").
    for unit in im.Unit:
        exact = format_quantity(im.Quantity(value=Decimal("360"), unit=unit), locale=locale)
        for bound in im.Bound:
            text = format_quantity(
                im.Quantity(value=Decimal("360"), unit=unit, bound=bound), locale=locale
            )
            assert "{" not in text, text
            # Where the bound's words go in: after the common beginning of the two.
            at = next(
                (i for i, (a, b) in enumerate(zip(exact, text, strict=False)) if a != b),
                len(exact),
            )
            if at and text[at - 1].isdigit() and unit is not im.Unit.PERCENT:
                # Right after the number only where no counter or unit follows it.
                assert exact[at] == "の", (unit, bound, text)
    officials = im.Quantity(value=Decimal("360"), unit="official", bound="at_least")
    assert format_quantity(officials, locale="ja") == "360人以上の職員"
    assert format_quantity(officials, locale="ko") == "360명 이상의 공무원"


QUANTITIES = {
    # (value, unit, bound): {locale: text}
    ("1750", "local_government", "more_than"): {
        "en": "more than 1,750 local governments",
        "en_GB": "more than 1,750 local governments",
        "de": "mehr als 1.750 Kommunen",
        "zh_Hans": "超过1,750个地方政府",
        "ja": "1,750超の地方自治体",
        "ko": "1,750개 초과 지방정부",
        "mn": "1,750 гаруй орон нутгийн засаг захиргаа",
    },
    ("100", "country", "at_least"): {
        "en": "100+ countries",
        "fr": "100+ pays",
        "zh_Hant": "至少100個國家",
        "ja": "100以上の国",
    },
    ("1", "tree", "exact"): {"en": "1 tree", "de": "1 Baum", "es": "1 árbol", "ko": "1그루의 나무"},
    ("1000", "tree", "exact"): {"en": "1,000 trees", "de": "1.000 Bäume", "ko": "1,000그루의 나무"},
    ("29.61", "tonne", "more_than"): {
        "en": "more than 29.61 metric tons",
        "en_GB": "more than 29.61 tonnes",
        "de": f"mehr als 29,61{NBSP}Tonnen",
        "ja": "29.61 トン超",
        "ko": "29.61메트릭 톤 초과",
    },
    ("91.96", "tonne_co2e", "about"): {
        "en": "about 91.96 metric tons of CO2e",
        "en_GB": "about 91.96 tonnes of CO2e",
        "fr": "environ 91,96 tonnes d’éq. CO2",
        "zh_Hans": "约91.96吨二氧化碳当量",
    },
    ("1.5", "tonne_co2e", "exact"): {"fr": "1,5 tonne d’éq. CO2", "de": "1,5 Tonnen CO2e"},
    ("48", "percent", "up_to"): {
        "en": "up to 48%",
        "de": f"bis zu 48{NBSP}%",
        "ko": "최대 48%",
        "mn": "48% хүртэл",
    },
}


@pytest.mark.parametrize(("key", "locale"), [(k, loc) for k, v in QUANTITIES.items() for loc in v])
def test_quantities(key: tuple[str, str, str], locale: str) -> None:
    value, unit, bound = key
    quantity = im.Quantity(value=Decimal(value), unit=unit, bound=bound)
    assert format_quantity(quantity, locale=locale) == QUANTITIES[key][locale]


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_unit_and_bound_formats(locale: str) -> None:
    for unit in im.Unit:
        for bound in im.Bound:
            quantity = im.Quantity(value=Decimal("1234.5"), unit=unit, bound=bound)
            text = format_quantity(quantity, locale=locale)
            assert "{" not in text
            number = format_number(Decimal("1234.5"), locale=locale)
            if unit is not im.Unit.PERCENT:
                assert number in text, (unit, bound, text)


def test_lists() -> None:
    assert format_list([], locale="en") == ""
    assert format_list(["Bonn"], locale="en") == "Bonn"
    assert format_list(["Bonn", "Kyoto"], locale="ja") == "Bonn、Kyoto"
    assert format_list(["a", "b", "c", "d"], locale="en") == "a, b, c, and d"
    assert format_list(["长春", "大同", "波恩"], locale="zh_Hans") == "长春、大同和波恩"
    assert format_list(["a", "b", "c"], locale="es", style="or") == "a, b o c"
    with pytest.raises(im.InvalidValueError, match=r"items\[1\]: expected a string, got number 3"):
        format_list(["a", 3], locale="en")  # type: ignore[list-item]
    with pytest.raises(im.InvalidValueError, match="style: expected one of"):
        format_list(["a"], locale="en", style="bullets")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("locale", "two", "three"),
    [("de", "a, b", "a, b und c"), ("es", "a y b", "a, b y c")],
)
def test_partial_list_styles_fall_back_pattern_by_pattern(
    locale: str, two: str, three: str
) -> None:
    # German gives "unit-short" only its pattern for two; Spanish gives "unit" only its
    # end. CLDR's root aliases fill in the rest pattern by pattern.
    assert format_list(["a", "b"], locale=locale, style="unit") == two
    assert format_list(["a", "b", "c"], locale=locale, style="unit") == three


def test_list_styles_babel_resolves_stay_the_same() -> None:
    for locale in SUPPORTED_LOCALES:
        for style in ("standard", "or", "unit"):
            try:
                expected = babel_format_list(["a", "b", "c", "d"], style=style, locale=locale)
            except KeyError:
                continue
            assert format_list(["a", "b", "c", "d"], locale=locale, style=style) == expected


CHINESE_TAIPEI = {
    "en": "Chinese Taipei",
    "en_GB": "Chinese Taipei",
    "de": "Chinesisch Taipeh",
    "fr": "Taipei chinois",
    "es": "China Taipéi",
    "zh_Hans": "中华台北",
    "zh_Hant": "中華台北",
    "ja": "チャイニーズ・タイペイ",
    "ko": "차이니스 타이베이",
    "mn": "Хятадын Тайбэй",
}


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_the_networks_territory_names(locale: str) -> None:
    assert format_territory("TW", locale=locale) == CHINESE_TAIPEI[locale]
    assert format_territory("TW", locale=locale) != Locale.parse(locale).territories["TW"]
    assert format_territory("KR", locale=locale) == Locale.parse(locale).territories["KR"]


def test_territory_names_in_related_locales_and_scripts() -> None:
    assert set(TERRITORY_NAMES) == {"TW"}
    assert format_territory("TW", locale="zh_TW") == "中華台北"
    assert format_territory("TW", locale="zh_HK") == "中華台北"
    assert format_territory("TW", locale="zh_CN") == "中华台北"
    assert format_territory("TW", locale="de_AT") == "Chinesisch Taipeh"
    assert format_territory("TW", locale="it") == "Chinese Taipei"  # no catalog: English
    for bad in ("XK", "tw", "ZZ", 7):
        with pytest.raises(im.InvalidValueError, match="code: expected an ISO 3166-1 alpha-2"):
            format_territory(bad, locale="en")  # type: ignore[arg-type]


def test_labels_in_every_locale() -> None:
    vocabularies: list[type[enum.Enum]] = [
        im.Pathway,
        im.Region,
        im.SeatRole,
        im.BodyKind,
        im.EventKind,
        im.InitiativeKind,
        im.Sector,
        im.GovernmentLevel,
        im.MembershipStatus,
        im.EventStatus,
        im.Attendance,
        im.CommitmentKind,
        im.CommitmentStatus,
        im.ParticipationRole,
    ]
    for locale in SUPPORTED_LOCALES:
        for vocabulary in vocabularies:
            labels = [format_label(member, locale=locale) for member in vocabulary]
            assert all(labels), (locale, vocabulary)
            if vocabulary is not im.Sector:  # "Network" and "Other"... are distinct anyway
                assert len(set(labels)) == len(labels), (locale, vocabulary, labels)


def test_specific_labels() -> None:
    assert format_label(im.SeatRole.REGIONAL_SEAT, locale="ja") == "地域代表"
    assert format_label(im.EventStatus.CANCELLED, locale="en") == "Canceled"
    assert format_label(im.EventStatus.CANCELLED, locale="en_GB") == "Cancelled"
    assert format_pathway(im.Pathway.RESILIENT, locale="zh_Hant") == "韌性發展"
    assert format_region(im.Region.SOUTHEAST_ASIA, locale="es") == "Sudeste Asiático"
    assert format_organisation_kind("secretariat", locale="fr") == "Secrétariat"
    with pytest.raises(im.InvalidValueError, match="member: expected a member of"):
        format_label(im.Unit.TREE, locale="en")
    with pytest.raises(im.InvalidValueError, match="pathway: expected a Pathway"):
        format_pathway("circular", locale="en")  # type: ignore[arg-type]
    with pytest.raises(im.InvalidValueError, match="organisation: expected an Organisation"):
        format_organisation_kind("city", locale="en")


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_pathway_descriptions(locale: str) -> None:
    texts = [format_pathway_description(p, locale=locale) for p in im.Pathway]
    assert len(set(texts)) == 5
    if locale == "en":
        assert texts == [p.description for p in im.Pathway]
    elif locale != "en_GB":
        assert not set(texts) & {p.description for p in im.Pathway}


def test_organisation_kind_of_a_record(ds: im.Dataset) -> None:
    assert format_organisation_kind(ds.organisation("kyoto"), locale="ko") == "지방정부"


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_rule_summaries(locale: str) -> None:
    texts = {format_rule(code, locale=locale) for code in im.RULES}
    assert len(texts) == len(im.RULES)
    with pytest.raises(im.InvalidValueError, match="code: expected a validation rule code"):
        format_rule("seat.nope", locale=locale)


def test_office_titles_and_portfolios() -> None:
    assert format_office_title("Mayor", locale="ko") == "시장"
    own = im.LocalizedText({"en": "Mayor", "ko": "특례시장"})
    assert format_office_title(own, locale="ko") == "특례시장"
    assert format_office_title("Chief Resilience Officer", locale="ko") == (
        "Chief Resilience Officer"
    )
    assert format_portfolio("Sustainable Urban Mobility", locale="zh_Hans") == "可持续城市交通"
    kept = im.LocalizedText({"en": "Resilience & Climate Adaptation", "de": "Resilienz"})
    assert format_portfolio(kept, locale="de") == "Resilienz"


def test_record_text() -> None:
    name = im.LocalizedText({"en": "Taipei", "zh-Hant": "臺北市", "zh-Hans": "台北市"})
    assert format_text(name, locale="zh_TW") == "臺北市"
    assert format_text(name, locale="zh") == "台北市"
    assert format_text(name, locale="ja") == "Taipei"


# -- people -------------------------------------------------------------------------

KADOKAWA = im.Person(
    id="daisaku-kadokawa",
    given_name="Daisaku",
    family_name="Kadokawa",
    name_order="family_first",
    other_names=[
        im.PersonName(language="ja", family_name="門川", given_name="大作"),
        im.PersonName(language="zh-Hans", family_name="门川", given_name="大作"),
    ],
)
KYOTO = im.LocalizedText({"en": "Kyoto", "ja": "京都市", "zh-Hans": "京都市", "ko": "교토시"})
MAYOR = im.LocalizedText({"en": "Mayor", "ja": "市長"})


@pytest.mark.parametrize(
    ("locale", "name", "with_office"),
    [
        ("en", "Daisaku Kadokawa", "Mayor Daisaku Kadokawa of Kyoto"),
        ("en_GB", "Daisaku Kadokawa", "Mayor Daisaku Kadokawa of Kyoto"),
        ("de", "Daisaku Kadokawa", "Daisaku Kadokawa, Bürgermeister von Kyoto"),
        ("fr", "Daisaku Kadokawa", "Daisaku Kadokawa, maire de Kyoto"),
        ("es", "Daisaku Kadokawa", "Daisaku Kadokawa, alcalde de Kyoto"),
        ("ja", "門川大作", "京都市長 門川大作"),
        ("zh_Hans", "门川大作", "京都市长 门川大作"),
        ("zh_Hant", "Kadokawa Daisaku", "Kyoto 市長 Kadokawa Daisaku"),
        ("ko", "Kadokawa Daisaku", "교토시장 Kadokawa Daisaku"),
        ("mn", "Kadokawa Daisaku", "Хотын дарга Kadokawa Daisaku (Kyoto)"),
    ],
)
def test_people_in_every_locale(locale: str, name: str, with_office: str) -> None:
    assert format_person(KADOKAWA, locale=locale) == name
    assert format_person(KADOKAWA, locale=locale, title=MAYOR, place=KYOTO) == with_office


def test_given_first_names_stay_given_first() -> None:
    bonn = im.Person(id="a", given_name="Ashok", family_name="Sridharan")
    assert format_person(bonn, locale="ko") == "Ashok Sridharan"
    assert format_person(bonn, locale="ko", title="Mayor", place="Bonn") == (
        "Bonn 시장 Ashok Sridharan"
    )


def test_names_in_their_own_script() -> None:
    mongol = im.Person(
        id="s",
        given_name="Sumiyabazar",
        family_name="Dolgorsuren",
        name_order="family_first",
        other_names=[
            im.PersonName(language="mn", family_name="Долгорсүрэн", given_name="Сумъяабазар")
        ],
    )
    assert format_person(mongol, locale="mn") == "Долгорсүрэн Сумъяабазар"
    assert format_person(mongol, locale="en") == "Sumiyabazar Dolgorsuren"
    korean = im.Person(
        id="y",
        given_name="Tae-Young",
        family_name="Yeom",
        name_order="family_first",
        other_names=[im.PersonName(language="ko", family_name="염", given_name="태영")],
    )
    assert format_person(korean, locale="ko", title="Mayor") == "염태영 시장"
    assert format_person(korean, locale="ja") == "Yeom Tae-Young"


def test_honorifics() -> None:
    hamanaka = im.Person(
        id="h", given_name="Hironori", family_name="Hamanaka", honorific_prefix="Prof."
    )
    assert format_person(hamanaka, locale="en") == "Prof. Hironori Hamanaka"
    assert format_person(hamanaka, locale="ko") == "Hironori Hamanaka 교수"
    assert format_person(hamanaka, locale="en", title="Chair") == "Chair Hironori Hamanaka"
    unknown = im.Person(id="x", given_name="Ann", family_name="Lee", honorific_prefix="Sir")
    assert format_person(unknown, locale="de") == "Sir Ann Lee"
    with pytest.raises(im.InvalidValueError, match="person: expected a Person"):
        format_person("Ann Lee", locale="en")  # type: ignore[arg-type]


# -- record summaries -------------------------------------------------------------


def test_event_summaries(ds: im.Dataset) -> None:
    beijing = ds.event("beijing-clean-air-forum-2020")
    assert format_event(beijing, locale="en") == (
        "2020 Beijing International Forum for Metropolitan Clean Air Actions (Forum), July 2020,"
        " Beijing, China (To be confirmed)"
    )
    online = ds.event("east-asia-rexcom-meeting-2020")
    assert format_event(online, locale="ko").endswith("2020년 11월 26일, 온라인")
    timed = im.Event(
        id="webinar",
        name={"en": "Webinar", "ko": "웨비나"},
        kind="session",
        start=pendulum.datetime(2020, 11, 25, 14, tz="Asia/Seoul"),
        end=pendulum.datetime(2020, 11, 25, 16, tz="Asia/Seoul"),
        timezone="Asia/Seoul",
        attendance="hybrid",
        place=im.Place(locality={"en": "Seoul", "ko": "서울"}, country="KR"),
    )
    assert format_event(timed, locale="ko") == (
        "웨비나(세션), 2020년 11월 25일 오후 2:00~4:00 GMT+09:00, 대한민국 서울 및 온라인"
    )
    with pytest.raises(im.InvalidValueError, match="event: expected an Event"):
        format_event(ds, locale="en")  # type: ignore[arg-type]


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_record_summarises_in_every_locale(ds: im.Dataset, locale: str) -> None:
    for event in ds.events:
        assert format_text(event.name, locale=locale) in format_event(event, locale=locale)
    for initiative in ds.initiatives:
        assert initiative.name.get("en") in format_initiative(initiative, locale=locale)
    for mandate in ds.mandates:
        text = format_mandate(mandate, ds, locale=locale)
        assert ds.person(mandate.holder).family_name in text
    for commitment in ds.commitments:
        text = format_commitment(commitment, ds, locale=locale)
        assert format_text(ds.organisation(commitment.organisation).name, locale=locale) in text
        assert format_label(commitment.status, locale=locale) in text


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
@pytest.mark.parametrize("kind", list(im.CommitmentKind))
def test_commitment_summaries_in_every_locale(ds: im.Dataset, locale: str, kind: str) -> None:
    # Every part in the locale: the kind and status from the catalogs, the dates from CLDR.
    pledge = im.Commitment(
        id="pledge",
        organisation="kyoto",
        kind=kind,
        text={"en": "Something else"} if kind == "other" else None,
        target_year=im.PartialDate(2050),
        made=im.PartialDate(2020, 10),
    )
    text = format_commitment(pledge, ds, locale=locale)
    what = "Something else" if kind == "other" else format_label(pledge.kind, locale=locale)
    for part in (
        what,
        format_label(im.CommitmentStatus.ANNOUNCED, locale=locale),
        format_partial_date(im.PartialDate(2050), locale=locale),
        format_partial_date(im.PartialDate(2020, 10), locale=locale),
    ):
        assert part in text, (part, text)
    if locale not in ("en", "en_GB"):  # the English words of the templates are translated
        assert " by " not in text
        assert format_label(pledge.kind, locale=locale) != format_label(
            pledge.kind, locale="en"
        ) or (kind == "other")


def test_commitment_summaries(ds: im.Dataset) -> None:
    coal = ds.commitment("new-taipei-coal-free-2023")
    assert (
        format_commitment(coal, ds, locale="en") == "New Taipei: Be coal-free by 2023 (Announced)"
    )
    # words that give the target year are not followed by it again
    kyoto = ds.commitment("kyoto-zero-emission-2050")
    assert format_commitment(kyoto, ds, locale="en").count("2050") == 1
    seoul = ds.commitment("seoul-green-new-deal")
    july = format_partial_date(im.PartialDate(2020, 7), locale="zh_Hant")  # from CLDR
    assert format_commitment(seoul, ds, locale="zh_Hant").endswith(f"（已宣布，{july}）")
    with pytest.raises(im.InvalidValueError, match="commitment: expected a Commitment"):
        format_commitment(ds, ds, locale="en")  # type: ignore[arg-type]


def test_initiative_summaries(ds: im.Dataset) -> None:
    phase = ds.initiative("urban-rural-assembly-definition-phase")
    assert format_initiative(phase, locale="en_GB") == (
        "Urban-Rural Assembly, Definition Phase (Phase, April 2019\u2009–\u2009September 2020):"
        " Equitable and people-centred development"
    )
    first = ds.initiative("urban-transitions-alliance-phase-1")
    assert "(Fase, hasta 2019)" in format_initiative(first, locale="es", pathways=False)


def test_mandate_summaries(ds: im.Dataset) -> None:
    yeom = next(m for m in ds.mandates if m.holder == "tae-young-yeom" and m.proxies)
    assert format_mandate(yeom, ds, locale="en") == (
        "Mayor Tae-Young Yeom of Suwon: Member, ICLEI East Asia Regional Executive Committee,"
        " 2021\u2009–\u20092024; proxy: Vice Mayor Moo Young Jo"
    )
    assert format_mandate(yeom, ds, locale="zh_Hans", body_and_term=False) == (
        "Suwon 市长 Yeom Tae-Young：成员；代理：副市长 Jo Moo Young"
    )


def test_minimum_grouping_follows_cldrs_inheritance() -> None:
    # es sets minimumGroupingDigits to 2; es_419 (Latin America) sets it back to 1.
    assert format_number(Decimal("1234.5"), locale="es_MX") == "1,234.5"
    assert format_number(Decimal("1234.5"), locale="es_419") == "1,234.5"
    assert format_number(Decimal("1234.5"), locale="es_ES") == "1234,5"
    assert format_percent(Decimal("12.34"), locale="es") == f"1234{NBSP}%"
    assert format_percent(Decimal("123.45"), locale="es") == f"12.345{NBSP}%"


def test_compact_numbers_round_before_the_magnitude_is_chosen() -> None:
    # The same on every Babel release: 999,950 is 1.0 million at one fraction digit.
    assert format_compact(999_950, locale="en") == "1M"
    assert format_compact(-999_950, locale="en") == "-1M"
    assert format_compact(99_999_999, locale="ja") == "1億"
    assert format_compact(9_999_999, locale="en", fraction_digits=0) == "10M"
    assert format_compact(950, locale="en") == "950"
    for bad in (-1, 7, 1.5, True):
        with pytest.raises(im.InvalidValueError, match="fraction_digits: expected a whole number"):
            format_compact(1, locale="en", fraction_digits=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_numbers_beyond_the_default_decimal_precision(locale: str) -> None:
    huge = Decimal("1E+30")
    digits = format_number(huge, locale=locale)
    assert digits.count("0") == 30, digits
    for unit in im.Unit:
        text = format_quantity(im.Quantity(value=huge, unit=unit), locale=locale)
        assert text.count("0") == 30, (unit, text)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_fractions_beyond_the_default_decimal_precision(locale: str) -> None:
    # the plural form of 999...9.5 (31 digits) is picked modulo 10, 100...: not refused
    huge = Decimal("9" * 30 + ".5")
    for unit in im.Unit:
        text = format_quantity(im.Quantity(value=huge, unit=unit), locale=locale)
        if unit is im.Unit.PERCENT:  # shown whole: rounded half to even, up to 10^30
            assert text.count("0") == 30, text
            assert "9" not in text, text
        else:
            assert text.count("9") == 30, (unit, text)
    largest = Decimal("9" * 100 + "." + "9" * 100)
    assert format_number(largest, locale=locale).count("0") == 100  # rounded up to 10^100


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
@pytest.mark.parametrize("role", list(im.ParticipationRole))
def test_participation_summaries_in_every_locale(ds: im.Dataset, locale: str, role: str) -> None:
    # Every part in the locale: the role from the catalogs, the dates from CLDR.
    part = im.Participation(
        government="kyoto", role=role, since=im.PartialDate(2019, 8), until=im.PartialDate(2021)
    )
    text = format_participation(part, ds, locale=locale)
    for piece in (
        format_text(ds.organisation("kyoto").name, locale=locale),
        format_label(part.role, locale=locale),
        format_date_range(im.PartialDate(2019, 8), im.PartialDate(2021), locale=locale),
    ):
        assert piece in text, (piece, text)
    since = im.Participation(government="kyoto", role=role, since=im.PartialDate(2019))
    assert format_partial_date(im.PartialDate(2019), locale=locale) in format_participation(
        since, ds, locale=locale
    )
    bare = format_participation(im.Participation(government="kyoto", role=role), ds, locale=locale)
    assert "2019" not in bare
    assert bare.endswith(format_label(part.role, locale=locale))


def test_participation_summaries(ds: im.Dataset) -> None:
    coalition = ds.initiative("green-circular-cities-coalition")
    lines = [format_participation(p, ds, locale="en") for p in coalition.participations]
    assert "Changchun: Member, since 2019" in lines
    with pytest.raises(im.InvalidValueError, match="participation: expected a Participation"):
        format_participation(coalition, ds, locale="en")  # type: ignore[arg-type]
