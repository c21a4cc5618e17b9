"""Limits on user files: the one place where how much a file may hold is set.

The app is a public demo, so every uploaded file is untrusted. Each limit below keeps one
kind of hostile or accidental input (too big, too deep, too tangled) from exhausting memory
or CPU, while leaving ample room for real files: a DeepStateMap snapshot is about 80 KB,
1 feature and 3,000 vertices. Times quoted were measured on the 2-core host.
"""

from __future__ import annotations

#: Largest file accepted (bytes). Equals ``server.maxUploadSize = 5`` in
#: .streamlit/config.toml: Streamlit counts that in MiB (``* 1024 * 1024``), and the library
#: must refuse the same files the uploader does, e.g. when called from the CLI.
MAX_FILE_BYTES = 5 * 1024 * 1024

#: Most polygon vertices (all rings of all features): about 70 times a DeepStateMap
#: snapshot, and a GeoJSON that large is about 4 MB, near the size limit anyway. Parsing,
#: repair and union grow with it: a crafted 174,000-vertex file full of self-intersections
#: took 7 s of CPU here (a valid one about 1.5 s); halve it to halve that worst case.
MAX_VERTICES = 200_000

#: Deepest nesting of JSON arrays/objects or of XML elements. A GeoJSON MultiPolygon inside
#: a FeatureCollection is 8 levels deep, a KML polygon in folders about 12; Python's json
#: module recurses per level and fails near 1,000 levels, so deeper files are refused first.
MAX_NESTING_DEPTH = 64

#: Most features (GeoJSON features, KML placemarks, shapefile records). Each one costs a
#: Python object or more; 10,000 is far above any control-area file and bounds that cost.
MAX_FEATURES = 10_000

#: Most XML elements in a KML. ElementTree keeps each in memory (about 100 bytes and more);
#: 10,000 placemarks of some 20 elements each fit, a 50 MB KML of empty elements does not.
MAX_XML_ELEMENTS = 500_000

#: Longest JSON integer literal (characters). A coordinate needs no more than 17 digits;
#: Python refuses to convert integers of more than 4,300 digits (a ValueError deep inside
#: json) and converting long ones is slow, so absurd literals get a clear message instead.
MAX_NUMBER_CHARS = 100

#: Most members of a KMZ or zipped shapefile. A shapefile has 3-8 parts (.shp .shx .dbf
#: .prj .cpg .qix ...), a KMZ a .kml and some icons; thousands of members only cost time.
MAX_ZIP_MEMBERS = 100

#: Most bytes all members of a zip may expand to, summed from the archive's directory
#: *before* anything is decompressed (the classic zip bomb expands a few KB to gigabytes).
#: Ten times the upload limit leaves room for a large shapefile's padded .dbf.
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024

#: Largest ratio of the members' total size to the archive's size. Real KML and shapefiles
#: compress 2-20 times and a .dbf of blank padded text some 100 times; deflate's maximum is
#: about 1,032, which only crafted repetitive data reaches. The ratio is taken against the
#: archive's real length, which a forged directory cannot change.
MAX_COMPRESSION_RATIO = 200

#: Most crossings between polygon edges, counted (cheaply, with an STRtree) before any repair.
#: Noding for make_valid and union grows with them: a 400-vertex scribble has 18,000 and
#: took 0.5 s to repair, 400 crossing strips have 81,000 and took 1 s to union, while a
#: 2,000-vertex scribble (about 1,000,000) would take minutes. Real files have a handful
#: (a DeepStateMap snapshot none); more than this means a scrambled file, not a map.
MAX_EDGE_CROSSINGS = 20_000

#: Most vertices of the combined area that is clipped to Ukraine. Absorbing coastal slivers
#: (geo.data.occupied.occupied_within) buffers the whole remainder of Ukraine, which took 1 s at
#: 12,000 vertices, 6 s at 53,000 and grows faster than linearly; a more detailed area is
#: first simplified (see SIMPLIFY_TOLERANCES_DEG), a DeepStateMap snapshot (3,000) is not.
MAX_PROCESSED_VERTICES = 10_000

#: Tolerances tried in turn (degrees of EPSG:4326, about 7-11 m to 0.7-1.1 km here) until the
#: area has at most MAX_PROCESSED_VERTICES: the finest that fits is used. At 0.0005 a
#: 53,000-vertex front line came down to 8,000 vertices and its area changed by 1e-6; the
#: coarsest matches the tolerance of the shipped oblast boundaries (DESIGN.md).
SIMPLIFY_TOLERANCES_DEG = (0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01)
