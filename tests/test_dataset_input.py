"""Bad input to `reports validate/export/stats` (issue #11): each bad line is named by file
and line and left out, or the command stops with a clear message and a non-zero status;
never a traceback. Spreadsheet formulas from a portal are neutralised in CSV; a count no
report can have does not crash the Parquet export."""
import copy
import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from dataset.cli import app
from dataset.columns import WIDE
from dataset.export import ExportError, write_parquet

FIXTURE = Path(__file__).parent / "files" / "dataset" / "reports.jsonl"
LINES = FIXTURE.read_bytes().splitlines(keepends=True)  # five records, each line ends with \n


def run(*args: str):
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.mark.parametrize("command", ["validate", "export", "stats"])
def test_a_null_line_is_named_and_the_others_go_on(tmp_path, command):
    source = tmp_path / "r.jsonl"
    source.write_bytes(LINES[0] + b"null\n" + LINES[2])
    result = run(command, str(source), *(["-o", str(tmp_path / "o.csv"), "--to", "csv"] if command == "export" else []))
    assert f"{source}:2: not a record (null)" in result.output
    if command == "validate":
        assert result.exit_code == 1 and "2 of 3 records valid" in result.stderr
    else:
        assert result.exit_code == 0
    if command == "export":
        assert len(list(csv.DictReader((tmp_path / "o.csv").open(encoding="utf-8")))) == 2


def test_a_torn_last_line_is_named(tmp_path):
    """A crawl killed while writing: the last line is cut inside a multi-byte character."""
    source = tmp_path / "r.jsonl"
    cut = LINES[2].index("洺".encode()) + 1
    source.write_bytes(LINES[0] + LINES[2][:cut])
    result = run("export", str(source), "--to", "csv", "-o", str(tmp_path / "o.csv"))
    assert result.exit_code == 0
    assert f"{source}:2: torn last line (cut mid-character, no newline at the end): left out" in result.stderr
    source.write_bytes(LINES[0] + LINES[2][:200])  # cut between characters: JSON that ends too soon
    result = run("stats", str(source))
    assert result.exit_code == 0 and f"{source}:2: torn last line (no newline at the end): left out" in result.stderr


def test_a_gbk_file_is_named_with_what_to_do(tmp_path):
    source = tmp_path / "gbk.jsonl"
    records = [json.loads(line) for line in LINES[:3]]
    source.write_bytes(b"".join(json.dumps(r, ensure_ascii=False).encode("gbk") + b"\n" for r in records))
    for command in ("export", "stats"):
        result = run(command, str(source))
        assert result.exit_code == 2
        assert f"{source}:1: the file is not UTF-8 (it reads as GBK/GB18030)" in result.stderr
        assert "iconv -f GB18030 -t UTF-8" in result.stderr
        assert f"error: no records in {source}" in result.stderr
    assert run("validate", str(source)).exit_code == 1


def test_exporting_errors_jsonl_says_it_holds_no_reports(tmp_path):
    source = tmp_path / "errors.jsonl"
    source.write_text("".join(json.dumps({"url": f"https://x.gov.cn/{i}.html", "page_url": None, "stage": "fetch",
                                          "error": "HTTP 500", "at": "2024-01-01T00:00:00+00:00"}) + "\n"
                              for i in range(3)), encoding="utf-8")
    result = run("export", str(source), "--to", "csv")
    assert result.exit_code == 2
    assert f"no records in {source}: 3 error lines (documents that did not become reports" in result.stderr
    assert not (tmp_path / "errors.wide.csv").exists()


def test_spreadsheet_formulas_from_a_portal_are_neutralised(tmp_path):
    record = json.loads(LINES[0])
    record["title"] = '=HYPERLINK("http://evil.example/","点击")'
    record["org"] = "+繁峙县大营镇人民政府"
    record["source"]["site"] = "@site"
    record["published"] = "\t2024-01-10"
    source = tmp_path / "r.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run("export", str(source), "--to", "csv", "-o", str(tmp_path / "o.csv")).exit_code == 0
    row = next(csv.DictReader((tmp_path / "o.csv").open(encoding="utf-8")))
    assert row["title"] == '\'=HYPERLINK("http://evil.example/","点击")'
    assert (row["org"], row["site"], row["published"]) == ("'+繁峙县大营镇人民政府", "'@site", "'\t2024-01-10")
    assert row["url"] == "https://www.fanshi.gov.cn/a/1.html"  # ordinary text untouched


def test_a_change_column_keeps_its_minus_sign(tmp_path):
    """本年增/减 may be negative: a number, not text, so it is not neutralised."""
    record = json.loads(LINES[2])  # 洺州镇, 2019 format
    record["active_disclosure"]["licensing"]["change"] = -4
    source = tmp_path / "r.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run("export", str(source), "--to", "csv", "-o", str(tmp_path / "o.csv")).exit_code == 0
    assert next(csv.DictReader((tmp_path / "o.csv").open(encoding="utf-8")))["art20_licensing_change"] == "-4"


def test_a_twenty_digit_count_is_null_with_a_warning_not_a_crash(tmp_path):
    record = json.loads(LINES[0])
    record["applications"]["rows"]["granted"][0] = 12345678901234567890
    source = tmp_path / "r.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    target = tmp_path / "o.parquet"
    result = run("export", str(source), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert (f"{source}:1: dataset: apps_granted_natural_person = 12345678901234567890 is not a plausible count; "
            "exported as null") in result.stderr
    row = pq.read_table(target).to_pylist()[0]
    assert row["apps_granted_natural_person"] is None and row["apps_granted_total"] == 0 and row["warnings"] == 1


def test_the_parquet_writer_names_a_value_it_cannot_hold(tmp_path):
    row = {column.name: None for column in WIDE} | {"id": "x", "apps_granted_total": 10**20}
    with pytest.raises(ExportError, match="record x: column apps_granted_total holds 100000000000000000000"):
        write_parquet(tmp_path / "o.parquet", WIDE, [row])


def test_a_folder_without_jsonl_and_an_empty_file(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("stats", str(tmp_path / "empty"))
    assert result.exit_code == 2 and "no .jsonl file in" in result.stderr
    (tmp_path / "e.jsonl").write_text("", encoding="utf-8")
    result = run("export", str(tmp_path / "e.jsonl"))
    assert result.exit_code == 2 and "no records in" in result.stderr


def test_many_bad_lines_are_summarised(tmp_path):
    source = tmp_path / "r.jsonl"
    source.write_bytes(LINES[0] + b"[1]\n" * 30)
    result = run("stats", str(source))
    assert result.exit_code == 0
    assert result.stderr.count("not a record (a JSON list)") == 20 and "… and 10 more lines" in result.stderr


def test_validate_names_the_file_and_line_of_a_schema_error(tmp_path):
    record = copy.deepcopy(json.loads(LINES[0]))
    record["year"] = "2023"
    source = tmp_path / "r.jsonl"
    source.write_bytes(LINES[1] + (json.dumps(record, ensure_ascii=False) + "\n").encode())
    result = run("validate", str(source))
    assert result.exit_code == 1 and f"{source}:2: year: '2023' is not of type" in result.stdout
