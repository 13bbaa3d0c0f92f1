"""People's names in a locale's order, with their titles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from iclei_model._base.i18n import LocaleArg, get_locale, tr
from iclei_model._base.messages import show
from iclei_model._model.records import (
    Organisation,
    Person,
    PersonName,
)
from iclei_model._model.text import LocalizedText, language_fallbacks
from iclei_model.errors import InvalidValueError

from ._text import _tag, fill, format_text
from ._vocabulary import format_office_title

if TYPE_CHECKING:
    import babel


__all__ = ["format_person"]

# Languages whose names are written family name first, with no space in their own
# script (Mongolian Cyrillic keeps the space).
_FAMILY_FIRST_LANGUAGES = frozenset({"zh", "ja", "ko", "mn"})
_NO_SPACE_SCRIPT_LANGUAGES = frozenset({"zh", "ja", "ko"})


def _native_name(person: Person, locale: babel.Locale) -> PersonName | None:
    for tag in language_fallbacks(_tag(locale)):
        for name in person.other_names:
            if name.language == tag:
                return name
    return None


def _name_text(person: Person, locale: babel.Locale) -> str:
    native = _native_name(person, locale)
    if native is not None:
        language = native.language.split("-")[0]
        parts = [native.family_name, native.given_name]
        if language not in _FAMILY_FIRST_LANGUAGES:
            parts.reverse()
        joiner = "" if language in _NO_SPACE_SCRIPT_LANGUAGES else " "
        return joiner.join(p for p in parts if p)
    family_first = locale.language in _FAMILY_FIRST_LANGUAGES
    return person.display_name(native_order=family_first)


def format_person(
    person: Person,
    *,
    locale: LocaleArg,
    title: LocalizedText | str | None = None,
    place: Organisation | LocalizedText | str | None = None,
) -> str:
    """A person's name in the locale's order, with an office title and its place.

    Names are given name first in Latin script; in Chinese, Japanese, Korean and
    Mongolian the family name comes first for people whose names are written so.
    A name the record holds in the locale's own script is used.

    ```pycon
    >>> from iclei_model import Person, PersonName
    >>> kadokawa = Person(
    ...     id="daisaku-kadokawa", given_name="Daisaku", family_name="Kadokawa",
    ...     name_order="family_first",
    ...     other_names=[PersonName(language="ja", family_name="門川", given_name="大作")],
    ... )
    >>> kyoto = LocalizedText({"en": "Kyoto", "ja": "京都市"})
    >>> mayor = LocalizedText({"en": "Mayor", "ja": "市長"})
    >>> print(format_person(kadokawa, title=mayor, place=kyoto, locale="en"))
    Mayor Daisaku Kadokawa of Kyoto
    >>> print(format_person(kadokawa, title=mayor, place=kyoto, locale="ja"))
    京都市長 門川大作
    >>> print(format_person(kadokawa, locale="ko"))
    Kadokawa Daisaku
    >>> print(format_person(kadokawa, title="Mayor", locale="de"))
    Daisaku Kadokawa, Bürgermeister

    ```

    An honorific shows where no office title is given:

    ```pycon
    >>> hamanaka = Person(id="h", given_name="Hironori", family_name="Hamanaka",
    ...                   name_order="family_first", honorific_prefix="Prof.")
    >>> format_person(hamanaka, locale="en"), format_person(hamanaka, locale="ja")
    ('Prof. Hironori Hamanaka', 'Hamanaka Hironori 教授')

    ```
    """
    if not isinstance(person, Person):
        raise InvalidValueError(f"person: expected a Person, got {show(person)}")
    loc = get_locale(locale)
    name = _name_text(person, loc)
    if title is None:
        if person.honorific_prefix is None:
            return name
        honorific = tr(loc, "honorific", person.honorific_prefix)
        return fill(tr(loc, "person", "{honorific} {name}"), honorific=honorific, name=name)
    title_text = format_office_title(title, locale=loc)
    if place is None:
        return fill(tr(loc, "person", "{title} {name}"), title=title_text, name=name)
    if isinstance(place, Organisation):
        place = place.name
    elif isinstance(place, str):
        place = LocalizedText.en(place)
    place_text = format_text(place, locale=loc)
    template = tr(loc, "person", "{title} {name} of {place}")
    return fill(template, title=title_text, name=name, place=place_text)
