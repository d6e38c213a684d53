"""The current view every dataset command works on: the latest version of each record id,
then one record per (organ, year); several files or folders (per-worker outputs) merge,
in any order, to the same view."""
import copy
import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from dataset.cli import app
from dataset.current import current
from parsers.__main__ import parse_path

HERE = Path(__file__).parent
FIXTURE = HERE / "files" / "dataset" / "reports.jsonl"
KIRO = HERE / "files" / "corpus" / "peers" / "KIROGOVCOMPARE" / "derived"


def fixture(index: int) -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8").splitlines()[index])


def with_new_received(record: dict, total: int, **changes) -> dict:
    """The record with natural-person applications = total (table 三 stays balanced per row)."""
    record = copy.deepcopy(record)
    record["applications"]["rows"]["new_received"] = [total, 0, 0, 0, 0, 0, total]
    record.update(changes)
    return record


def write(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def exported(tmp_path: Path, *sources: Path) -> list[dict]:
    target = tmp_path / "out.csv"
    result = CliRunner().invoke(app, ["export", *map(str, sources), "--to", "csv", "-o", str(target)])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(target.open(encoding="utf-8")))


def test_a_corrected_version_replaces_the_first_in_any_order(tmp_path):
    base = fixture(2)  # 洺州镇人民政府 2023, 2019 format
    v1 = with_new_received(base, 5, version=1, run="20240101T000000Z")
    v2 = with_new_received(base, 7, version=2, run="20240108T000000Z")
    for order in ([v1, v2], [v2, v1]):
        rows = exported(tmp_path, write(tmp_path / "reports.jsonl", order))
        assert [(r["org"], r["apps_new_received_total"], r["version"]) for r in rows] == [("洺州镇人民政府", "7", "2")]


def test_a_version_tie_goes_to_the_later_run_then_the_later_fetch(tmp_path):
    base = fixture(2)
    early = with_new_received(base, 5, version=1, run="20240101T000000Z")
    late = with_new_received(base, 6, version=1, run="20240108T000000Z")
    assert [r["apps_new_received_total"] for r in exported(tmp_path, write(tmp_path / "a.jsonl", [late, early]))] == ["6"]
    fetched = copy.deepcopy(early)
    fetched["source"]["fetched_at"] = "2024-03-02T00:00:00+00:00"
    fetched["applications"]["rows"]["new_received"] = [4, 0, 0, 0, 0, 0, 4]
    assert [r["apps_new_received_total"] for r in exported(tmp_path, write(tmp_path / "b.jsonl", [fetched, early]))] \
        == ["4"]
    view = current([early, late, fetched])
    assert (view.lines, view.superseded, len(view.records), view.records[0]["superseded"]) == (3, 2, 1, 2)


def test_copies_from_two_workers_merge_to_one_record_whatever_the_order(tmp_path):
    page, pdf = fixture(0), fixture(1)  # 繁峙县大营镇 2023: HTML page and its PDF (table 三 missing)
    write(tmp_path / "w1" / "reports.jsonl", [page, fixture(2)])
    write(tmp_path / "w2" / "reports.jsonl", [pdf, fixture(3)])
    write(tmp_path / "w2" / "errors.jsonl", [{"url": "https://x.gov.cn/1.pdf", "stage": "fetch", "error": "HTTP 500"}])
    one = exported(tmp_path, tmp_path / "w1", tmp_path / "w2")
    other = exported(tmp_path, tmp_path / "w2", tmp_path / "w1")
    assert one == other
    assert [(r["org"], r["format"]) for r in one] == [("洺州镇人民政府", "html"), ("繁峙县大营镇人民政府", "html"),
                                                      ("孟津区送庄镇人民政府", "html")]
    assert one[1]["sources"].split() == ["https://www.fanshi.gov.cn/a/1.html", "https://www.fanshi.gov.cn/a/index.html",
                                         "https://www.fanshi.gov.cn/a/1.pdf"]


def test_an_equally_complete_copy_is_chosen_the_same_way_in_any_order():
    a, b = fixture(0), copy.deepcopy(fixture(0))
    b["id"], b["source"] = "0" * 40, {**b["source"], "url": "https://www.fanshi.gov.cn/b/1.html"}
    assert current([a, b]).records[0]["id"] == current([b, a]).records[0]["id"] == "0" * 40  # smaller id
    newer = {**copy.deepcopy(a), "id": "f" * 40, "source": {**a["source"], "fetched_at": "2024-05-01T00:00:00+00:00"}}
    assert current([a, b, newer]).records[0]["id"] == current([newer, b, a]).records[0]["id"] == "f" * 40


def test_one_organ_across_two_spellings_and_years():
    """KIROGOVCOMPARE's 洪泽区 reports: 2023 titled 洪泽区人民政府, 2024 淮安市洪泽区人民政府."""
    records = [{**parse_path(KIRO / name), "file": name} for name in
               ("hzq2023_working.pdftotext.txt", "hzq2023_working.pdftotext-layout.txt",
                "hzq2024_working.pdftotext.txt")]
    assert [r["org"] for r in records] == ["洪泽区人民政府", "洪泽区人民政府", "淮安市洪泽区人民政府"]
    view = current(records)
    assert [(r["organ"]["id"], r["organ"]["name"], r["year"]) for r in view.records] == [
        ("320813:government:人民政府", "洪泽区人民政府", 2023), ("320813:government:人民政府", "洪泽区人民政府", 2024)]
    assert view.merged == 1  # the two text versions of the 2023 PDF are one report


def test_all_copies_keeps_each_id_once(tmp_path):
    source = write(tmp_path / "r.jsonl", [fixture(0), fixture(1), with_new_received(fixture(2), 3, version=2),
                                          fixture(2)])
    result = CliRunner().invoke(app, ["export", str(source), "--to", "csv", "--all-copies", "-o", str(tmp_path / "a.csv")])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader((tmp_path / "a.csv").open(encoding="utf-8")))
    assert sorted((r["org"], r["apps_new_received_total"]) for r in rows) == [
        ("洺州镇人民政府", "3"), ("繁峙县 大营镇人民政府", ""), ("繁峙县大营镇人民政府", "0")]


def test_stats_and_check_read_the_current_view(tmp_path):
    base = fixture(2)
    source = write(tmp_path / "r.jsonl", [with_new_received(base, 5, version=1), with_new_received(base, 7, version=2)])
    result = CliRunner().invoke(app, ["stats", str(source), "--json"])
    numbers = json.loads(result.stdout)
    assert (numbers["reports"], numbers["lines"]) == (1, 2)
    assert numbers["nulls"]["cells"]["apps_new_received_total"] == {"reports": 1, "null": 0, "rate": 0.0}
