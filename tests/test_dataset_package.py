"""datapackage.json beside CSV and Parquet exports, validated by the frictionless library,
and the column dictionary (`reports columns`) it shares with every export."""
import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from dataset.cli import app
from dataset.columns import LONG, WIDE

HERE = Path(__file__).parent
CORPUS = HERE / "files" / "corpus"


def test_data_package_of_csv_and_parquet_exports_is_valid(tmp_path):
    import frictionless

    runner = CliRunner()
    source = tmp_path / "reports.jsonl"
    assert runner.invoke(app, ["parse", str(CORPUS / "seeds"), str(CORPUS / "peers" / "pingtan-gov-zwgk-archive"),
                               "-o", str(source)]).exit_code == 0
    for args in (["--to", "csv"], ["--to", "csv", "--shape", "long"], ["--to", "parquet"]):
        result = runner.invoke(app, ["export", str(source), *args])
        assert result.exit_code == 0, result.output
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in package["resources"]] == ["reports.wide.csv", "reports.long.csv", "reports.wide.parquet"]
    fields = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    assert len(fields) == len(WIDE) == 256
    assert fields["art20_fees_amount"] | {"description": ""} == {
        "name": "art20_fees_amount", "type": "number", "title": "表二 主动公开政府信息情况：行政事业性收费·本年收费金额",
        "unit": "万元", "description": ""}
    assert fields["apps_new_received_total"]["type"] == "integer" and fields["apps_new_received_total"]["unit"] == "件"
    assert "Null: blank in the report" in fields["apps_new_received_total"]["description"]
    assert fields["check_year_chain"]["type"] == "boolean" and fields["sources"]["type"] == "string"

    report = frictionless.validate(tmp_path / "datapackage.json", limit_errors=20)
    by_path = {task.name: task for task in report.tasks}
    # CSV resources: every row checked against its fields (types, nulls, the primary key)
    for name in ("reports.wide.csv", "reports.long.csv"):
        task = by_path[name]
        assert task.valid, [error.message for error in task.errors][:5]
    rows = {name: len(list(csv.DictReader((tmp_path / name).open(encoding="utf-8"))))
            for name in ("reports.wide.csv", "reports.long.csv")}
    assert rows["reports.wide.csv"] == 9 and rows["reports.long.csv"] > 9 * 100  # seeds 5 + 平潭 4 reports
    # Parquet: frictionless reads it through pandas, which turns nullable integers into floats, so
    # its rows are not compared; its descriptor is valid and its fields are the file's own columns
    parquet = frictionless.Resource(package["resources"][2], basepath=str(tmp_path))
    assert frictionless.Resource.validate_descriptor(package["resources"][2]).valid
    assert [f.name for f in parquet.schema.fields] == pq.read_schema(tmp_path / "reports.wide.parquet").names


def test_columns_cover_every_column_with_label_and_unit():
    result = CliRunner().invoke(app, ["columns", "--csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["name"] for row in rows] == [c.name for c in WIDE]
    assert len(rows) == 256 and all(row["label"] and row["description"] and row["null"] for row in rows)
    by_name = {row["name"]: row for row in rows}
    assert (by_name["year"]["label"], by_name["year"]["unit"]) == ("报告年度", "年")
    assert by_name["organ_id"]["label"] == "机关编号"
    assert by_name["apps_new_received_total"] | {"description": "", "null": ""} == {
        "name": "apps_new_received_total", "type": "int64", "unit": "件", "description": "", "null": "",
        "label": "表三 收到和处理政府信息公开申请情况：一、本年新收政府信息公开申请数量·总计"}
    assert by_name["rl_litigation_direct_upheld"]["label"] == \
        "表四 政府信息公开行政复议、行政诉讼情况：行政诉讼·未经复议直接起诉·结果维持"
    assert by_name["art20_procurement_amount"]["unit"] == "元或万元（按报告所写）"
    # every cell column has a unit; a label with a comma or a quote survives the csv module
    assert all(row["unit"] for row in rows if row["name"].startswith(("art20_", "apps_", "rl_")))
    long = CliRunner().invoke(app, ["columns", "--csv", "--shape", "long"])
    assert [row["name"] for row in csv.DictReader(io.StringIO(long.stdout))] == [c.name for c in LONG]


def test_columns_markdown():
    result = CliRunner().invoke(app, ["columns"])
    lines = result.stdout.splitlines()
    assert lines[0] == "| name | type | unit | label | description | null |" and len(lines) == 2 + 256
