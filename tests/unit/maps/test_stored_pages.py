"""Stored map pages: named by what they were drawn from, written whole, never stale."""

import datetime as dt
import os

import pytest

from geo.maps.stored_pages import document_path, fingerprint, read_document, write_document

DATE = dt.date(2026, 1, 1)


@pytest.fixture
def data_dir(tmp_path):
    (tmp_path / "control").mkdir()
    (tmp_path / "control" / "occupied_2026-01-01.geojson").write_text("{}")
    (tmp_path / "control" / "occupied_2026-02-01.geojson").write_text("{}")
    (tmp_path / "published_figures.csv").write_text("area,percent\n")
    return tmp_path


def touch_later(path, text):
    """Rewrite ``path`` with a later modification time (a change the store must notice)."""
    status = path.stat()
    path.write_text(text)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 10**9))


def test_the_same_inputs_give_the_same_fingerprint(data_dir):
    assert fingerprint(DATE, data_dir) == fingerprint(DATE, data_dir)


def test_a_changed_snapshot_changes_the_fingerprint(data_dir):
    before = fingerprint(DATE, data_dir)
    touch_later(data_dir / "control" / "occupied_2026-01-01.geojson", '{"type": "x"}')
    assert fingerprint(DATE, data_dir) != before


def test_a_changed_data_file_changes_the_fingerprint(data_dir):
    before = fingerprint(DATE, data_dir)
    touch_later(data_dir / "published_figures.csv", "area,percent\nUA,20\n")
    assert fingerprint(DATE, data_dir) != before


def test_another_dates_snapshot_does_not_change_it(data_dir):
    before = fingerprint(DATE, data_dir)
    touch_later(data_dir / "control" / "occupied_2026-02-01.geojson", '{"type": "x"}')
    assert fingerprint(DATE, data_dir) == before


def test_each_variant_has_its_own_page(data_dir, tmp_path):
    paths = {document_path(DATE, tiles=t, presenter=p, store=tmp_path, data_dir=data_dir)
             for t in (False, True) for p in (False, True)}
    assert len(paths) == 4


def test_a_page_reads_back_as_written(data_dir, tmp_path):
    path = document_path(DATE, store=tmp_path / "maps", data_dir=data_dir)
    assert read_document(path) is None
    assert write_document(path, "<html>map</html>")
    assert read_document(path) == "<html>map</html>"
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_a_page_from_newer_data_replaces_the_older_one_only(data_dir, tmp_path):
    store = tmp_path / "maps"
    older = document_path(DATE, store=store, data_dir=data_dir)
    other_variant = document_path(DATE, tiles=True, store=store, data_dir=data_dir)
    write_document(older, "old")
    write_document(other_variant, "tiles")
    touch_later(data_dir / "control" / "occupied_2026-01-01.geojson", '{"type": "x"}')
    newer = document_path(DATE, store=store, data_dir=data_dir)
    write_document(newer, "new")
    assert sorted(p.name for p in store.iterdir()) == sorted([newer.name, other_variant.name])


def test_a_store_that_cannot_be_written_is_reported_not_raised(data_dir, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert not write_document(document_path(DATE, store=blocker, data_dir=data_dir), "page")


def test_an_english_pages_name_holds_no_language(data_dir, tmp_path):
    path = document_path(DATE, presenter=True, store=tmp_path, data_dir=data_dir)
    assert path.name.startswith("control_2026-01-01_plain-presenter_")
    assert path == document_path(DATE, presenter=True, store=tmp_path, data_dir=data_dir,
                                 lang="en")


def test_a_ukrainian_page_is_kept_under_a_name_of_its_own(data_dir, tmp_path):
    english = document_path(DATE, store=tmp_path, data_dir=data_dir)
    ukrainian = document_path(DATE, store=tmp_path, data_dir=data_dir, lang="uk")
    assert ukrainian.name.startswith("control_2026-01-01_plain-uk_")
    assert ukrainian != english


def test_a_language_the_atlas_does_not_offer_has_no_page(data_dir, tmp_path):
    with pytest.raises(ValueError, match="'xx' is not a language of the atlas"):
        document_path(DATE, store=tmp_path, data_dir=data_dir, lang="xx")


def test_storing_a_ukrainian_page_keeps_the_english_one(data_dir, tmp_path):
    english = document_path(DATE, store=tmp_path, data_dir=data_dir)
    ukrainian = document_path(DATE, store=tmp_path, data_dir=data_dir, lang="uk")
    write_document(english, "map")
    write_document(ukrainian, "карта")
    assert (read_document(english), read_document(ukrainian)) == ("map", "карта")


def test_a_changed_catalogue_changes_the_ukrainian_fingerprint_only(data_dir, tmp_path,
                                                                     monkeypatch):
    locale = tmp_path / "locale"
    (locale / "uk" / "LC_MESSAGES").mkdir(parents=True)
    catalogue = locale / "uk" / "LC_MESSAGES" / "atlas.mo"
    catalogue.write_bytes(b"one")
    monkeypatch.setattr("geo.maps.stored_pages.LOCALE_DIR", locale)
    english, ukrainian = fingerprint(DATE, data_dir), fingerprint(DATE, data_dir, lang="uk")
    touch_later(catalogue, "two")
    assert fingerprint(DATE, data_dir) == english
    assert fingerprint(DATE, data_dir, lang="uk") != ukrainian
