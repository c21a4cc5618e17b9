"""The negotiation timeline and the positions on the table (geo/scenario/context.py): every row
cited and dated, the timeline in order, every proposal of the brief linked to its scenario."""

from pathlib import Path

import pytest

from geo.scenario.context import (POSITIONS_COLUMNS, TIMELINE_COLUMNS, ContextDataError,
                                  is_partial_date, linked_presets, load_positions, load_timeline,
                                  parties)
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
