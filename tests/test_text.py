import pytest

from iclei_model import InvalidValueError, LocalizedText
from iclei_model._model.text import normalize_language_tag


def test_fallback_chain() -> None:
    t = LocalizedText({"en": "Kyoto", "ja": "京都市", "zh-Hans": "京都"})
    assert t.get("ja_JP") == "京都市"
    assert t.get("zh_Hans_CN") == "京都"
    assert t.get("ko") == "Kyoto"
    assert LocalizedText({"ja": "京都市"}).get("de") == "京都市"
    assert t.get("de", fallbacks=("ja",)) == "京都市"


def test_equality_ignores_key_order_and_hashes() -> None:
    a = LocalizedText({"en": "Seoul", "ko": "서울"})
    b = LocalizedText({"ko": "서울", "en": "Seoul"})
    assert a == b
    assert hash(a) == hash(b)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({}, "expected at least one language, got none"),
        ({"EN": "x"}, "expected a language tag like 'en', 'ja' or 'zh-Hant', got \"EN\""),
        ({"en": "  "}, r"LocalizedText\['en'\]: expected non-empty text, got \"  \""),
        ("Kyoto", "expected a mapping of language tags to text, got the string 'Kyoto'"),
    ],
)
def test_rejects(value: object, message: str) -> None:
    with pytest.raises(InvalidValueError, match=message):
        LocalizedText(value)  # type: ignore[arg-type]


def test_normalize() -> None:
    assert normalize_language_tag("zh_hant_tw") == "zh-Hant-TW"
    assert normalize_language_tag("EN-gb") == "en-GB"
