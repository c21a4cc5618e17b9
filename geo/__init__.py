"""Ceasefire Atlas geometry library: territorial control in Ukraine, computed from dated data.

Pure Python (no Streamlit). Geometries are kept in EPSG:4326 for display; every area is
computed in an equal-area CRS and every distance in a metric CRS (see :mod:`geo.crs`).
"""

__version__ = "0.1.0"
