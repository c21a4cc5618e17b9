"""python -m geo check FILE: a short summary and exit 0, or one sentence on stderr and exit 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from geo.cli.arguments import EXIT_USAGE
from geo.cli.main import main
from geo.ingest.limits import MAX_FILE_BYTES
from tests.conftest import ROOT
from tests.unit.ingest.ingest_files import BAD_INPUTS, DOCUMENTS, RING

DONETSK = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"date": "2026-01-06"},
     "geometry": {"type": "Polygon", "coordinates": [RING]}}]}


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def write(folder: Path, name: str, content: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def test_a_good_file_prints_its_summary_and_exits_0(tmp_path):
    path = write(tmp_path, "donetsk.geojson", json.dumps(DONETSK))
    status, out, err = run("check", str(path))
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "donetsk.geojson (GeoJSON)"
    assert "date: 2026-01-06" in lines
    assert "features: 1" in lines
    assert any(line.startswith("occupied: 1,") and "km2 (EPSG:3035)" in line
               and line.endswith("% of Ukraine") for line in lines)


def test_a_file_without_a_date_says_so(tmp_path):
    del DONETSK["features"][0]["properties"]["date"]  # restored below
    try:
        path = write(tmp_path, "areas.geojson", json.dumps(DONETSK))
    finally:
        DONETSK["features"][0]["properties"]["date"] = "2026-01-06"
    assert "date: no date found" in run("check", str(path))[1]


def test_repairs_are_printed_as_notes(tmp_path):
    bow_tie = [[37.3, 48.2], [37.9, 48.6], [37.9, 48.2], [37.3, 48.6], [37.3, 48.2]]
    path = write(tmp_path, "bow.geojson", json.dumps({"type": "Polygon", "coordinates": [bow_tie]}))
    status, out, _ = run("check", str(path))
    assert status == 0
    assert "note: 1 self-intersecting polygon repaired with make_valid" in out.splitlines()


def test_a_bad_file_exits_2_with_one_sentence_on_stderr():
    status, out, err = run("check", str(BAD_INPUTS / "swapped.geojson"))
    assert status == EXIT_USAGE
    assert out == ""
    assert err.startswith("error: the coordinates fit Ukraine only when swapped")
    assert err.count("\n") == 1


def test_a_missing_file_exits_2():
    status, _, err = run("check", str(ROOT / "no" / "such.geojson"))
    assert status == EXIT_USAGE
    assert "No such file or directory" in err


def test_a_folder_exits_2(tmp_path):
    assert run("check", str(tmp_path))[0] == EXIT_USAGE


def test_a_file_over_the_size_limit_is_refused_without_being_read(tmp_path):
    path = tmp_path / "huge.geojson"
    with path.open("wb") as file:
        file.truncate(MAX_FILE_BYTES * 100)  # sparse: 500 MB reported, nothing on disk
    status, _, err = run("check", str(path))
    assert status == EXIT_USAGE
    assert "524,288,000 bytes, more than the 5,242,880 bytes (5 MB) allowed" in err


def test_the_command_runs_as_python_m_geo():
    command = [sys.executable, "-m", "geo", "check", str(BAD_INPUTS / "zip_slip.zip")]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120,
                            check=False)
    assert result.returncode == EXIT_USAGE
    assert result.stderr.startswith("error: the zip holds a member with an unsafe path")


def check_never_raises(data: bytes) -> None:
    # A temporary folder of its own: hypothesis reruns the body, tmp_path would be shared.
    with tempfile.TemporaryDirectory() as folder:
        status, out, err = run("check", str(write(Path(folder), "upload", data)))
    assert (status, bool(out), bool(err)) in ((0, True, False), (EXIT_USAGE, False, True))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2_000))
def test_check_never_raises_for_arbitrary_bytes(data):
    check_never_raises(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_check_never_raises_for_random_geojson_like_documents(document):
    check_never_raises(json.dumps(document).encode("utf-8"))
