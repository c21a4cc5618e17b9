"""The coordinate reference systems used for display, areas and distances."""

from __future__ import annotations

#: Longitude/latitude (WGS 84): storage and display only, never measured in.
DISPLAY_CRS = "EPSG:4326"

#: ETRS89 Lambda Azimuthal Equal-Area (Europe): every area in km2 is computed here.
EQUAL_AREA_CRS = "EPSG:3035"

#: WGS 84 / UTM zone 36N: every distance and length in km is computed here. Ukraine spans
#: about 22-40 degrees E; zone 36 (central meridian 33 E) keeps the scale error under 0.2 %.
METRIC_CRS = "EPSG:32636"

M2_PER_KM2 = 1_000_000.0
M_PER_KM = 1_000.0
