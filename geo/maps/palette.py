"""The colours and line styles every map and static figure here is drawn with.

The Leaflet maps (:mod:`geo.maps.control_layers`, :mod:`geo.maps.history_layers`,
:mod:`geo.maps.scenario_layers`, :mod:`geo.maps.timelapse`) and the matplotlib figures
(:mod:`geo.maps.figure`, :mod:`geo.maps.timelapse_gif`) take their colours from here, so a slide and
the page it was made from look alike. Colours are CSS hex strings; dash patterns are Leaflet dash
arrays (lengths in px, "10 6"); map weights are px, figure widths points. Nothing here imports
folium or matplotlib.

Pairs are chosen to read for colour-blind viewers and in greyscale, and whatever a colour
tells apart is told apart by a hatch, a dash or an edge as well.
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.language import N_

# The control map.

#: Upper bound (percent) and fill colour of each class of the choropleth: ColorBrewer
#: OrRd, a single-hue ramp that reads for colour-blind viewers and in greyscale. The labels
#: are English, translated where they are shown.
SHARE_CLASSES: tuple[tuple[float, str, str], ...] = (
    # Translators: a share of a unit held by Russia, in the control map's legend.
    (0.0, "#f7f7f7", N_("none")),
    (5.0, "#fdd49e", N_("up to 5 %")),
    (25.0, "#fdbb84", N_("5-25 %")),
    (50.0, "#fc8d59", N_("25-50 %")),
    (75.0, "#ef6548", N_("50-75 %")),
    (95.0, "#d7301f", N_("75-95 %")),
    (100.0, "#990000", N_("over 95 %")),
)
#: The hatch (and edge) of the occupied area, on the control and history maps.
OCCUPIED_HATCH = "#4a1486"
#: The line of contact, on the control map and the timelapse.
LINE_COLOR = "#111111"


def share_color(pct: float) -> str:
    """Fill colour of a unit whose Russian-held share is ``pct`` percent (0-100)."""
    for upper, color, _ in SHARE_CLASSES:
        if pct <= upper:
            return color
    return SHARE_CLASSES[-1][1]


# The history map: gained ground solid with a solid edge, regained paler with a dashed one.

GAINED_FILL, GAINED_EDGE = "#d7301f", "#67000d"
REGAINED_FILL, REGAINED_EDGE = "#4393c3", "#053061"
REGAINED_DASH = "6 4"
#: The units under the history map's changes, and the oblast borders of the timelapse.
UNIT_FILL, UNIT_EDGE = "#f7f7f7", "#777777"

# Scenarios: a red/blue pair for the two sides, a brown hatch for the demilitarised zone.

RUSSIAN_FILL, UKRAINIAN_FILL, ZONE_COLOR = "#b2182b", "#2166ac", "#8c510a"
#: Ukrainian-held ground as the figures fill it, and as the map's legend shows it.
UKRAINIAN_PALE = "#dbe6f1"
#: Between the zone's hatch lines.
ZONE_BACKGROUND = "#fee391"
#: Colour and dash pattern of each kind of scenario line
#: (:data:`geo.scenario.partition.LINE_LABELS`).
LINE_STYLES = {"ceasefire": ("#111111", "10 6"),
               "zone-russian": ("#67001f", "6 6"),
               "zone-ukrainian": ("#053061", "6 6")}
#: Today's line of contact under a scenario's lines on the maps, faint.
TODAY_LINE_COLOR = "#555555"


@dataclass(frozen=True)
class Emphasis:
    """How strongly map layers are drawn: fill opacities (0-1), line weights (px) and the
    towns' size (a factor)."""

    russian_opacity: float = 0.45
    ukrainian_opacity: float = 0.12
    line_weight: float = 3.5
    edge_weight: float = 0.5
    town_scale: float = 1.0


#: For a screen at arm's length.
NORMAL = Emphasis()
#: For a washed-out projector: stronger fills, thicker lines, bigger towns.
STRONG = Emphasis(russian_opacity=0.75, ukrainian_opacity=0.3, line_weight=6.0, edge_weight=1.5,
                  town_scale=1.5)

# The timelapse: the line of contact on the period's first frame, kept under the moving one.

START_LINE_COLOR, START_LINE_DASH = "#5a5a5a", "6 5"

# The static figures (slide and GIF); widths in points.

#: The opacity of the Russian-held fill over the pale Ukrainian one.
RUSSIAN_ALPHA = 0.65
#: Today's line darker and thicker than the oblast borders, so the two greys are told apart.
TODAY_COLOR, TODAY_PT = "#3a3a3a", 1.8
OUTLINE_COLOR, OUTLINE_PT = "#8c8c8c", 0.6
#: Ukraine's own outline, on the figures and the timelapse.
UKRAINE_EDGE = "#333333"
