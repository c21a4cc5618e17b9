"""pages/_tables.py: a table's numbers in English stay numbers with their printf format; in
Ukrainian they are written as Babel writes them ("121 511,2")."""

import pandas as pd

from pages._tables import Number, numbers_in_language

NBSP = "\u00a0"
TABLE = pd.DataFrame({"a": [121_511.24, -19_693.0, None], "year": [2022, 2021, None],
                      "difference": [2.99, -3.3, 0.0]})
COLUMNS = {"a": Number("A", "%,.1f"), "year": Number("Year", "%d"),
           "difference": Number("B − A", "%+,.1f")}


def test_an_english_table_is_left_as_it_is_with_its_formats():
    table, config = numbers_in_language(TABLE, COLUMNS, "en")
    assert table is TABLE
    assert config["a"]["type_config"]["format"] == "%,.1f"
    assert config["difference"]["label"] == "B − A"


def test_a_ukrainian_table_writes_grouped_numbers_with_a_decimal_comma():
    table, _ = numbers_in_language(TABLE, COLUMNS, "uk")
    assert list(table["a"]) == [f"121{NBSP}511,2", f"-19{NBSP}693,0", ""]


def test_a_year_is_written_without_grouping_and_a_difference_with_its_sign():
    table, _ = numbers_in_language(TABLE, COLUMNS, "uk")
    assert list(table["year"]) == ["2022", "2021", ""]
    assert list(table["difference"]) == ["+3,0", "-3,3", "0,0"]


def test_a_ukrainian_table_is_shown_as_text_under_the_same_labels():
    _, config = numbers_in_language(TABLE, COLUMNS, "uk")
    assert config["a"]["type_config"]["type"] == "text"
    assert config["a"]["label"] == "A"
