import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from evlens.cli import build_app

runner = CliRunner()
GOLD = Path(__file__).resolve().parents[2] / "goldset" / "articles"


def invoke(*args):
    return runner.invoke(build_app(), list(args), catch_exceptions=False)


def test_extract_json_lines_hold_their_span(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("2024 年 4 月和 5 月，小米 SU7 的交付量分别为 7000 辆和 8600 辆。", encoding="utf-8")
    r = invoke("--db", str(tmp_path / "x.duckdb"), "extract", str(path), "--json", "--date", "2025-02-08")
    assert r.exit_code == 0, r.output
    lines = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    text = path.read_text(encoding="utf-8")
    assert [(d["period"], d["value"]) for d in lines] == [("2024-04", 7000), ("2024-05", 8600)]
    for d in lines:
        assert text[d["span"][0] : d["span"][1]] == d["surface"]
        assert set(d) >= {
            "entity",
            "metric",
            "value",
            "unit",
            "rate",
            "bound",
            "period",
            "cumulative",
            "span",
            "surface",
            "sentence",
            "rule",
        }


def test_store_once_then_facts_shows_chosen_value_and_conflict(tmp_path):
    db = str(tmp_path / "x.duckdb")
    files = [str(GOLD / "g30.md")]
    a = tmp_path / "early.md"
    a.write_text("---\ndate: 2024-06-01\n---\n5 月，小米 SU7 交付 8630 辆。", encoding="utf-8")
    assert invoke("--db", db, "extract", *files, str(a), "--store").exit_code == 0
    r = invoke("--db", db, "extract", *files, "--store")
    assert "already stored" in r.output
    r = invoke("--db", db, "facts", "xiaomi-su7", "deliveries", "--period", "2024-05", "--json")
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    (s,) = out["series"]
    # g30 (published 2025-03-28) revises the early report of 8,630 to 8,646
    assert s["value"] == 8646 and [c["value"] for c in s["conflicts"]] == [8630]
    assert len(s["facts"]) == 2


def test_bad_date_is_a_user_error(tmp_path):
    import pytest

    from evlens.cli import main

    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(SystemExit) as e:
        main(["extract", str(path), "--date", "2025-13-01"])
    assert e.value.code == 2


def test_extract_on_a_dask_cluster_stores_in_one_step(tmp_path):
    db = str(tmp_path / "x.duckdb")
    files = [str(GOLD / "g03.md"), str(GOLD / "g21.md")]
    r = invoke(
        "--db",
        db,
        "extract",
        *files,
        "--workers",
        "1",
        "--threads",
        "--store",
        "--json",
        "--out",
        str(tmp_path / "parts"),
    )
    assert r.exit_code == 0, r.output
    lines = [json.loads(x) for x in r.stdout.splitlines() if x.strip().startswith("{")]
    assert {d["entity"] for d in lines} == {"nio", "tesla"}
    assert sorted((tmp_path / "parts" / "facts").glob("*.parquet"))
    import evlens

    with evlens.open(db) as st:
        assert st.counts()["documents"] == 2 and st.counts()["facts"] == len(lines)


def test_bad_front_matter_date_names_file_line_and_field(tmp_path):
    import pytest

    from evlens.errors import InputError
    from evlens.extract import read_document

    path = tmp_path / "a.md"
    path.write_text("---\ntitle: x\ndate: 8 Feb 2025\n---\nbody", encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_document(path)
    assert (e.value.path, e.value.line, e.value.field) == (str(path), 3, "date")
    path.write_bytes(b"\xff\xfe bad")
    with pytest.raises(InputError, match="not UTF-8"):
        read_document(path)


def test_all_readings_keeps_what_the_confidence_model_sets_aside_and_json_carries_it(tmp_path):
    from evlens.extract import extract_text
    from evlens.extract.confidence import shipped_model

    # figures the readers of the training sets seldom record (a part of revenue, a count
    # produced): each refit of the model scores them anew, so the first example holding a
    # reading below the threshold serves
    examples = (
        "小米第三季收入1131億元，其中境外互聯網收入33億元，佔比34.9%。",
        "特斯拉第四季度生产434,358辆，交付418,227辆。",
    )
    for body in examples:
        every = extract_text(body, date(2025, 12, 2), judged=False)
        judged = {(f.metric, f.value): f.confidence for f in extract_text(body, date(2025, 12, 2))}
        low = [f for f in every if (f.metric, f.value) not in judged]
        if low:
            break
    assert low, "an example should hold a reading below the threshold"
    path = tmp_path / "a.txt"
    path.write_text(body, encoding="utf-8")
    outs = {}
    for flags in ([], ["--all-readings"]):
        r = invoke("extract", str(path), "--date", "2025-12-02", "--json", *flags)
        assert r.exit_code == 0, r.output
        outs[bool(flags)] = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    assert len(outs[True]) == len(every) > len(outs[False]) == len(judged)
    for d in outs[False]:
        assert d["confidence"] == judged[(d["metric"], d["value"])] >= shipped_model().threshold
    assert min(d["confidence"] for d in outs[True]) < shipped_model().threshold
