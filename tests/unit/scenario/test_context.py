"""The negotiation timeline and the positions on the table (geo/scenario/context.py): every row
cited and dated, the timeline in order, every proposal of the brief linked to its scenario; the
text in English and in Ukrainian, every row in both, dates written out in each."""

import csv
from pathlib import Path

import pytest

from geo.paths import DATA_DIR
from geo.scenario.context import (POSITIONS_COLUMNS, POSITIONS_FILE, POSITIONS_TEXT,
                                  TIMELINE_COLUMNS, TIMELINE_FILE, TIMELINE_TEXT, ContextDataError,
                                  date_text, is_partial_date, linked_presets, load_positions,
                                  load_timeline, parties, text_column)
from geo.scenario.proposals import PROPOSALS

#: The proposals of ../shared/CONTEXT.md that the map can draw.
CONTEXT_PRESETS = {"freeze", "donbas", "claims", "plan28", "swap", "mutual"}


@pytest.fixture(scope="module")
def timeline():
    return load_timeline()


@pytest.fixture(scope="module")
def positions():
    return load_positions()


def test_every_timeline_event_has_a_date_a_source_and_a_source_date(timeline):
    assert list(timeline.columns) == TIMELINE_COLUMNS
    for column in ("date", "event", "source", "source_date"):
        assert (timeline[column].str.len() > 0).all(), column
    assert timeline["date"].map(is_partial_date).all()
    assert timeline["source_date"].map(is_partial_date).all()


def test_the_timeline_is_in_chronological_order(timeline):
    assert timeline["sort_key"].is_monotonic_increasing
    assert timeline["date"].iloc[0] == "2014"
    assert timeline["date"].iloc[-1] == "2026-01-06"


def test_the_timeline_has_the_events_of_the_brief(timeline):
    assert {"2014", "2022-02-24", "2025-11", "2025-12", "2026-01-06"} <= set(timeline["date"])


def test_every_position_has_a_party_a_source_and_a_date(positions):
    assert list(positions.columns) == POSITIONS_COLUMNS
    for column in ("party", "position", "as_of", "source"):
        assert (positions[column].str.len() > 0).all(), column
    assert positions["as_of"].map(is_partial_date).all()


def test_every_proposal_of_the_brief_is_linked_to_its_scenario(positions):
    assert set(linked_presets(positions)) == CONTEXT_PRESETS


def test_links_name_only_scenarios_the_map_knows(positions):
    assert set(linked_presets(positions)) <= set(PROPOSALS)


def test_the_parties_of_the_brief_are_all_there(positions):
    assert {"Russia", "Ukraine", "United States", "UK and France"} <= set(parties(positions))


def test_parties_come_in_the_order_they_first_appear(positions):
    assert parties(positions)[:2] == ["Russia", "Ukraine"]


def test_no_military_hub_is_given_a_location(positions):
    hubs = positions[positions["position"].str.contains("hubs")]
    assert len(hubs) == 1
    assert "not been made public" in hubs["position"].iloc[0]


@pytest.mark.parametrize("text", ["2014", "2025-11", "2026-01-06", "2025-12/2026-01"])
def test_a_date_may_be_as_coarse_as_its_source(text):
    assert is_partial_date(text)


@pytest.mark.parametrize("text", ["", "late 2025", "2025-1", "06.01.2026", "2025-12/"])
def test_anything_else_is_not_a_date(text):
    assert not is_partial_date(text)


def write(folder: Path, name: str, text: str) -> Path:
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_timeline_row_without_a_source_is_refused_with_its_line(tmp_path):
    write(tmp_path, "timeline.csv", "date,sort_key,event,source,source_date\n"
                                   "2014,2014-01-01,Something happened.,BBC,2026-01-06\n"
                                   "2015,2015-01-01,Something else.,,2026-01-06\n")
    with pytest.raises(ContextDataError, match="'source' on line.* 3"):
        load_timeline(tmp_path)


def test_a_timeline_sort_key_must_be_a_full_date(tmp_path):
    write(tmp_path, "timeline.csv", "date,sort_key,event,source,source_date\n"
                                   "2014,2014,Something happened.,BBC,2026-01-06\n")
    with pytest.raises(ContextDataError, match="sort_key"):
        load_timeline(tmp_path)


def test_the_timeline_is_sorted_whatever_the_file_order_and_ties_keep_it(tmp_path):
    write(tmp_path, "timeline.csv", "date,sort_key,event,source,source_date\n"
                                   "2026-01-06,2026-01-06,Third.,BBC,2026-01-06\n"
                                   "2025-12,2025-12-01,First.,BBC,2026-01-06\n"
                                   "2025-12/2026-01,2025-12-01,Second.,BBC,2026-01-06\n")
    assert list(load_timeline(tmp_path)["event"]) == ["First.", "Second.", "Third."]


def test_a_position_with_an_unknown_preset_is_refused(tmp_path):
    write(tmp_path, "positions.csv", "party,position,as_of,source,preset\n"
                                    "Russia,Wants it all.,2026-01-06,BBC,everything\n")
    with pytest.raises(ContextDataError, match="unknown preset.*everything"):
        load_positions(tmp_path)


def test_a_position_without_a_date_is_refused(tmp_path):
    write(tmp_path, "positions.csv", "party,position,as_of,source,preset\n"
                                    "Russia,Wants it all.,,BBC,\n")
    with pytest.raises(ContextDataError, match="'as_of'"):
        load_positions(tmp_path)


def test_a_missing_column_is_named(tmp_path):
    write(tmp_path, "positions.csv", "party,position,as_of\nRussia,Wants it all.,2026-01-06\n")
    with pytest.raises(ContextDataError, match="source"):
        load_positions(tmp_path)


# The same tables in Ukrainian.

NNBSP = "\u202f"  # Babel's narrow no-break space before "р."


@pytest.fixture(scope="module")
def timeline_uk():
    return load_timeline(lang="uk")


@pytest.fixture(scope="module")
def positions_uk():
    return load_positions(lang="uk")


@pytest.mark.parametrize(("name", "columns"), [(TIMELINE_FILE, TIMELINE_TEXT),
                                               (POSITIONS_FILE, POSITIONS_TEXT)])
def test_every_row_of_the_shipped_files_has_its_ukrainian_text(name, columns):
    with (DATA_DIR / name).open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    for line, row in enumerate(rows, start=2):
        for column in columns:
            assert row[f"{column}_uk"].strip(), f"{name} line {line}: {column}_uk is empty"


def test_the_ukrainian_timeline_is_the_english_one_in_ukrainian(timeline, timeline_uk):
    assert list(timeline_uk.columns) == TIMELINE_COLUMNS
    for column in ("date", "sort_key", "source_date"):
        assert list(timeline_uk[column]) == list(timeline[column])
    assert timeline_uk["event"].iloc[1] == "Росія розпочала повномасштабне вторгнення в Україну."
    assert set(timeline_uk["source"]) == {"Репортаж BBC News з Києва", "Повідомлення ЗМІ"}


def test_the_ukrainian_positions_keep_the_parties_order_and_the_links(positions, positions_uk):
    assert list(positions_uk.columns) == POSITIONS_COLUMNS
    assert parties(positions_uk) == ["Росія", "Україна", "Сполучені Штати",
                                     "Велика Британія і Франція", "Україна і Сполучені Штати",
                                     "Ще не узгоджено"]
    assert list(positions_uk["preset"]) == list(positions["preset"])
    assert list(positions_uk["as_of"]) == list(positions["as_of"])


def test_no_ukrainian_text_is_left_in_english(timeline_uk, positions_uk):
    for table, columns in ((timeline_uk, TIMELINE_TEXT), (positions_uk, POSITIONS_TEXT)):
        for column in columns:
            # Every text has Cyrillic words; source names (BBC News) may stay in Latin.
            assert table[column].str.contains("[а-яіїєґ]{3}").all(), column


def test_no_military_hub_is_given_a_location_in_ukrainian_either(positions_uk):
    hubs = positions_uk[positions_uk["position"].str.contains("хаби")]
    assert len(hubs) == 1
    assert "не оприлюднено" in hubs["position"].iloc[0]


BOTH = ("date,sort_key,event,event_uk,source,source_uk,source_date\n"
        "2014,2014-01-01,Something happened.,Щось сталося.,BBC,Бі-Бі-Сі,2026-01-06\n")


def test_a_timeline_is_read_in_the_language_asked(tmp_path):
    write(tmp_path, "timeline.csv", BOTH)
    english = load_timeline(tmp_path)
    ukrainian = load_timeline(tmp_path, lang="uk")
    assert english.iloc[0].to_dict() == {"date": "2014", "sort_key": "2014-01-01",
                                         "event": "Something happened.", "source": "BBC",
                                         "source_date": "2026-01-06"}
    assert ukrainian.iloc[0].to_dict() == {"date": "2014", "sort_key": "2014-01-01",
                                           "event": "Щось сталося.", "source": "Бі-Бі-Сі",
                                           "source_date": "2026-01-06"}


def test_a_position_is_read_in_the_language_asked(tmp_path):
    write(tmp_path, "positions.csv",
          "party,party_uk,position,position_uk,as_of,source,source_uk,preset\n"
          "Russia,Росія,Wants it all.,Хоче все.,2026-01-06,BBC,Бі-Бі-Сі,claims\n")
    assert load_positions(tmp_path, lang="uk").iloc[0].to_dict() == {
        "party": "Росія", "position": "Хоче все.", "as_of": "2026-01-06", "source": "Бі-Бі-Сі",
        "preset": "claims"}
    assert load_positions(tmp_path).iloc[0]["position"] == "Wants it all."


def test_a_row_without_its_ukrainian_text_is_refused_in_ukrainian_with_its_line(tmp_path):
    write(tmp_path, "timeline.csv", BOTH + "2015,2015-01-01,Something else.,,BBC,Бі-Бі-Сі,"
                                           "2026-01-06\n")
    with pytest.raises(ContextDataError, match="empty 'event_uk' on line.* 3"):
        load_timeline(tmp_path, lang="uk")
    assert len(load_timeline(tmp_path)) == 2


def test_a_file_without_ukrainian_columns_is_refused_only_in_ukrainian(tmp_path):
    write(tmp_path, "timeline.csv", "date,sort_key,event,source,source_date\n"
                                   "2014,2014-01-01,Something happened.,BBC,2026-01-06\n")
    assert len(load_timeline(tmp_path)) == 1
    with pytest.raises(ContextDataError, match="missing column.*event_uk, source_uk"):
        load_timeline(tmp_path, lang="uk")


def test_a_language_the_atlas_does_not_offer_is_refused(tmp_path):
    write(tmp_path, "timeline.csv", BOTH)
    with pytest.raises(ValueError, match="'de' is not a language"):
        load_timeline(tmp_path, lang="de")


def test_the_text_columns_have_the_language_as_suffix():
    assert text_column("event", "en") == "event"
    assert text_column("event", "uk") == "event_uk"


@pytest.mark.parametrize("text", ["2014", "2025-11", "2026-01-06", "2025-12/2026-01"])
def test_dates_are_written_in_english_as_they_are(text):
    assert date_text(text) == date_text(text, "en") == text


@pytest.mark.parametrize(("text", "written"), [
    ("2014", "2014"),
    ("2025-11", f"листопад 2025{NNBSP}р."),
    ("2026-01-06", f"6 січня 2026{NNBSP}р."),
    ("2025-12/2026-01", f"грудень 2025{NNBSP}р. – січень 2026{NNBSP}р."),
])
def test_dates_are_written_out_in_ukrainian_as_precise_as_their_source(text, written):
    assert date_text(text, "uk") == written


def test_only_a_date_as_precise_as_a_source_is_written_out():
    with pytest.raises(ValueError, match="'late 2025' is not a date"):
        date_text("late 2025", "uk")
