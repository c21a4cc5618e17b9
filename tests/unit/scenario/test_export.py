"""Exports of a scenario: GeoJSON of its zones and lines, CSV of its per-oblast table, and
``python -m geo export``; on the real data, mutual 15/15 km pull-back on 2026-01-06."""

import dataclasses
import io
import json
from contextlib import redirect_stderr, redirect_stdout

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from geo.cli.main import main
from geo.scenario.export import impact_csv, scenario_csv, scenario_geojson
from geo.scenario.impact import BY_OBLAST_COLUMNS
from geo.scenario.proposal_time import as_payload, evaluation_time


@pytest.fixture(scope="module")
def collection(evaluation):
    return scenario_geojson(evaluation)


@pytest.fixture(scope="module")
def reloaded(collection, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "mutual.geojson"
    path.write_text(json.dumps(collection), encoding="utf-8")
    return gpd.read_file(path)


def zone_km2(frame: gpd.GeoDataFrame, kind: str) -> float:
    return float(frame[frame["kind"] == kind].to_crs("EPSG:3035").area.sum()) / 1e6


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("kind, figure", [("russian-held", "russian_held_km2"),
                                          ("ukrainian-held", "ukrainian_held_km2"),
                                          ("demilitarised", "dmz_km2")])
def test_a_reloaded_zone_has_the_area_of_the_impact(reloaded, evaluation, kind, figure):
    assert zone_km2(reloaded, kind) == pytest.approx(getattr(evaluation.impact, figure),
                                                     rel=1e-3)


def test_each_zone_states_its_own_area_in_km2(collection, reloaded):
    for feature in collection["features"][:3]:
        kind = feature["properties"]["kind"]
        assert feature["properties"]["area_km2"] == pytest.approx(zone_km2(reloaded, kind),
                                                                   rel=1e-3)


def test_there_is_one_feature_per_zone_then_one_per_line(collection, evaluation):
    kinds = [f["properties"]["kind"] for f in collection["features"]]
    assert kinds == ["russian-held", "ukrainian-held", "demilitarised",
                     *(line.kind for line in evaluation.zones.lines)]


def test_a_line_carries_its_label_and_length_in_km(collection, evaluation):
    lines = [f for f in collection["features"] if f["geometry"]["type"].endswith("LineString")]
    assert sum(f["properties"]["length_km"] for f in lines) == pytest.approx(
        evaluation.impact.line_km, abs=0.2)
    assert all(f["properties"]["label"].startswith("Zone edge") for f in lines)


def test_coordinates_are_longitude_latitude_inside_ukraine(collection):
    minx, miny, maxx, maxy = shapely.total_bounds(
        [shapely.geometry.shape(f["geometry"]) for f in collection["features"]])
    assert 22.0 < minx < maxx < 40.3
    assert 44.3 < miny < maxy < 52.4


def test_coordinates_are_rounded_to_five_decimals_but_where_a_ring_was_repaired(collection):
    xy = shapely.get_coordinates(
        [shapely.geometry.shape(f["geometry"]) for f in collection["features"]])
    on_grid = (np.round(xy, 5) == xy).all(axis=1)
    assert on_grid.mean() > 0.99


def test_every_zone_is_a_valid_geometry_after_rounding(collection):
    zones = [shapely.geometry.shape(f["geometry"]) for f in collection["features"][:3]]
    assert all(zone.is_valid for zone in zones)


def test_the_collection_names_its_scenario_and_snapshot(collection):
    assert collection["preset"] == "mutual"
    assert collection["params"] == {"ua_km": "15", "ru_km": "15"}
    assert collection["snapshot_date"] == "2026-01-06"
    assert collection["generated_by"] == "Ceasefire Atlas"


def test_the_collection_carries_the_attribution(collection):
    attribution = " ".join(collection["attribution"])
    assert "DeepStateMap" in attribution
    assert "Natural Earth" in attribution
    assert "GeoNames" in attribution


def test_an_empty_zone_has_no_feature(evaluation):
    without_zone = dataclasses.replace(
        evaluation, zones=dataclasses.replace(evaluation.zones, dmz=shapely.MultiPolygon()))
    kinds = {f["properties"]["kind"] for f in scenario_geojson(without_zone)["features"]}
    assert "demilitarised" not in kinds


@pytest.fixture(scope="module")
def time(evaluation):
    return evaluation_time(evaluation)


def test_the_collection_carries_the_time_to_take_as_the_command_line_gives_it(collection,
                                                                             time):
    assert collection["time_to_take"] == as_payload(time)
    assert [w["window_months"] for w in collection["time_to_take"]["windows"]] == [3, 6, 12]
    assert "not a forecast" in collection["time_to_take"]["caveat"]


def test_a_given_time_to_take_is_exported_as_given(evaluation, time):
    shorter = dataclasses.replace(time, russia=time.russia[1:2])
    exported = scenario_geojson(evaluation, time=shorter)["time_to_take"]["windows"]
    assert [w["window_months"] for w in exported] == [6]


def test_the_time_to_take_survives_a_round_trip_through_json(collection):
    again = json.loads(json.dumps(collection))
    assert again["time_to_take"] == collection["time_to_take"]


def test_the_csv_has_the_time_to_take_as_columns_per_window(evaluation, time):
    table = pd.read_csv(io.StringIO(scenario_csv(evaluation, time=time)))
    assert len(table) == 27
    added = [c for c in table.columns if c not in BY_OBLAST_COLUMNS]
    assert added == [f"{name.format(m)}" for m in (3, 6, 12)
                     for name in ("pace_{}m_window", "pace_{}m_km2_per_month",
                                  "months_to_take_{}m", "taken_by_{}m")]
    rows = table.set_index("iso_3166_2")
    head = time.headline
    for oblast in head.oblasts:
        row = rows.loc[oblast.iso_3166_2]
        assert row["pace_6m_window"] == f"{head.start.isoformat()}/{head.end.isoformat()}"
        assert row["taken_by_6m"] == (oblast.by.isoformat() if oblast.by
                                      else "not at this pace")
    # Units the scenario hands nothing of are left empty.
    untouched = rows.drop(index=[o.iso_3166_2 for o in head.oblasts])
    assert untouched["taken_by_6m"].isna().all()


def test_the_slowest_unit_of_the_csv_gives_the_whole_handovers_day(evaluation, time):
    table = pd.read_csv(io.StringIO(impact_csv(evaluation.impact, time=time)))
    days = [d for d in table["taken_by_6m"].dropna() if d != "not at this pace"]
    assert max(days) == time.headline.by.isoformat()


def test_without_a_time_to_take_the_csv_is_the_impact_table_alone(evaluation):
    assert impact_csv(evaluation.impact).splitlines()[0] == ",".join(BY_OBLAST_COLUMNS)


def test_the_csv_starts_with_its_header(evaluation):
    assert impact_csv(evaluation.impact).splitlines()[0] == ",".join(BY_OBLAST_COLUMNS)


def test_the_csv_matches_the_impact_table_within_rounding(evaluation):
    table = pd.read_csv(io.StringIO(impact_csv(evaluation.impact)))
    expected = evaluation.impact.by_oblast
    assert list(table["iso_3166_2"]) == list(expected["iso_3166_2"])
    assert list(table["name"]) == list(expected["name"])
    for column in ("pct_before", "pct_after"):
        assert table[column].to_numpy() == pytest.approx(expected[column].to_numpy(), abs=5e-4)
    for column in ("to_russia_km2", "to_ukraine_km2", "dmz_km2", "from_ukraine_km2"):
        assert table[column].to_numpy() == pytest.approx(expected[column].to_numpy(), abs=0.05)


def test_the_cli_writes_geojson_and_prints_its_path(tmp_path):
    out = tmp_path / "zones.geojson"
    status, printed, _ = run("export", "--preset", "mutual", "--date", "2026-01-06",
                             "--out", str(out))
    assert status == 0
    assert printed.strip() == str(out)
    assert json.loads(out.read_text(encoding="utf-8"))["params"] == {"ua_km": "15",
                                                                      "ru_km": "15"}


def test_the_cli_writes_the_impact_table_as_csv(tmp_path):
    out = tmp_path / "impact.csv"
    status, _, _ = run("export", "--preset", "donbas", "--date", "2026-01-06", "--out", str(out))
    assert status == 0
    assert len(pd.read_csv(out)) == 27


def test_the_cli_refuses_an_unknown_suffix_with_exit_2(tmp_path):
    status, printed, err = run("export", "--preset", "freeze", "--out",
                               str(tmp_path / "zones.kml"))
    assert status == 2
    assert printed == ""
    assert "'.kml'" in err and ".geojson" in err
    assert not (tmp_path / "zones.kml").exists()


def test_the_cli_reports_an_unknown_unit_with_exit_2(tmp_path):
    status, _, err = run("export", "--preset", "target", "--target", "UA-99=50", "--out",
                         str(tmp_path / "zones.geojson"))
    assert status == 2
    assert "unknown unit 'UA-99'" in err


def test_in_ukrainian_the_csv_has_ukrainian_headers_over_the_same_rows(evaluation, time):
    english = impact_csv(evaluation.impact, time=time)
    ukrainian = impact_csv(evaluation.impact, time=time, lang="uk")
    header = list(pd.read_csv(io.StringIO(ukrainian)).columns)
    assert header[:8] == ["Код ISO 3166-2", "Назва англійською", "Частка під контролем Росії до (%)",
                          "Частка під контролем Росії після (%)", "Відходить Росії (км²)",
                          "Повертається Україні (км²)", "У демілітаризованій зоні (км²)",
                          "Україна віддає (км²)"]
    assert header[12:16] == ["Період вимірювання темпу, 6-місячне вікно",
                             "Темп, 6-місячне вікно (км² на місяць)",
                             "Місяців до захоплення, 6-місячний темп",
                             "Дата захоплення, 6-місячний темп"]
    assert ukrainian.splitlines()[1:] == english.splitlines()[1:]


def test_in_ukrainian_the_geojson_labels_its_lines_but_keeps_its_keys(evaluation, time):
    collection = scenario_geojson(evaluation, time=time, lang="uk")
    lines = [f["properties"] for f in collection["features"] if "label" in f["properties"]]
    # A mutual pull-back's lines are the zone's two edges.
    assert {p["kind"]: p["label"] for p in lines} == {
        "zone-russian": "Межа зони з російського боку",
        "zone-ukrainian": "Межа зони з українського боку"}
    assert collection["attribution"][1:] == ["Межі: Natural Earth",
                                             "Населені пункти: GeoNames (geonames.org)"]
    assert collection["time_to_take"] == scenario_geojson(evaluation, time=time)["time_to_take"]
