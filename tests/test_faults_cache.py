"""A cache is data, checked on every load: damaged or poisoned entries are misses, a broken cache is no cache."""
from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
import pickle
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from domain.problems import problem
from helpers.paths import RAW_DIR
from helpers.runs import read_tables
from kompass.cache import Cache, InvalidEntry
from kompass.cli import main
from kompass.codec import Codec
from kompass.pipeline import CACHE_CODEC, Options, run_extract
from kompass.results import CachedFailure, DocumentResult
from normalize.rows import NormalizedReport

pytestmark = pytest.mark.slow  # whole runs against poisoned caches

SCORES = ("report_id", "area_no", "score")


def _scores(out: Path) -> list[tuple]:
    return [tuple(row[c] for c in SCORES) for row in read_tables(out)["areas"]]


def _entries(cache: Path, kind: str) -> list[Path]:
    return sorted(path for path in (cache / kind).rglob("*") if path.is_file())


@pytest.fixture
def cached(tmp_path):
    """A dataset extracted with a cache, and the scores it published."""
    out, cache = tmp_path / "out", tmp_path / "cache"
    run_extract([RAW_DIR], out, Options(jobs=2, cache_dir=cache))
    return out, cache, _scores(out)


def _invalid_notes(out: Path) -> list[tuple[str, str]]:
    return sorted((p["source_path"], p["severity"]) for p in read_tables(out)["problems"]
                  if p["code"] == "cache_entry_invalid")


def test_a_flipped_bit_in_a_record_is_a_miss_not_a_wrong_score(cached):
    out, cache, scores = cached
    for entry in _entries(cache, "records"):
        data = bytearray(entry.read_bytes())
        data[-20] ^= 0x01
        entry.write_bytes(bytes(data))
    run_extract([RAW_DIR], out, Options(jobs=2, cache_dir=cache))
    assert _scores(out) == scores
    assert _invalid_notes(out) == [(path.name, "info") for path in sorted(RAW_DIR.iterdir())]
    run_extract([RAW_DIR], out, Options(jobs=2, cache_dir=cache))  # the entries were written again, whole
    assert _invalid_notes(out) == []


def test_a_poisoned_pickle_in_the_cache_runs_nothing(cached, tmp_path):
    out, cache, scores = cached
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self):
            return (Path.touch, (marker,))

    poison = pickle.dumps(Payload())
    for entry in _entries(cache, "records") + _entries(cache, "models"):
        entry.write_bytes(poison)
    result = CliRunner().invoke(main, ["extract", str(RAW_DIR), "--out", str(out), "--cache", str(cache)])
    assert result.exit_code == 0, result.output
    assert not marker.exists()
    assert _scores(out) == scores
    messages = sorted(p["message"] for p in read_tables(out)["problems"] if p["code"] == "cache_entry_invalid")
    assert messages == sorted(f"The cached {kind} of {path.name} was not used: it is not a kompass cache entry."
                              for path in RAW_DIR.iterdir() for kind in ("record", "document model"))


def test_an_entry_with_a_valid_checksum_but_a_class_not_listed_is_refused(tmp_path):
    cache = Cache(tmp_path, Codec((DocumentResult,)))
    payload = gzip.compress(json.dumps({"$class": "Popen", "fields": [["touch", str(tmp_path / "x")]]}).encode())
    header = b" ".join([b"kompass-cache/1", cache.codec.fingerprint.encode(),
                        hashlib.sha256(payload).hexdigest().encode()])
    entry = tmp_path / "records" / "ab" / "abcd"
    entry.parent.mkdir(parents=True)
    entry.write_bytes(header + b"\n" + payload)
    with pytest.raises(InvalidEntry, match="cannot be decoded .*unexpected object 'Popen'"):
        cache.load("records", "abcd")


def test_an_entry_of_another_shape_is_refused(tmp_path):
    Cache(tmp_path, Codec((DocumentResult,))).store("records", "abcd", DocumentResult("r.txt", None, None))
    with pytest.raises(InvalidEntry, match="another version"):
        Cache(tmp_path, CACHE_CODEC).load("records", "abcd")


def test_records_round_trip_with_dates_lists_tuples_and_none(tmp_path):
    report = NormalizedReport("taby-2017", "r.txt", {"reports": [
        {"report_date": date(2017, 5, 2), "evaluators": ["Anna Berg"], "total": None, "share": 0.5}]},
        [problem("truncated_report", "cut", 4)])
    value = (DocumentResult("r.txt", "text", report, report.problems, "read"), CachedFailure("empty_file", "x", None))
    cache = Cache(tmp_path, CACHE_CODEC)
    cache.store("records", "ab12", value)
    assert cache.load("records", "ab12") == value


def test_a_class_whose_fields_are_not_all_positional_is_refused_by_the_codec():
    @dataclasses.dataclass(frozen=True)
    class Tagged:
        text: str
        tag: str = dataclasses.field(default="", kw_only=True)

    with pytest.raises(TypeError, match="positional"):
        Codec((Tagged,))


@pytest.mark.parametrize("breakage", ["cache path under a file", "cache folder is read-only"])
def test_an_unusable_cache_is_one_warning_and_never_costs_a_document(cached, monkeypatch, tmp_path, breakage):
    out, cache, scores = cached
    if breakage == "cache path under a file":
        shutil.rmtree(cache)
        cache.write_text("not a folder", encoding="utf-8")
        cache = cache / "models"
    else:
        monkeypatch.setenv("KOMPASS_FAULT", "cache_write:eacces")  # as root, chmod would not stop a write
    result = CliRunner().invoke(main, ["extract", str(RAW_DIR), "--out", str(out), "--cache", str(cache)])
    assert result.exit_code == 0, result.output
    assert _scores(out) == scores
    warnings = [p for p in read_tables(out)["problems"] if p["code"] == "cache_unavailable"]
    assert [(p["source_path"], p["severity"]) for p in warnings] == [("", "warning")]
    assert str(cache) in warnings[0]["message"]
