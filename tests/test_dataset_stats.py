"""`reports stats` numbers on tests/files/dataset/reports.jsonl (five records, see the
README there); every expected number is counted by hand from that table."""
import json
from pathlib import Path

from typer.testing import CliRunner

from dataset.cli import app
from dataset.columns import CELLS
from dataset.current import current
from dataset.read import read
from dataset.stats import summary

FIXTURE = Path(__file__).parent / "files" / "dataset" / "reports.jsonl"


def stats() -> dict:
    view = current(read([FIXTURE]).records)
    return summary(view.records, total=view.lines)


def test_coverage_counts_each_report_once():
    numbers = stats()
    assert (numbers["reports"], numbers["lines"]) == (4, 5)  # a2 is a copy of a1
    assert numbers["coverage"] == {
        "province": {"山西省": 1, "河北省": 1, "河南省": 1, "(unknown)": 1},
        "year": {2022: 1, 2023: 3},
        "level": {"township": 3, "department": 1},
        "with_adcode": 3,
        "organs": 3,            # a1 (= a2), b1, c1: each with a division code
        "without_organ_id": 1,  # d1 某县财政局: no region, so no id
    }


def test_template_shares():
    assert stats()["templates"] == {"2021": {"count": 2, "share": 0.5}, "2019": {"count": 1, "share": 0.25},
                                    "(unknown)": {"count": 1, "share": 0.25}}


def test_rule_failure_rates_count_only_evaluated_reports():
    assert stats()["checks"] == {
        "applications.balance": {"evaluated": 2, "failed": 0, "rate": 0.0},        # b1, c1 (a1 has a blank row)
        "applications.row_totals": {"evaluated": 2, "failed": 0, "rate": 0.0},
        "applications.results_total": {"evaluated": 3, "failed": 0, "rate": 0.0},  # a1, b1, c1
        "review_litigation.totals": {"evaluated": 3, "failed": 1, "rate": 0.3333},  # c1 fails
        "year_chain": {"evaluated": 0, "failed": 0, "rate": None},       # no organ has two years
        "text_vs_table": {"evaluated": 0, "failed": 0, "rate": None},    # no prose states a figure
    }


def test_null_rates_per_table_field_and_cell():
    nulls = stats()["nulls"]
    assert nulls["table_missing"] == {"active_disclosure": 0.25, "applications": 0.25, "review_litigation": 0.25}
    assert nulls["fields"] == {"org": 0.0, "year": 0.0, "published": 0.75, "template": 0.25}
    cells = nulls["cells"]
    # carried_over exists in both formats: a1 (blank), b1, c1
    assert cells["apps_carried_over_total"] == {"reports": 3, "null": 1, "rate": 0.3333}
    assert cells["apps_other_total"] == {"reports": 1, "null": 0, "rate": 0.0}          # 2019 only: b1
    assert cells["art20_fees_amount"] == {"reports": 2, "null": 0, "rate": 0.0}         # 2021 only: a1, c1
    assert cells["art20_licensing_decisions"] == {"reports": 3, "null": 0, "rate": 0.0}  # both formats
    # the fixture has both formats: every cell is somewhere but the row only some reports add
    assert {cell.name for cell in CELLS} - set(cells) == {f"art20_other_active_docs_{column}"
                                               for column in ("new_made", "new_public", "total_public")}


def test_stats_command_prints_json_and_draws_png(tmp_path):
    png = tmp_path / "stats.png"
    result = CliRunner().invoke(app, ["stats", str(FIXTURE), "--json", "--png", str(png)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["checks"]["review_litigation.totals"]["failed"] == 1
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_stats_command_text():
    result = CliRunner().invoke(app, ["stats", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert "reports 年报: 4 (records read 记录: 5, organs 机关: 3)" in result.stdout
    assert "review_litigation.totals: 1/3" in result.stdout
