import pytest

from storyline import countries


@pytest.mark.parametrize(
    "name, code",
    [("U.S.", "USA"), ("the United States", "USA"), ("Iran’s", "IRN"), ("Gaza", "PSE"), ("France", "FRA"),
     ("Germany", "DEU"), ("Russia", "RUS"), ("White House", "USA"), ("Kremlin", "RUS"), ("Middle East", None)],
)
def test_countries_of_places(name, code):
    assert countries.country_of_place(name) == code


@pytest.mark.parametrize("word, code", [("Israeli", "ISR"), ("Qatari", "QAT"), ("Israelis", "ISR"), ("Axios", None)])
def test_countries_of_demonyms(word, code):
    assert countries.country_of_demonym(word) == code


def test_countries_unknown_place_is_none():
    assert countries.place("Springfield Gardens") is None
    assert countries.country_name("ISR") == "Israel"
