"""History: how control changed over every day the archive holds (the daily series), and
what changed hands between two chosen days (on the maps shipped for them); every text in the
visitor's language (pages/_language.py)."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import streamlit as st
from shapely.geometry.base import BaseGeometry
from streamlit_folium import st_folium

from geo.data.names import UKRAINE
from geo.data.snapshots import ATTRIBUTION
from geo.language import gettext, km2, percent, pgettext
from geo.maps.base import BOUNDARIES_ATTRIBUTION
from geo.maps.history_layers import history_base_map, history_layers
from geo.maps.offline import localize_assets
from geo.pace.history import Change, changed_units, with_shares_of
from geo.pace.wording import signed, signed_km2, unit_name
from pages._cached_data import change, history, snapshot, units
from pages._dates import DayChoice, date_control, day_text, held
from pages._history_charts import charts
from pages._language import _, language
from pages._map_download import map_download
from pages._pace_section import pace_section
from pages._page_setup import arrived, fit_top_padding, leave_pages_directory_mode
from pages._presenter import keyboard_control
from pages._tables import Number, numbers_in_language
from pages._timelapse import timelapse_section


def points(pp: float) -> str:
    """A change in percentage points, signed, with a third decimal when two would show
    -0.00 or +0.00 for a change that is not zero."""
    decimals = 2 if abs(pp) >= 0.005 or pp == 0 else 3
    return signed(pp, language(), decimals=decimals)


def source() -> str:
    """The occupied areas' source, as the map's corner names it."""
    return gettext(ATTRIBUTION, language())


def sidebar() -> tuple[DayChoice, DayChoice, bool]:
    """The map's day, the day to compare it with, and whether to show basemap tiles."""
    with st.sidebar:
        st.header(_("Ceasefire Atlas"))
        shown = date_control(_("Map day"), "hi_date",
                             help=_("The map shows the occupied area on this day (or on the "
                                    "nearest earlier day whose map ships); the charts mark it"))
        if st.session_state.get("hi_since") is None:  # the first held day, until chosen
            st.session_state.hi_since = held()[0]
        since = date_control(_("Compare with"), "hi_since",
                             help=_("Ground that changed hands between this day and the map "
                                    "day is highlighted"))
        tiles = st.toggle(_("Basemap tiles (needs internet)"), value=False, key="hi_tiles",
                          help=_("OpenStreetMap tiles under the map; the map is complete "
                                 "without them."))
        st.toggle(_("Presenter mode (timelapse)"), key="hi_present",
                  help=_("The timelapse between the two days fills the screen as a slide; "
                         "Space plays or pauses, the arrow keys step."))
    return shown, since, tiles


def stop_presenting() -> None:
    st.session_state.hi_present = False


def held_km2(day: dt.date) -> float:
    """Ukraine's area held by Russia on a held day (km2, the daily series)."""
    table = history()
    return float(table.loc[(table["date"] == day) & (table["iso_3166_2"] == UKRAINE),
                           "occupied_km2"].iloc[0])


def maps_differ(result: Change) -> bool:
    """Whether the ground moved is measured on other days than the shares are of."""
    return (result.earlier, result.later) != (result.shares_earlier, result.shares_later)


def headline(result: Change) -> None:
    ukraine = result.by_unit.set_index("iso_3166_2").loc[UKRAINE]
    first, last = result.shares_earlier, result.shares_later
    lang = language()
    maps = {"earlier": day_text(result.earlier), "later": day_text(result.later)}
    cols = st.columns(4)
    cols[0].metric(_("Gained by Russia"), km2(result.gained_km2, lang),
                   help=_("Ground held by Russia on the map of {later} but not on that of "
                          "{earlier}", **maps))
    cols[1].metric(_("Regained by Ukraine"), km2(result.regained_km2, lang),
                   help=_("Ground held by Russia on the map of {earlier} but not on that of "
                          "{later}", **maps))
    cols[2].metric(_("Net change"), signed_km2(held_km2(last) - held_km2(first), lang),
                   delta=_("{points} points of Ukraine's area",
                           points=points(ukraine["change_pp"])),
                   delta_color="off", delta_arrow="off",
                   help=_("Area held by Russia on {last} minus that on {first} (daily series); "
                          "positive: Russia holds more", last=day_text(last),
                          first=day_text(first)))
    cols[3].metric(_("Held by Russia, {day}", day=day_text(last)), km2(held_km2(last), lang),
                   delta=_("{percent} of Ukraine", percent=percent(ukraine["pct_later"], lang)),
                   delta_color="off", delta_arrow="off")
    if maps_differ(result):
        st.caption(_("Gained and regained: computed from DeepStateMap's occupied areas "
                     "(deepstatemap.live) on the maps of {earlier} and {later}; net change and "
                     "area held: DeepStateMap's daily series, {first} and {last}; areas in an "
                     "equal-area projection (EPSG:3035).", **maps, first=day_text(first),
                     last=day_text(last)))
    else:
        st.caption(_("Computed from DeepStateMap's occupied areas (deepstatemap.live) of "
                     "{first} and {last}; areas in an equal-area projection (EPSG:3035).",
                     first=day_text(first), last=day_text(last)))


def change_table(result: Change) -> None:
    first, last = result.shares_earlier, result.shares_later
    lang = language()
    st.subheader(_("Change by oblast, {first} to {last}", first=day_text(first),
                   last=day_text(last)))
    table = changed_units(result)
    if lang != "en":
        table = table.assign(name=table["iso_3166_2"].map(lambda code: unit_name(code, lang)))
    maps = {"earlier": day_text(result.earlier), "later": day_text(result.later)}
    table, numbers = numbers_in_language(table, {
        "pct_earlier": Number(_("{day} (%)", day=day_text(first)), "%.2f",
                              help=_("Share held by Russia on {day} (percent)",
                                     day=day_text(first))),
        "pct_later": Number(_("{day} (%)", day=day_text(last)), "%.2f",
                            help=_("Share held by Russia on {day} (percent)",
                                   day=day_text(last))),
        "change_pp": Number(_("Change (points)"), "%+.2f",
                            help=_("Later share minus earlier share")),
        "gained_km2": Number(_("Gained (km²)"), "%.0f",
                             help=_("Gained by Russia within the unit, between the maps of "
                                    "{earlier} and {later}", **maps)),
        "regained_km2": Number(_("Regained (km²)"), "%.0f",
                               help=_("Regained by Ukraine within the unit, between the maps "
                                      "of {earlier} and {later}", **maps)),
        "net_km2": Number(_("Net (km²)"), "%+.0f", help=_("Gained minus regained")),
    }, lang)
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        "iso_3166_2": st.column_config.TextColumn("ISO"),
        "name": st.column_config.TextColumn(pgettext("a unit's name", "Unit", lang)),
        **numbers,
    })
    days = {"first": day_text(first), "last": day_text(last)}
    if maps_differ(result):
        st.caption(_("Units where ground changed hands, then Ukraine as a whole. Shares held by "
                     "Russia on {first} and {last} from DeepStateMap's daily series "
                     "(deepstatemap.live), ground that changed hands measured between the maps "
                     "of {earlier} and {later}; Natural Earth boundaries; areas in EPSG:3035.",
                     **days, **maps))
    else:
        st.caption(_("Units where ground changed hands, then Ukraine as a whole. Shares held by "
                     "Russia on {first} and {last} from DeepStateMap's daily series "
                     "(deepstatemap.live), ground that changed hands measured on the same days' "
                     "maps; Natural Earth boundaries; areas in EPSG:3035.", **days))


def history_page(units_drawn: gpd.GeoDataFrame, occupied: BaseGeometry, result: Change,
                 lang: str) -> str:
    """The map as the page shows it, without tiles, as a whole page in ``lang`` (for the
    file; made in a thread with no session, so the language is given)."""
    m = history_base_map(lang=lang)
    for layer in history_layers(units_drawn, occupied, result, lang=lang):
        localize_assets(layer).add_to(m)
    return m.get_root().render()


def interactive_map(occupied: BaseGeometry, result: Change, earlier: DayChoice,
                    later: DayChoice) -> None:
    """The map as one HTML file that works offline."""
    lang = language()
    maps = _("maps of {earlier} and {later}", earlier=day_text(result.earlier),
             later=day_text(result.later))
    if maps_differ(result):
        sources = _("{source}, {maps}; shares: DeepStateMap's daily series, {first} and {last}; "
                    "{boundaries}", source=source(), maps=maps,
                    first=day_text(result.shares_earlier), last=day_text(result.shares_later),
                    boundaries=gettext(BOUNDARIES_ATTRIBUTION, lang))
    else:
        sources = _("{source}, {maps}; {boundaries}", source=source(), maps=maps,
                    boundaries=gettext(BOUNDARIES_ATTRIBUTION, lang))
    held_units = units()  # held here: the file is made in a thread of its own
    map_download("history", (result.earlier, result.later),
                 lambda: history_page(held_units, occupied, result, lang),
                 title=_("Change in control, {first} to {last}", first=day_text(earlier.held),
                         last=day_text(later.held)),
                 source=sources, as_of=result.later)


def notices(shown: DayChoice, since: DayChoice, earlier: DayChoice, later: DayChoice) -> None:
    """Why the page shows what it shows, when that is not plainly what was asked for."""
    if since.held > shown.held:
        st.info(_("The comparison day is after the map day: showing the change from {first} to "
                  "{last}, and the map on {last}.", first=day_text(earlier.held),
                  last=day_text(later.held)))
    elif since.held == shown.held:
        st.info(_("Both days are the same, so nothing changed hands: choose another day for "
                  "“Compare with”."))
    if not (earlier.is_drawn and later.is_drawn):
        st.info(_("The map, and the ground gained and regained, are drawn from the maps of "
                  "{earlier} and {later}, the nearest on or before each day whose maps ship "
                  "(see Sources and method); the shares and the areas held are of {first} and "
                  "{last}.", earlier=day_text(earlier.drawn), later=day_text(later.drawn),
                  first=day_text(earlier.held), last=day_text(later.held)),
                icon=":material/calendar_month:")


def map_caption(result: Change, tiles: bool) -> str:
    """What the map draws, from what and on which days."""
    text = _("{source}, maps of {earlier} and {later}. Hatched: occupied area on {later}; red, "
             "solid edge: gained by Russia since {earlier}; blue, dashed edge: regained by "
             "Ukraine. Boundaries: Natural Earth 10m admin-1 (public domain). Areas in "
             "EPSG:3035.", source=source(), earlier=day_text(result.earlier),
             later=day_text(result.later))
    if tiles:
        text += " " + _("Basemap © OpenStreetMap contributors, loaded from the internet.")
    return text


leave_pages_directory_mode()
if arrived("history"):
    st.session_state.hi_present = st.query_params.get("present") == "1"
if not held():
    st.error(_("The daily series (data/daily_control.csv) is missing: run "
               "scripts/build_data.py."))
    st.stop()
shown, since, tiles = sidebar()
fit_top_padding()
earlier, later = sorted((since, shown), key=lambda choice: choice.held)
if st.session_state.get("hi_present"):
    # A slide: the timelapse alone, its own keys (Space, arrows) working anywhere on it,
    # and the button Escape presses (the slide has no Next/Previous for the arrows to press),
    # pinned to the title bar's corner so the map and its controls keep the screen.
    timelapse_section(earlier.held, later.held, presenting=True)
    st.markdown("<style>.st-key-hi_exit{position:fixed;top:0.6rem;right:0.8rem;z-index:1000}"
                "</style>", unsafe_allow_html=True)
    st.button(_("Exit (Esc)"), on_click=stop_presenting, key="hi_exit")
    keyboard_control()
    st.stop()
result = with_shares_of(change(earlier.drawn, later.drawn), history(), earlier.held,
                        later.held)

st.markdown("### " + _("Change in control, {first} to {last}", first=day_text(earlier.held),
                       last=day_text(later.held)))
# The notices always take their slot (empty or not), so the map keeps its place in the page:
# an element appearing above it moved the map's frame, which redrew it at the widest zoom.
with st.empty().container():
    notices(shown, since, earlier, later)
headline(result)

occupied = snapshot(later.drawn).occupied
layers = history_layers(units(), occupied, result, lang=language())
for layer in layers:
    localize_assets(layer)
st_folium(history_base_map(tiles=tiles, lang=language()), key="history_map",
          feature_group_to_add=layers, use_container_width=True, height=490,
          returned_objects=[])
st.caption(map_caption(result, tiles))
interactive_map(occupied, result, earlier, later)

charts(result)
change_table(result)
pace_section(later.held)
# Last: its first build (every shipped day's frame, about 6 s once per process) must not
# hold back the figures above.
timelapse_section(earlier.held, later.held)
