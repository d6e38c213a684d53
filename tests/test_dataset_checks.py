"""year_chain and text_vs_table: on hand-made series, and on real reports whose outcome
was read off the documents (平潭综合实验区 2019/2020 and 2024/2025, 洪泽区 2023/2024)."""
import copy
import hashlib
import json
from pathlib import Path

from typer.testing import CliRunner

from dataset.checks import text_vs_table
from dataset.cli import app
from dataset.current import current
from parsers.__main__ import parse_path

HERE = Path(__file__).parent
FIXTURE = HERE / "files" / "dataset" / "reports.jsonl"
PINGTAN = HERE / "files" / "corpus" / "peers" / "pingtan-gov-zwgk-archive" / "pingtan" / "zwgk" / "zfxxgk" / "zfxxgknb"
KIRO = HERE / "files" / "corpus" / "peers" / "KIROGOVCOMPARE" / "derived"


def base() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8").splitlines()[3])  # 孟津区送庄镇 2023, 2021 format


def report(org: str, year: int, carried_over: int | None, carried_forward: int | None, text: str = "") -> dict:
    record = copy.deepcopy(base())
    rows = record["applications"]["rows"]
    rows["carried_over"] = [carried_over, 0, 0, 0, 0, 0, carried_over]
    rows["carried_forward"] = [carried_forward, 0, 0, 0, 0, 0, carried_forward]
    record.update(id=hashlib.sha1(f"{org}{year}".encode()).hexdigest(), org=org, year=year, text=text, checks=[],
                  region={"province": "江苏省", "city": "淮安市", "county": "洪泽区", "adcode": "320813"})
    return record


def checks_of(records: list[dict], rule: str) -> dict:
    return {(r["organ"]["id"], r["year"]): [(c["ok"], c["detail"]) for c in r["checks"] if c["rule"] == rule]
            for r in current(records).records}


def test_year_chain_on_a_hand_made_series():
    series = [
        report("洪泽区人民政府", 2020, 0, 3),
        report("淮安市洪泽区人民政府", 2021, 3, 2),   # another spelling, same organ: 3 = 3 holds
        report("洪泽区政府", 2022, 5, 0),            # 5 ≠ 2: fails
        report("洪泽区人民政府", 2024, 0, 0),         # 2023 missing: not evaluated
        report("洪泽区人民政府办公室", 2021, 3, 1),    # another organ: no previous year of its own
    ]
    found = checks_of(series, "year_chain")
    government = "320813:government:人民政府"
    assert found[(government, 2020)] == [] and found[(government, 2024)] == []
    assert found[("320813:department:人民政府办公室", 2021)] == []
    assert [ok for ok, _ in found[(government, 2021)]] == [True]
    [(ok, detail)] = found[(government, 2022)]
    assert not ok and detail.startswith("上年结转 5 ≠ 2021 结转下年度继续办理 2 (report ")


def test_year_chain_needs_both_cells():
    found = checks_of([report("洪泽区人民政府", 2020, 0, None), report("洪泽区人民政府", 2021, 4, 1)], "year_chain")
    assert found[("320813:government:人民政府", 2021)] == []  # last year's 结转下年度 is blank


def test_year_chain_never_changes_a_number():
    series = [report("洪泽区人民政府", 2020, 0, 3), report("洪泽区人民政府", 2021, 5, 0)]
    kept = current(series).records
    assert [r["applications"]["rows"]["carried_over"][6] for r in kept] == [0, 5]


def test_text_vs_table_statements():
    record = report("洪泽区人民政府", 2023, 2, 1, text=(
        "2023年，本机关共收到政府信息公开申请 12 件，上年结转 2 件，办结 13 件，结转下年度继续办理 1 件。"
        "全年新制发行政规范性文件3件。发生政府信息公开行政复议案件 4 件，行政诉讼 2 件。"))
    rows = record["applications"]["rows"]
    rows["new_received"] = [12, 0, 0, 0, 0, 0, 12]
    rows["total_processed"] = [13, 0, 0, 0, 0, 0, 13]
    record["active_disclosure"]["normative_documents"]["issued"] = 3
    record["review_litigation"]["review"].update(upheld=4, total=4)
    record["review_litigation"]["litigation_direct"].update(upheld=1, total=1)
    record["review_litigation"]["litigation_after_review"].update(upheld=0, total=0)  # 1 + 0 ≠ 2
    found = [(c["ok"], c["detail"]) for c in text_vs_table(record)]
    assert found == [
        (True, "text “收到政府信息公开申请12件” = table 三 new_received total (or with carried_over) 12 "
               "(with carried_over 14)"),
        (True, "text “上年结转2件” = table 三 carried_over total 2"),
        (True, "text “办结13件” = table 三 total_processed total 13"),
        (True, "text “结转下年度继续办理1件” = table 三 carried_forward total 1"),
        (True, "text “新制发行政规范性文件3件” = table 二 normative_documents issued 3"),
        (True, "text “行政复议案件4件” = table 四 review total 4"),
        (False, "text “行政诉讼2件” ≠ table 四 litigation totals (direct + after review) 1"),
    ]


def test_text_vs_table_received_may_include_last_years_and_blank_cells_are_not_compared():
    record = report("洪泽区人民政府", 2023, 2, None, text="全年受理政府信息公开申请14件，结转下年度3件。未收到依申请公开。")
    record["applications"]["rows"]["new_received"] = [12, 0, 0, 0, 0, 0, 12]
    found = [(c["ok"], c["detail"][:40]) for c in text_vs_table(record)]
    # 14 = 12 new + 2 carried over; "未收到依申请公开" states 0 against 12; 结转下年度 is blank
    assert [ok for ok, _ in found] == [True, False]
    assert found[1][1].startswith("text “未收到依申请公开” ≠")


def test_real_pingtan_pairs():
    """Read off the pages: 2019 and 2020 both carry 0 forward and over (四、结转下年度继续办理 0 …;
    二、上年结转 0 …), as do 2024 and 2025. 2020's prose: 共受理政府信息公开申请21件 (table: 21).
    2025's prose: 收到154件 (table 154), 办结148件 (148), 结转至2026年6件 (6), 行政复议36起 (36),
    行政诉讼9起 (direct 6 + after review 3). 2019 and 2024 state no figure a table cell holds
    (2024's 制发行政规范性文件62件 faces a glued cell 6233440 that cannot be split: null)."""
    records = [parse_path(path) for path in sorted(PINGTAN.rglob("page.txt"))]
    kept = current(records).records
    assert [(r["organ"]["id"], r["year"]) for r in kept] == [
        ("350128:government:平潭综合实验区管理委员会", year) for year in (2019, 2020, 2024, 2025)]
    chain = {r["year"]: [c["ok"] for c in r["checks"] if c["rule"] == "year_chain"] for r in kept}
    assert chain == {2019: [], 2020: [True], 2024: [], 2025: [True]}
    text = {r["year"]: [(c["ok"], c["detail"].split("”")[0][6:]) for c in r["checks"] if c["rule"] == "text_vs_table"]
            for r in kept}
    assert text == {2019: [], 2020: [(True, "受理政府信息公开申请21件")], 2024: [],
                    2025: [(True, "收到政府信息公开申请154件"), (True, "办结148件"), (True, "结转至2026年6件"),
                           (True, "行政复议36起"), (True, "行政诉讼9起")]}


def test_real_hongze_pair_and_a_prose_figure_the_table_contradicts():
    """洪泽区 2023 (title 洪泽区人民政府) and 2024 (淮安市洪泽区人民政府): 2023 carries 0 forward,
    2024 carries 0 over. 2024's prose says 区政府办代表区政府受理政府信息公开申请17件 while its
    table 三 says 95 new applications: reported, not fixed. 2023's prose says 受理…21件 = table 21."""
    records = [parse_path(KIRO / f"hzq{year}_working.pdftotext-layout.txt") for year in (2023, 2024)]
    kept = current(records).records
    result = {r["year"]: [(c["rule"], c["ok"]) for c in r["checks"] if c["rule"] in ("year_chain", "text_vs_table")]
              for r in kept}
    assert result == {2023: [("text_vs_table", True)], 2024: [("year_chain", True), ("text_vs_table", False)]}
    assert kept[1]["applications"]["rows"]["new_received"][6] == 95


def test_check_command_lists_failures_by_organ_and_year(tmp_path):
    series = [report("洪泽区人民政府", 2021, 0, 2), report("淮安市洪泽区人民政府", 2022, 5, 0),
              report("繁峙县人民政府", 2022, 0, 0, text="本年共收到政府信息公开申请3件。")]
    series[2]["region"] = {"province": "山西省", "city": "忻州市", "county": "繁峙县", "adcode": "140924"}
    source = tmp_path / "r.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in series), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(source)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "洪泽区人民政府  [320813:government:人民政府]",
        f"  2022  year_chain: 上年结转 5 ≠ 2021 结转下年度继续办理 2 (report {series[0]['id']})",
        "繁峙县人民政府  [140924:government:人民政府]",
        "  2022  text_vs_table: text “收到政府信息公开申请3件” ≠ table 三 new_received total (or with carried_over) 0 "
        "(with carried_over 0)",
    ]
    assert "2 of " in result.stderr and "checks failed in 3 reports" in result.stderr
    lines = CliRunner().invoke(app, ["check", str(source), "--json"]).stdout.splitlines()
    assert [json.loads(line)["rule"] for line in lines] == ["year_chain", "text_vs_table"]
