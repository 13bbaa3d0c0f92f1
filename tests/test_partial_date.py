import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iclei_model import InvalidValueError, PartialDate, Precision


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)))
    precision = draw(st.sampled_from(Precision))
    if precision is Precision.YEAR:
        return PartialDate(day.year)
    if precision is Precision.MONTH:
        return PartialDate(day.year, day.month)
    return PartialDate.from_date(day)


@pytest.mark.parametrize(
    ("text", "precision"),
    [("2019", Precision.YEAR), ("2019-04", Precision.MONTH), ("2019-04-15", Precision.DAY)],
)
def test_parse_keeps_precision(text: str, precision: Precision) -> None:
    d = PartialDate.parse(text)
    assert d.precision is precision
    assert d.isoformat() == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("June", 'expected a date like 2019, 2019-06 or 2019-06-10, got "June"'),
        ("2019-4", 'got "2019-4"'),
        ("2019-13", "month: expected 1 to 12, got 13"),
        (
            "2019-02-29",
            'expected a real date, got "2019-02-29" (day: expected 1 to 28 for 2019-02, got 29)',
        ),
        ("0000", "year: expected 1 to 9999, got 0"),
        (" 2019", 'got " 2019"'),
        ("\u0662\u0660\u0661\u0669", "expected a date like 2019"),  # digits of another script
    ],
)
def test_parse_rejects(text: str, message: str) -> None:
    with pytest.raises(InvalidValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        PartialDate.parse(text)


def test_constructor_rejects_day_without_month() -> None:
    with pytest.raises(InvalidValueError, match="a day needs a month"):
        PartialDate(2019, None, 5)


def test_constructor_rejects_non_int() -> None:
    with pytest.raises(
        InvalidValueError, match=r"PartialDate\.month: expected an int, got str '4'"
    ):
        PartialDate(2019, "4")  # type: ignore[arg-type]


def test_first_and_last_day() -> None:
    assert PartialDate(2020, 2).last_day() == datetime.date(2020, 2, 29)
    assert PartialDate(2019).first_day() == datetime.date(2019, 1, 1)
    assert PartialDate(2019, 4, 15).last_day() == datetime.date(2019, 4, 15)


def test_contains_dates_and_partial_dates() -> None:
    july = PartialDate(2019, 7)
    assert july.contains(datetime.date(2019, 7, 31))
    assert not july.contains(datetime.date(2019, 8, 1))
    assert july.contains(PartialDate(2019, 7, 1))
    assert not july.contains(PartialDate(2019))
    assert july.contains(datetime.datetime(2019, 7, 3, 12))


@given(partial_dates())
def test_roundtrip_iso(d: PartialDate) -> None:
    assert PartialDate.parse(d.isoformat()) == d


@given(partial_dates(), partial_dates())
def test_order_is_total_and_consistent(a: PartialDate, b: PartialDate) -> None:
    assert (a < b) + (a == b) + (a > b) == 1
    if a < b:
        assert a.first_day() <= b.first_day()
    assert (a == b) == (a.isoformat() == b.isoformat())


@given(partial_dates(), st.dates())
def test_contains_matches_day_range(d: PartialDate, day: datetime.date) -> None:
    assert d.contains(day) == (d.first_day() <= day <= d.last_day())


@given(partial_dates())
def test_coarser_sorts_before_the_dates_it_contains(d: PartialDate) -> None:
    year = PartialDate(d.year)
    assert year <= d
    assert year.contains(d)
