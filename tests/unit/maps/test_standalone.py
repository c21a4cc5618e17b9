"""A map page as one file that draws offline: every asset put in the page, nothing left
that needs the network, and each page's default view within the size budget."""

import base64
import datetime as dt
import hashlib
import json
import re

import pytest

from geo.maps.standalone import (ENGLISH, INLINED_ATTRIBUTE, SIZE_BUDGET_BYTES, StandaloneError,
                                 external_references, file_name, standalone_document, wording_for)
from geo.maps.vendor import RECORD_NAME, manifest

AS_OF = dt.date(2026, 10, 10)
NNBSP = "\u202f"
JS = 'var lib = "</script><!-- x";\n'
CSS = ".a{background:url(images/dot.png)}.b{behavior:url(#default#VML)}"
PNG = b"\x89PNG dot"
FILES = {"lib/dist/lib.js": JS.encode(), "lib/dist/lib.css": CSS.encode(),
         "lib/dist/images/dot.png": PNG}
BASE = "/app/static/vendor"
PAGE = ('<!DOCTYPE html>\n<html>\n<head>\n'
        f'<script src="{BASE}/lib/dist/lib.js"></script>\n'
        f'<link rel="stylesheet" href="{BASE}/lib/dist/lib.css"/>\n'
        '</head>\n<body>\n<div id="map"></div>\n{body}<script>var map = 1;</script>\n'
        '</body>\n</html>\n')


def page(body: str = "") -> str:
    return PAGE.replace("{body}", body)


@pytest.fixture
def vendor(tmp_path):
    """A vendor folder of three files, with the record an install writes."""
    for name, data in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    record = {"manifest": manifest(),
              "sha256": {name: hashlib.sha256(data).hexdigest() for name, data in FILES.items()}}
    (tmp_path / RECORD_NAME).write_text(json.dumps(record))
    return tmp_path


def made(vendor, html: str | None = None, **options) -> str:
    return standalone_document(page() if html is None else html, title="Control, <2026>",
                               source="DeepStateMap & Natural Earth", as_of=AS_OF,
                               vendor_dir=vendor, **options)


def test_a_script_is_put_in_the_page_with_its_closing_tags_escaped(vendor):
    assert ('<script data-atlas-inlined="lib/dist/lib.js">'
            'var lib = "\\x3C/script>\\x3C!-- x";\n</script>') in made(vendor)


def test_the_page_keeps_one_closing_tag_per_script(vendor):
    document = made(vendor)
    assert document.count("</script>") == document.count("<script") == 2


def test_a_stylesheet_is_put_in_the_page_with_its_images_as_data_uris(vendor):
    uri = "data:image/png;base64," + base64.b64encode(PNG).decode()
    assert (f'<style data-atlas-inlined="lib/dist/lib.css">.a{{background:url("{uri}")}}'
            ".b{behavior:url(#default#VML)}</style>") in made(vendor)


def test_nothing_is_left_to_fetch_from_the_app(vendor):
    document = made(vendor)
    assert BASE not in document
    assert external_references(document) == []


def test_a_file_loaded_twice_is_put_in_once(vendor):
    twice = page().replace("</head>", f'<script src="{BASE}/lib/dist/lib.js"></script></head>')
    assert made(vendor, twice).count("var lib") == 1


def test_the_title_source_and_date_are_in_the_file(vendor):
    document = made(vendor)
    assert "<title>Control, &lt;2026&gt;</title>" in document
    block = re.search(r'<div class="atlas-standalone-title".*?</div></div>', document).group(0)
    assert "Control, &lt;2026&gt;" in block
    assert "As of 2026-10-10" in block
    assert "Sources: DeepStateMap &amp; Natural Earth" in block


def test_the_title_block_is_in_the_body_and_the_language_is_set(vendor):
    document = made(vendor)
    assert document.index("atlas-standalone-title") > document.index("<body>")
    assert document.index("atlas-standalone-title") < document.index("</body>")
    assert '<html lang="en">' in document


def test_another_language_changes_every_added_text_and_writes_the_date_in_it(vendor):
    wording = type(ENGLISH)(lang="uk", as_of="Станом на {date}", sources="Джерела: {source}")
    document = made(vendor, wording=wording)
    assert '<html lang="uk">' in document
    assert f"Станом на 10 жовтня 2026{NNBSP}р." in document
    assert "Джерела: DeepStateMap" in document


def test_a_ukrainian_file_is_marked_ukrainian_and_its_added_texts_are_ukrainian(vendor):
    document = made(vendor, lang="uk")
    assert '<html lang="uk">' in document
    block = re.search(r'<div class="atlas-standalone-title".*?</div></div>', document).group(0)
    assert 'aria-label="Про цю карту"' in block
    assert f"<div>Станом на 10 жовтня 2026{NNBSP}р.</div>" in block
    assert "<div>Джерела: DeepStateMap &amp; Natural Earth</div>" in block
    assert "Атлас припинення вогню. Працює без мережі" in block


def test_the_english_wording_is_the_english_instance_itself():
    assert wording_for("en") is ENGLISH
    assert ENGLISH.button == "Download interactive map (HTML)"


def test_the_ukrainian_wording_has_every_text_in_ukrainian():
    words = wording_for("uk")
    assert (words.lang, words.button, words.timelapse_button) == (
        "uk", "Завантажити інтерактивну карту (HTML)",
        "Завантажити анімацію змін (інтерактивний HTML)")
    assert words.button_help.format(budget_mb=2.0).startswith("Один файл HTML (до 2 МБ)")
    assert words.failed.format(error="x") == "Інтерактивну карту не вдається завантажити: x."


def test_a_script_from_elsewhere_is_refused(vendor):
    html = page('<script src="https://cdn.example.org/x.js"></script>')
    with pytest.raises(StandaloneError, match="https://cdn.example.org/x.js"):
        made(vendor, html)


def test_a_stylesheet_from_elsewhere_is_refused(vendor):
    html = page().replace("</head>", '<link rel="stylesheet" href="//cdn.example.org/x.css"/>'
                                     "</head>")
    with pytest.raises(StandaloneError, match="//cdn.example.org/x.css"):
        made(vendor, html)


def test_basemap_tiles_are_refused(vendor):
    html = page('<script>L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {})'
                "</script>")
    with pytest.raises(StandaloneError, match="tile.openstreetmap.org"):
        made(vendor, html)


def test_an_image_in_a_tooltip_is_refused(vendor):
    html = page('<script>layer.bindTooltip("\\u003cimg src=\\"https://x.example/a.png\\"\\u003e")'
                "</script>")
    with pytest.raises(StandaloneError, match="https://x.example/a.png"):
        made(vendor, html)


def test_an_image_in_the_markup_is_refused(vendor):
    with pytest.raises(StandaloneError, match="logo.png"):
        made(vendor, page('<img src="logo.png">'))


def test_links_and_addresses_in_text_are_kept(vendor):
    html = page('<a href="https://deepstatemap.live">DeepStateMap</a>'
                '<script>var credit = "\\u003ca href=\\"https://www.naturalearthdata.com\\"\\u003e'
                'Natural Earth\\u003c/a\\u003e (https://www.naturalearthdata.com)";</script>')
    document = made(vendor, html)
    assert '<a href="https://deepstatemap.live">' in document
    assert "(https://www.naturalearthdata.com)" in document


def test_streamlit_folium_s_bridge_is_left_out(vendor):
    html = page('<script src="/component/streamlit_folium.st_folium/static/js/main.js"></script>'
                '<script>window.parent.postMessage({type: "streamlit:componentReady"}, "*")'
                "</script>")
    document = made(vendor, html)
    assert "/component/" not in document and "streamlit:" not in document
    assert "var map = 1;" in document


def test_an_altered_vendor_file_is_refused(vendor):
    (vendor / "lib/dist/lib.js").write_text("var lib = 2;")
    with pytest.raises(StandaloneError, match="static/vendor/lib/dist/lib.js is not as installed"):
        made(vendor)


def test_a_missing_image_of_a_stylesheet_is_refused(vendor):
    (vendor / "lib/dist/images/dot.png").unlink()
    with pytest.raises(StandaloneError, match="static/vendor/lib/dist/images/dot.png is missing"):
        made(vendor)


def test_a_file_the_install_did_not_record_is_refused(vendor):
    (vendor / "lib/dist/extra.js").write_text("var extra;")
    html = page(f'<script src="{BASE}/lib/dist/extra.js"></script>')
    with pytest.raises(StandaloneError, match="not one of the map's installed files"):
        made(vendor, html)


def test_a_vendor_folder_without_its_record_is_refused(vendor):
    (vendor / RECORD_NAME).unlink()
    with pytest.raises(StandaloneError, match="no record of their install"):
        made(vendor)


def test_the_file_is_named_by_its_view_and_days():
    assert file_name("control", AS_OF) == "ceasefire-atlas_control_2026-10-10.html"
    assert file_name("history", dt.date(2024, 7, 8), AS_OF) == \
        "ceasefire-atlas_history_2024-07-08_2026-10-10.html"


def test_a_view_name_that_is_not_a_file_name_is_refused():
    with pytest.raises(ValueError, match="mutual:15"):
        file_name("mutual:15", AS_OF)


# The real pages' default views, as each page builds its map (pages/*.py), on the shipped
# data: the control map, the freeze scenario, donbas against a 15 km mutual pull-back, and
# the history between the first and the newest held days.

NEWEST, FIRST = dt.date(2026, 10, 10), dt.date(2024, 7, 8)


@pytest.fixture(scope="module")
def units():
    from geo.data.boundaries import load_units

    return load_units()


@pytest.fixture(scope="module")
def snapshot(units):
    from geo.data.control import compute_snapshot

    return compute_snapshot(NEWEST, units)


@pytest.fixture(scope="module")
def ground(units, snapshot):
    from geo.scenario.ground import prepare_ground

    return prepare_ground(units, snapshot)


def control_view(units, snapshot, ground, lang="en"):
    from geo.data.published import load_published
    from geo.maps.control_layers import control_document

    return control_document(units, snapshot, load_published(), lang=lang)


def scenario_view(units, snapshot, ground, lang="en"):
    from geo.data.towns import load_towns
    from geo.maps.base import base_map
    from geo.maps.scenario_layers import (SCENARIO_LEGEND, changes_layer, lines_layer, towns_layer,
                                          zones_layer)
    from geo.scenario.impact import assess, changed_ground
    from geo.scenario.presets import Scenario, apply_scenario

    zones = apply_scenario(ground, Scenario("freeze"))
    impact = assess(ground, zones, load_towns(ground.ukraine))
    m = base_map(legend_spec=SCENARIO_LEGEND, lang=lang)
    for layer in (zones_layer(zones, "Occupied areas: DeepStateMap, snapshot 2026-10-10",
                              lang=lang),
                  changes_layer(*changed_ground(ground, zones), lang=lang),
                  lines_layer(zones, ground.line, lang=lang), towns_layer(impact.towns, lang=lang)):
        layer.add_to(m)
    return m.get_root().render()


def compare_view(units, snapshot, ground):
    from geo.maps.base import dual_map, legend
    from geo.maps.offline import localize_assets
    from geo.maps.scenario_layers import SCENARIO_LEGEND, changes_layer, lines_layer, zones_layer
    from geo.scenario.impact import changed_ground
    from geo.scenario.presets import Scenario, apply_scenario

    maps = dual_map()
    for side, scenario in ((maps.m1, Scenario("donbas")),
                           (maps.m2, Scenario("mutual", ua_km=15, ru_km=15))):
        zones = apply_scenario(ground, scenario)
        for layer in (zones_layer(zones, "Occupied areas: DeepStateMap, snapshot 2026-10-10"),
                      changes_layer(*changed_ground(ground, zones)),
                      lines_layer(zones, ground.line)):
            localize_assets(layer).add_to(side)
    legend(*SCENARIO_LEGEND).add_to(maps.m2)
    return maps.get_root().render()


def history_view(units, snapshot, ground):
    from geo.data.series import load_series
    from geo.data.snapshots import load_occupied
    from geo.maps.history_layers import history_base_map, history_layers
    from geo.maps.offline import localize_assets
    from geo.pace.history import compare_dates, series_history

    change = compare_dates(units, series_history(load_series(), units), FIRST, NEWEST,
                           load_occupied)
    m = history_base_map()
    for layer in history_layers(units, load_occupied(NEWEST), change):
        localize_assets(layer).add_to(m)
    return m.get_root().render()


VIEWS = {"control": control_view, "scenarios": scenario_view, "compare": compare_view,
         "history": history_view,
         # In Ukrainian, whose letters take two bytes each.
         "control-uk": lambda *inputs: control_view(*inputs, lang="uk"),
         "scenarios-uk": lambda *inputs: scenario_view(*inputs, lang="uk")}


@pytest.fixture(scope="module", params=list(VIEWS))
def view(request, units, snapshot, ground):
    """(name, page, file) of each page's default view."""
    page = VIEWS[request.param](units, snapshot, ground)
    return request.param, page, standalone_document(
        page, title=request.param, source="DeepStateMap; Natural Earth", as_of=NEWEST)


def test_each_default_view_is_within_the_size_budget(view):
    name, _, document = view
    size = len(document.encode("utf-8"))
    print(f"{name}: {size / 1e6:.2f} MB")
    assert size <= SIZE_BUDGET_BYTES


def test_each_default_view_holds_leaflet_and_its_layers(view):
    _, page, document = view
    assert f'<script {INLINED_ATTRIBUTE}="leaflet/dist/leaflet.js">' in document
    assert f'<style {INLINED_ATTRIBUTE}="leaflet/dist/leaflet.css">' in document
    # Every layer's GeoJSON is there as the page had it.
    assert document.count("L.geoJson(") == page.count("L.geoJson(") >= 3


def test_each_default_view_fetches_nothing(view):
    assert external_references(view[2]) == []


def test_each_default_view_names_the_network_only_in_links(view):
    """Outside Leaflet's own files, an http(s) address is only a link's target."""
    document = re.sub(rf"<(script|style) {INLINED_ATTRIBUTE}=.*?</\1>", "", view[2],
                      flags=re.DOTALL)
    for match in re.finditer(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}", document):
        before = document[max(0, match.start() - 8):match.start()]
        assert re.search(r"""href=\\?["']?$""", before), document[match.start() - 80:match.end()]
