"""`reports export --to sqlite`: tables, keys, indexes, a round trip of every value; the
Datasette metadata; `reports serve` in a real headless Chromium (Debian's chromium and
chromium-driver, started by the test): one report's page shows its figures and links to
its source."""
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dataset.cli import app
from dataset.columns import CELLS, WIDE, present, value
from dataset.current import current
from dataset.export import wide
from dataset.read import read
from parsers.__main__ import parse_path

HERE = Path(__file__).parent
FIXTURE = HERE / "files" / "dataset" / "reports.jsonl"
PINGTAN = HERE / "files" / "corpus" / "peers" / "pingtan-gov-zwgk-archive"
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    """The dataset fixture plus the four real 平潭 reports (year_chain and text_vs_table checks)."""
    path = tmp_path_factory.mktemp("db") / "reports.jsonl"
    records = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    records += [{**parse_path(page), "source": {"url": f"https://www.pingtan.gov.cn/{i}.html", "format": "html"}}
                for i, page in enumerate(sorted(PINGTAN.rglob("page.txt")))]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def database(source) -> Path:
    target = source.with_name("reports.db")
    result = CliRunner().invoke(app, ["export", str(source), "--to", "sqlite", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "reports 8, cells" in result.stderr  # 9 lines: a2 is a copy of a1
    return target


def test_tables_keys_and_indexes(database):
    db = sqlite3.connect(database)
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"reports", "cells", "organs", "checks", "sources", "columns"} <= tables
    keys = {table: [(fk[2], fk[3], fk[4]) for fk in db.execute(f"PRAGMA foreign_key_list({table})")]
            for table in ("reports", "cells", "checks", "sources")}
    assert keys == {"reports": [("organs", "organ_id", "organ_id")], "cells": [("reports", "report_id", "id")],
                    "checks": [("reports", "report_id", "id")], "sources": [("reports", "report_id", "id")]}
    assert [row[1] for row in db.execute("PRAGMA foreign_key_check")] == []  # every key points at a row
    indexed = {(row[2], row[1]) for row in db.execute("SELECT * FROM sqlite_master WHERE type = 'index'")}
    assert {"idx_reports_organ_id_year", "idx_cells_name", "idx_checks_rule_ok"} <= {name for _, name in indexed}
    primary = [row[1] for row in db.execute("PRAGMA table_info(reports)") if row[5]]
    assert primary == ["id"]


def test_round_trip_of_every_value(database, source):
    records = current(read([source]).records).records
    _, rows = wide(records)
    db = sqlite3.connect(database)
    db.row_factory = sqlite3.Row
    stored = {row["id"]: dict(row) for row in db.execute("SELECT * FROM reports")}
    assert len(stored) == len(rows) == 8
    types = {c.name: c.dtype for c in WIDE}
    for row in rows:
        back = stored[row["id"]]
        for name, item in row.items():
            expected = json.dumps(item or [], ensure_ascii=False) if types[name] == "list" else \
                int(item) if isinstance(item, bool) else item
            assert back[name] == expected, (row["id"], name)
    cells = db.execute("SELECT count(*), sum(value IS NULL) FROM cells").fetchone()
    assert cells[0] == sum(present(r, c) for r in records for c in CELLS)
    assert cells[1] == sum(present(r, c) and value(r, c) is None for r in records for c in CELLS) > 0
    a1 = dict(db.execute("SELECT name, value FROM cells WHERE report_id = 'f29bc91bbdab169fc0c0a326965953d11c7dff83'"))
    assert (a1["apps_carried_over_total"], a1["apps_granted_total"]) == (None, 0)  # blank stays null, zero is 0


def test_organs_checks_and_sources(database):
    db = sqlite3.connect(database)
    organ = db.execute("SELECT name, kind, adcode, county, reports, first_year, last_year FROM organs "
                       "WHERE organ_id = '350128:government:平潭综合实验区管理委员会'").fetchone()
    assert organ == ("平潭综合实验区管理委员会", "government", "350128", "平潭县", 4, 2019, 2025)
    chain = db.execute("SELECT r.year, c.ok FROM checks c JOIN reports r ON r.id = c.report_id "
                       "WHERE c.rule = 'year_chain' ORDER BY r.year").fetchall()
    assert chain == [(2020, 1), (2025, 1)]
    assert db.execute("SELECT count(*) FROM checks WHERE rule = 'review_litigation.totals' AND ok = 0").fetchone() \
        == (1,)  # c1 of the fixture
    sources = db.execute("SELECT url, kept FROM sources WHERE report_id = "
                         "(SELECT id FROM reports WHERE org = '繁峙县大营镇人民政府') ORDER BY kept DESC, url").fetchall()
    assert sources == [("https://www.fanshi.gov.cn/a/1.html", 1), ("https://www.fanshi.gov.cn/a/1.pdf", 0),
                       ("https://www.fanshi.gov.cn/a/index.html", 0)]
    unit = db.execute("SELECT label, unit FROM columns WHERE name = 'art20_fees_amount'").fetchone()
    assert unit == ("表二 主动公开政府信息情况：行政事业性收费·本年收费金额", "万元")


def test_datasette_metadata(database):
    metadata = json.loads(database.with_name("reports.metadata.json").read_text(encoding="utf-8"))
    tables = metadata["databases"]["reports"]["tables"]
    assert set(tables) == {"reports", "cells", "organs", "checks", "sources", "columns"}
    columns = tables["reports"]["columns"]
    assert columns["art20_fees_amount"].startswith("表二 主动公开政府信息情况：行政事业性收费·本年收费金额 · table 2")
    assert "单位 unit: 万元" in columns["art20_fees_amount"]
    assert "单位 unit: 件" in columns["apps_new_received_total"]
    assert all(description for description in columns.values()) and len(columns) == len(WIDE)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, process, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"reports serve exited: {process.stderr.read()}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError("Datasette did not start")


@pytest.fixture
def served(database):
    port = _free_port()
    command = [sys.executable, "-m", "dataset.cli", "serve", str(database), "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        _wait_for(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


@pytest.mark.skipif(not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)),
                    reason="Debian's chromium and chromium-driver are not installed (make test installs them as root)")
def test_report_page_in_a_headless_browser(served, tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.set_page_load_timeout(60)
        record = "f29bc91bbdab169fc0c0a326965953d11c7dff83"  # 繁峙县大营镇人民政府 2023 (the fixture's a1)
        driver.get(f"{served}/reports/reports/{record}")
        shown = {name: driver.find_element(By.CSS_SELECTOR, f"td.col-{name}").text.strip() for name in (
            "org", "year", "adcode", "apps_new_received_total", "apps_carried_over_total", "rl_review_total",
            "art20_fees_amount", "check_review_litigation_totals")}
        # the figures of the fixture's a1, as written there: blank 上年结转 is shown as blank, not 0
        assert shown == {"org": "繁峙县大营镇人民政府", "year": "2023", "adcode": "140924",
                         "apps_new_received_total": "0", "apps_carried_over_total": "", "rl_review_total": "0",
                         "art20_fees_amount": "0.0", "check_review_litigation_totals": "1"}
        link = driver.find_element(By.CSS_SELECTOR, "td.col-url a")
        assert (link.get_attribute("href"), link.text) == ("https://www.fanshi.gov.cn/a/1.html",) * 2
        assert driver.find_element(By.CSS_SELECTOR, "td.col-organ_id").text == "140924:township:大营镇人民政府"
        links = driver.find_element(By.TAG_NAME, "body").text
        assert "200 rows from report_id in cells" in links and "3 rows from report_id in sources" in links
        driver.save_screenshot(str(tmp_path / "report.png"))
        # the report's cells, with their Chinese labels and units
        driver.get(f"{served}/reports/cells?report_id={record}&name=art20_fees_amount")
        row = driver.find_element(By.CSS_SELECTOR, "table.rows-and-columns tbody tr").text
        assert "行政事业性收费·本年收费金额" in row and "万元" in row
    finally:
        driver.quit()


def test_readme_sqlite_query_gives_one_organs_series(tmp_path):
    """The README's query, on 洪泽区's 2023 and 2024 reports (titled by two different names)."""
    kiro = HERE / "files" / "corpus" / "peers" / "KIROGOVCOMPARE" / "derived"
    (tmp_path / "output").mkdir()
    records = [parse_path(kiro / f"hzq{year}_working.pdftotext-layout.txt") for year in (2023, 2024)]
    (tmp_path / "output" / "reports.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert CliRunner().invoke(app, ["export", str(tmp_path / "output"), "--to", "sqlite"]).exit_code == 0
    rows = sqlite3.connect(tmp_path / "output" / "reports.db").execute("""
        SELECT r.year, r.apps_new_received_total, r.apps_carried_over_total, r.check_year_chain
        FROM reports r JOIN organs o ON o.organ_id = r.organ_id
        WHERE o.name = '洪泽区人民政府' ORDER BY r.year""").fetchall()
    assert rows == [(2023, 21, 0, None), (2024, 95, 0, 1)]  # tables 三 of the two reports, read by hand
