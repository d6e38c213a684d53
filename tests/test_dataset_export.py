"""Exports: stable column names, one record per (organ, year), and JSONL -> Parquet/CSV
round trips that keep every value and every null."""
import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from dataset.cli import app
from dataset.columns import CELLS, value
from dataset.current import current
from dataset.read import read
from dataset.export import long, wide, write_csv, write_parquet
from parsers.__main__ import parse_path

HERE = Path(__file__).parent
FIXTURE = HERE / "files" / "dataset" / "reports.jsonl"
CORPUS = sorted(p for p in (HERE / "files" / "corpus").rglob("*") if p.suffix in (".txt", ".html"))


def view(*paths: Path) -> list[dict]:
    return current(read(list(paths)).records).records


def canonical(records: list[dict]) -> list[dict]:
    return current(records).records


@pytest.fixture(scope="module")
def corpus_records() -> list[dict]:
    records = []
    for path in CORPUS:
        try:
            records.append(parse_path(path))
        except ValueError:  # not a report (notes, fragments)
            continue
    return records


def test_cell_names_are_stable_and_unique():
    names = [cell.name for cell in CELLS]
    # table 二: both formats and the 其他主动公开文件 row some reports add (3); 三: 25+1 rows; 四
    assert len(names) == len(set(names)) == 29 + 3 + 26 * 7 + 15
    assert "art20_other_active_docs_new_made" in names
    assert names[:3] == ["art20_regulations_issued", "art20_regulations_repealed", "art20_regulations_in_force"]
    for name in ("apps_new_received_total", "art20_licensing_decisions", "art20_fees_amount",
                 "art20_procurement_amount", "apps_other_natural_person", "apps_carried_forward_total",
                 "rl_review_upheld", "rl_litigation_after_review_total"):
        assert name in names
    assert {c.name for c in CELLS if c.dtype == "float64"} == {"art20_fees_amount", "art20_procurement_amount"}


def test_one_record_per_organ_and_year_keeps_the_most_complete_copy_and_lists_all_sources():
    kept = canonical(read([FIXTURE]).records)
    # by organ id (130533 威县, 140924 繁峙县, 410308 孟津区), the organ without one last
    assert [r["org"] for r in kept] == ["洺州镇人民政府", "繁峙县大营镇人民政府", "孟津区送庄镇人民政府", "某县财政局"]
    first = kept[1]
    assert first["source"]["format"] == "html"  # the PDF copy lacks table 三
    assert first["sources"] == ["https://www.fanshi.gov.cn/a/1.html", "https://www.fanshi.gov.cn/a/index.html",
                                "https://www.fanshi.gov.cn/a/1.pdf"]
    assert len(first["duplicate_ids"]) == 1


def test_records_without_org_or_year_are_never_merged():
    records = [{"id": "1", "org": None, "year": 2023}, {"id": "2", "org": None, "year": 2023},
               {"id": "3", "org": "繁峙县人民政府", "year": None}, {"id": "4", "org": "繁峙县人民政府", "year": None}]
    assert sorted(r["id"] for r in canonical(records)) == ["1", "2", "3", "4"]


def test_wide_parquet_round_trip_on_corpus(tmp_path, corpus_records):
    kept = canonical(corpus_records)
    columns, rows = wide(kept)
    write_parquet(tmp_path / "w.parquet", columns, rows)
    back = pq.read_table(tmp_path / "w.parquet").to_pylist()
    assert back == rows
    nulls = 0
    for record, row in zip(kept, back):
        assert (row["id"], row["org"], row["year"], row["adcode"]) == \
            (record["id"], record["org"], record["year"], record["region"]["adcode"])
        for cell in CELLS:
            assert row[cell.name] == value(record, cell)
            assert (row[cell.name] is None) == (value(record, cell) is None)
            nulls += row[cell.name] is None
    assert nulls > 0  # the corpus has blank cells: the test would see a null turned into 0


def test_long_parquet_round_trip(tmp_path):
    kept = canonical(read([FIXTURE]).records)
    columns, rows = long(kept)
    write_parquet(tmp_path / "l.parquet", columns, rows)
    back = pq.read_table(tmp_path / "l.parquet").to_pylist()
    assert back == rows
    # a1: 2021 tables (10 + 25*7 + 15 cells), b1: 2019 (22 + 23*7 + 15), c1 like a1, d1 no table
    assert len(back) == 2 * (10 + 175 + 15) + (22 + 161 + 15)
    by_key = {(r["org"], r["name"]): r["value"] for r in back}
    assert by_key[("繁峙县大营镇人民政府", "apps_carried_over_total")] is None
    assert by_key[("繁峙县大营镇人民政府", "apps_granted_total")] == 0
    assert by_key[("孟津区送庄镇人民政府", "rl_review_total")] == 1
    assert ("繁峙县大营镇人民政府", "apps_other_total") not in by_key  # a 2019 row, not in a 2021 report


def test_csv_nulls_are_empty_zeros_are_zero_and_bom_on_request(tmp_path):
    columns, rows = wide(canonical(read([FIXTURE]).records))
    write_csv(tmp_path / "plain.csv", columns, rows)
    write_csv(tmp_path / "excel.csv", columns, rows, bom=True)
    assert (tmp_path / "excel.csv").read_bytes()[:3] == b"\xef\xbb\xbf"
    assert (tmp_path / "plain.csv").read_bytes()[:2] == b"id"
    table = list(csv.DictReader(io.StringIO((tmp_path / "excel.csv").read_text(encoding="utf-8-sig"))))
    first = next(row for row in table if row["org"] == "繁峙县大营镇人民政府")
    assert first["level"] == "township" and first["organ_id"] == "140924:township:大营镇人民政府"
    assert (first["apps_carried_over_total"], first["apps_granted_total"]) == ("", "0")
    assert first["check_applications_balance"] == "" and first["check_review_litigation_totals"] == "true"
    assert first["sources"].split() == ["https://www.fanshi.gov.cn/a/1.html", "https://www.fanshi.gov.cn/a/index.html",
                                        "https://www.fanshi.gov.cn/a/1.pdf"]


def test_readme_duckdb_query_over_the_parquet_export(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    target = tmp_path / "reports.wide.parquet"
    result = CliRunner().invoke(app, ["export", str(FIXTURE), "--to", "parquet", "-o", str(target)])
    assert result.exit_code == 0, result.output
    rows = duckdb.sql(f"""
        SELECT province, level, count(*) AS reports,
               sum(apps_new_received_total) AS applications,
               avg(CASE WHEN check_review_litigation_totals THEN 0 ELSE 1 END) AS review_failure_rate
        FROM '{target}' WHERE year = 2023
        GROUP BY ALL ORDER BY province""").fetchall()
    assert rows == [("山西省", "township", 1, 0, 0.0), ("河北省", "township", 1, 0, 0.0),
                    ("河南省", "township", 1, 0, 1.0)]


def test_parse_then_export_and_validate_from_the_command_line(tmp_path):
    runner = CliRunner()
    out = tmp_path / "reports.jsonl"
    seeds = HERE / "files" / "corpus" / "seeds"
    result = runner.invoke(app, ["parse", str(seeds), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5 and records[0]["org"] == "繁峙县大营镇人民政府"
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0
    result = runner.invoke(app, ["export", str(out), "--to", "csv", "--shape", "long", "--bom"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "reports.long.csv").read_bytes()[:3] == b"\xef\xbb\xbf"
