"""A stored map page that is not whole (cut short, bytes changed, no digest, half-written by
a killed process) is never served: it reads as absent, is deleted, and is made again."""

import datetime as dt
import hashlib
import logging
import os
import time

import pytest

from geo.maps.stored_pages import TRAILER, read_document, store_page, write_document
from tests.unit.killing import killed_mid_write

PAGE = "<html><body>" + "map " * 2_000 + "</body></html>"


@pytest.fixture
def stored(tmp_path):
    """The path of a page stored whole."""
    path = tmp_path / "maps" / "control_2026-01-06_plain_0123456789abcdef0123.html"
    assert write_document(path, PAGE)
    return path


def test_a_whole_page_reads_back_without_its_digest(stored):
    assert read_document(stored) == PAGE


def test_the_stored_file_ends_with_the_pages_digest(stored):
    assert stored.read_text(encoding="utf-8").startswith(PAGE + TRAILER)


def test_a_truncated_page_reads_as_absent_and_is_deleted(stored):
    with open(stored, "r+b") as handle:
        handle.truncate(len(PAGE) // 2)
    assert read_document(stored) is None
    assert not stored.exists()


def test_a_page_cut_inside_its_digest_reads_as_absent(stored):
    with open(stored, "r+b") as handle:
        handle.truncate(stored.stat().st_size - 10)
    assert read_document(stored) is None


def test_a_page_with_a_byte_changed_reads_as_absent(stored):
    with open(stored, "r+b") as handle:
        handle.seek(100)
        handle.write(b"X")
    assert read_document(stored) is None
    assert not stored.exists()


def test_a_digest_with_a_byte_changed_reads_as_absent(stored):
    with open(stored, "r+b") as handle:
        handle.seek(len(PAGE) + len(TRAILER) + 3)
        digit = handle.read(1)
        handle.seek(-1, os.SEEK_CUR)
        handle.write(b"0" if digit != b"0" else b"1")
    assert read_document(stored) is None


def test_a_page_without_a_digest_reads_as_absent(stored):
    stored.write_text(PAGE, encoding="utf-8")  # as stored before pages carried one
    assert read_document(stored) is None


def test_a_page_that_is_not_utf8_reads_as_absent(tmp_path):
    path = tmp_path / "page.html"
    body = b"\xff\xfe<html>"  # its digest is right, but no page written here is such bytes
    path.write_bytes(body + TRAILER.encode() + hashlib.sha256(body).hexdigest().encode()
                     + b" -->\n")
    assert read_document(path) is None


def test_a_deleted_page_reads_as_absent(stored):
    stored.unlink()
    assert read_document(stored) is None


def test_a_damaged_page_is_logged(stored, caplog):
    stored.write_text(PAGE[:100], encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="geo.maps.stored_pages"):
        read_document(stored)
    assert f"stored map page {stored} is damaged" in caplog.text


def test_a_writer_killed_half_way_leaves_no_page(tmp_path):
    path = tmp_path / "maps" / "control_2026-01-06_plain_0123456789abcdef0123.html"
    killed_mid_write(f"""
        from pathlib import Path
        from geo.maps.stored_pages import write_document
        write_document(Path({str(path)!r}), {PAGE!r})
    """, marker=b"<body>")
    assert read_document(path) is None


def test_a_writer_killed_half_way_leaves_the_page_before_it_whole(stored):
    killed_mid_write(f"""
        from pathlib import Path
        from geo.maps.stored_pages import write_document
        write_document(Path({str(stored)!r}), "<html>new " + {PAGE!r})
    """, marker=b"<html>new ")
    assert read_document(stored) == PAGE


def test_what_a_killed_writer_left_is_removed_by_a_later_write(tmp_path):
    store = tmp_path / "maps"
    killed_mid_write(f"""
        from pathlib import Path
        from geo.maps.stored_pages import write_document
        write_document(Path({str(store / "control_2026-01-06_plain_0123456789abcdef0123.html")!r}),
                       {PAGE!r})
    """, marker=b"<body>")
    (left,) = store.glob("*.part")
    an_hour_ago = time.time() - 3700
    os.utime(left, (an_hour_ago, an_hour_ago))
    write_document(store / "control_2026-02-01_plain_0123456789abcdef0123.html", PAGE)
    assert list(store.glob("*.part")) == []


def test_set_up_makes_a_damaged_page_again(tmp_path):
    date = dt.date(2026, 1, 6)
    path = store_page(date, store=tmp_path)
    whole = read_document(path)
    with open(path, "r+b") as handle:
        handle.truncate(1000)
    assert store_page(date, store=tmp_path) == path
    assert read_document(path) is not None
    assert len(read_document(path)) == len(whole)
