"""The data in Ukrainian: the control map's sidebar Data section (upload, live data, what is
shown and what the file's reader noted), an unusable file's refusal, the credit of what is
shown, and the sentences about damaged data or missing map files; in English all of it as
before. A switch of language rewrites what the session keeps (notes, the source's name). The
clock is fixed to 2026-12-01 (tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

import pytest
from shapely.geometry import box

import geo.maps.vendor
import pages._checked_files
import pages._data_source
from geo.atomic import write_text
from geo.ingest.live import LiveDataError, LiveSnapshot
from geo.language import Message, gettext
from geo.maps.vendor import install
from geo.update.record import file_digest, remember
from tests.app.running import open_page
from tests.unit.maps.test_vendor import fake_registry
from tests.visible_text import english_words, visible_texts

PAGE = "pages/control_map.py"
NNBSP = "\u202f"
#: A box inside Donetsk oblast, one ring left unclosed, and a point beside it.
AREA = json.dumps({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"date": "2026-02-01", "назва": "ділянка"},
     "geometry": {"type": "Polygon", "coordinates": [[[37.3, 48.2], [37.9, 48.2], [37.9, 48.6],
                                                      [37.3, 48.6]]]}},
    {"type": "Feature", "properties": {},
     "geometry": {"type": "Point", "coordinates": [37.8, 48.0]}}]}).encode()
POINTS = json.dumps({"type": "GeometryCollection", "geometries": [
    {"type": "Point", "coordinates": [37.5, 48.0]},
    {"type": "Point", "coordinates": [37.6, 48.1]}]}).encode()


def data_section(at) -> list:
    """The sidebar's Data section: its elements from its heading on (the page's last)."""
    children = list(at.sidebar.children.values())
    start = next(i for i, child in enumerate(children)
                 if type(child).__name__ == "Subheader" and child.value in ("Дані", "Data"))
    return children[start:]


def section_texts(at) -> list[str]:
    return visible_texts(SimpleNamespace(_tree=SimpleNamespace(children=data_section(at))))


def upload(at, name: str, data: bytes):
    at.file_uploader(key="src_upload").set_value((name, data, "application/geo+json")).run()
    assert not at.exception, at.exception
    return at


def click(at, label: str):
    next(b for b in at.sidebar.button if b.label == label).click().run()
    assert not at.exception, at.exception
    return at


def credit(at) -> str:
    """The page's credit line (the caption naming the boundaries)."""
    return next(c.value for c in at.caption if "Natural Earth 10m" in c.value)


@pytest.fixture(scope="module")
def ukrainian():
    return open_page(PAGE, lang="uk")


@pytest.fixture(scope="module")
def uploaded():
    return upload(open_page(PAGE, lang="uk"), "ділянка_2026-02-01.geojson", AREA)


@pytest.fixture(scope="module")
def refused():
    return upload(open_page(PAGE, lang="uk"), "точки.geojson", POINTS)


# --- The Data section ------------------------------------------------------------------------


def test_the_data_section_is_in_ukrainian(ukrainian):
    section = data_section(ukrainian)
    assert section[0].value == "Дані"
    assert ukrainian.file_uploader(key="src_upload").label == (
        "Власна окупована територія (GeoJSON, KML/KMZ або шейп-файл у zip-архіві)")
    assert [b.label for b in ukrainian.sidebar.button][-1] == (
        "Завантажити найновіші дані DeepStateMap (онлайн)")
    assert english_words(section_texts(ukrainian)) == {}


def test_the_bundled_snapshot_is_credited_in_ukrainian(ukrainian):
    assert credit(ukrainian).startswith(
        f"Знімок станом на 10 жовтня 2026{NNBSP}р. — Окуповані території: DeepStateMap "
        "(deepstatemap.live). Межі: Natural Earth")


def test_an_uploaded_file_is_named_with_its_day_and_its_notes_in_ukrainian(uploaded):
    assert [c.value for c in uploaded.sidebar.caption][-1] == (
        f"Показано: ділянка_2026-02-01.geojson (1 лютого 2026{NNBSP}р.)")
    assert [i.value for i in uploaded.sidebar.info] == [
        "не враховано, бо площу мають лише полігони: 1 точка", "1 незамкнене кільце замкнено"]
    assert "Повернутися до вбудованих знімків" in [b.label for b in uploaded.sidebar.button]
    assert english_words(section_texts(uploaded)) == {}


def test_an_uploaded_file_is_credited_as_the_visitors_in_ukrainian(uploaded):
    assert credit(uploaded).startswith(
        "Окуповані території: ділянка_2026-02-01.geojson, файл відвідувача; "
        f"ділянка_2026-02-01.geojson (1 лютого 2026{NNBSP}р.). Межі:")


def test_what_the_file_holds_is_headed_in_ukrainian(uploaded):
    assert [e.label for e in uploaded.expander] == ["Що містить ваш файл (перші об’єкти)"]
    assert list(uploaded.table[0].value.columns) == ["об’єкт", "властивість", "значення"]


def test_an_unusable_file_is_refused_in_ukrainian(refused):
    assert [e.value for e in refused.sidebar.error] == [(
        "точки.geojson: у файлі немає полігонів, лише 2 точки: територію контролю треба "
        "накреслити полігонами")]
    assert english_words(section_texts(refused)) == {}


def test_unavailable_live_data_is_said_in_ukrainian(monkeypatch):
    def unavailable():
        raise LiveDataError(Message("DeepStateMap answered HTTP {status}", {"status": "503"}))

    monkeypatch.setattr(pages._data_source, "fetch_live", unavailable)
    at = click(open_page(PAGE, lang="uk"), "Завантажити найновіші дані DeepStateMap (онлайн)")
    assert [w.value for w in at.sidebar.warning][-1] == (
        "Дані в реальному часі недоступні: DeepStateMap відповів кодом HTTP 503. Показано "
        "вбудовані знімки.")
    assert english_words(section_texts(at)) == {}


def test_live_data_is_named_and_credited_in_ukrainian(monkeypatch):
    fetched = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
    monkeypatch.setattr(pages._data_source, "fetch_live", lambda: LiveSnapshot(
        box(37.3, 48.2, 37.9, 48.6), fetched, "https://deepstatemap.live/api/history/last"))
    at = click(open_page(PAGE, lang="uk"), "Завантажити найновіші дані DeepStateMap (онлайн)")
    shown = f"DeepStateMap у реальному часі, отримано 1 грудня 2026{NNBSP}р. о 10:00 UTC"
    assert [c.value for c in at.sidebar.caption][-1] == f"Показано: {shown}"
    assert credit(at).startswith("Окуповані території: DeepStateMap (deepstatemap.live), API в "
                                 f"реальному часі; {shown}. Межі:")
    assert english_words(section_texts(at)) == {}


def test_a_switch_to_ukrainian_rewrites_the_notes_and_the_name_kept_from_english():
    at = upload(open_page(PAGE), "ділянка.geojson", AREA)
    assert [i.value for i in at.sidebar.info] == ["1 point ignored: only polygons are areas",
                                                  "1 unclosed ring closed"]
    at.radio(key="atlas_lang_choice").set_value("uk").run()
    assert [i.value for i in at.sidebar.info] == [
        "не враховано, бо площу мають лише полігони: 1 точка", "1 незамкнене кільце замкнено"]
    assert [c.value for c in at.sidebar.caption][-1] == (
        f"Показано: ділянка.geojson (1 лютого 2026{NNBSP}р.)")


# --- In English, as before -------------------------------------------------------------------


def test_in_english_the_section_the_names_and_the_credits_are_as_before():
    at = open_page(PAGE)
    assert credit(at).startswith("Occupied areas: DeepStateMap (deepstatemap.live), snapshot "
                                 "2026-10-10. Boundaries: Natural Earth")
    upload(at, "my_file_2026-02-01.geojson", AREA)
    assert data_section(at)[0].value == "Data"
    assert [c.value for c in at.sidebar.caption][-1] == (
        "Showing: my_file_2026-02-01.geojson (2026-02-01)")
    assert credit(at).startswith("Occupied areas: my_file_2026-02-01.geojson, a visitor's file; "
                                 "my_file_2026-02-01.geojson (2026-02-01). Boundaries:")
    assert list(at.table[0].value.columns) == ["feature", "property", "value"]


def test_in_english_an_unusable_file_is_refused_as_before():
    at = upload(open_page(PAGE), "points.geojson", POINTS)
    assert [e.value for e in at.sidebar.error] == [(
        "points.geojson: the file holds no polygons, only 2 points: a control area must be "
        "drawn as polygons")]


def test_the_bundled_snapshots_credit_is_in_the_catalogue():
    from geo.data.snapshots import ATTRIBUTION

    assert gettext(ATTRIBUTION, "uk") == "Окуповані території: DeepStateMap (deepstatemap.live)"


# --- Damaged data and missing map files ------------------------------------------------------


def test_a_damaged_series_is_named_in_ukrainian(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    write_text(folder / "daily_control.csv", "date,iso_3166_2,occupied_km2,occupied_pct\n"
                                             "2026-12-01,UA,117000.00,19.3800\n")
    remember(folder, {"daily_control.csv": [file_digest(folder / "daily_control.csv")]})
    monkeypatch.setattr(pages._checked_files, "DATA_DIR", folder)
    with open(folder / "daily_control.csv", "r+b") as handle:
        handle.truncate(30)
    at = open_page(PAGE, lang="uk")
    assert [e.value for e in at.error] == [(
        "Файл data/daily_control.csv не такий, яким його записала команда `python -m geo "
        "update` (відтоді його обрізано або змінено), тому сторінок не показано: відновіть "
        "data/ (`git checkout data/`, потім `git clean -f data/control`) і знову виконайте "
        "`python -m geo update`, а якщо це ваша зміна, видаліть .cache/update/data.json.")]


@pytest.fixture
def empty_vendor(tmp_path, monkeypatch):
    monkeypatch.setattr(geo.maps.vendor, "VENDOR_DIR", tmp_path)
    monkeypatch.setattr(pages._checked_files, "_failed", {})
    monkeypatch.setattr(pages._checked_files, "_ready", [])
    monkeypatch.delenv("ATLAS_FETCH_ASSETS", raising=False)
    monkeypatch.setattr(pages._checked_files, "install", lambda **_: pytest.fail("fetched"))
    return tmp_path


def test_missing_map_files_are_explained_in_ukrainian(empty_vendor):
    at = open_page("pages/context.py", lang="uk")
    assert next(e.value for e in at.error) == (
        "Файлів Leaflet для карт немає в static/vendor/, тому карти порожні. Виконайте `bash "
        "scripts/setup.sh app` (або `python scripts/fetch_assets.py`) чи запустіть застосунок з "
        "ATLAS_FETCH_ASSETS=1, щоб під час першого запуску він сам завантажив їх із реєстру "
        "npm.")


def test_a_damaged_map_file_is_named_in_ukrainian(empty_vendor):
    install(empty_vendor, fetch=fake_registry())
    with open(empty_vendor / "leaflet" / "dist" / "leaflet.js", "r+b") as handle:
        handle.truncate(3)
    at = open_page("pages/context.py", lang="uk")
    assert next(e.value for e in at.error) == (
        "Файли Leaflet для карт пошкоджені: змінено static/vendor/leaflet/dist/leaflet.js "
        "(обрізано або змінено після встановлення: sha256 не збігається із записом "
        "встановлення), тож карти були б порожні або зламані: виконайте `bash scripts/setup.sh "
        "app`, щоб завантажити їх знову (або запустіть застосунок з ATLAS_FETCH_ASSETS=1, щоб "
        "він зробив це сам).")
