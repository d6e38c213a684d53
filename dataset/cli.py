"""`reports`: the dataset in one command. parse 解析 → export 导出 → stats 统计 → check 核对 → serve 浏览."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    help="政府信息公开工作年度报告 dataset tools: parse local files, export CSV/Parquet/SQLite, "
         "coverage statistics, checks across years and against the text, schema validation, a browser view.\n\n"
         "年报数据工具：解析本地文件（parse）、导出（export）、统计（stats）、核对（check）、"
         "按 JSON Schema 校验（validate）、浏览（serve）。",
    no_args_is_help=True, add_completion=False)

DOCUMENT_SUFFIXES = {".txt", ".md", ".html", ".htm", ".shtml", ".pdf", ".docx", ".doc", ".wps"}


class To(str, Enum):
    csv = "csv"
    parquet = "parquet"
    sqlite = "sqlite"


class Shape(str, Enum):
    wide = "wide"
    long = "long"


Sources = Annotated[list[Path], typer.Argument(
    help="JSONL files or folders of them (reports.jsonl, per-worker outputs, `reports parse` output). "
         "记录文件或目录，可多个。", exists=True)]
SHOWN_PROBLEMS = 20


def load(sources: list[Path], merge: bool = True):
    """The current view of the records in `sources`; lines that are not records are named on
    stderr. No record at all is an error (exit 2) with a message saying what was there."""
    from .current import current
    from .read import read

    reading = read(sources)
    if not reading.files:
        _fail(f"no .jsonl file in {', '.join(map(str, sources))} 没有 JSONL 文件")
    view = current(reading.records, merge=merge)
    problems = reading.problems + view.problems
    for problem in problems[:SHOWN_PROBLEMS]:
        typer.echo(f"warning: {problem}", err=True)
    if len(problems) > SHOWN_PROBLEMS:
        typer.echo(f"warning: … and {len(problems) - SHOWN_PROBLEMS} more lines left out or values made null",
                   err=True)
    if not view.records:
        what = (f"{reading.error_lines} error lines (documents that did not become reports: errors.jsonl?)"
                if reading.error_lines else f"{len(reading.problems)} lines that are not records")
        _fail(f"no records in {', '.join(map(str, reading.files))}: {what}. 没有可用的记录。")
    return view, reading


def _fail(message: str, code: int = 2):
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def document_files(paths: list[Path]) -> list[Path]:
    """The files named, and the report documents under the folders named, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
        else:
            found.append(path)
    return found


@app.command()
def parse(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of reports (TXT, MD, HTML, PDF, DOCX, DOC, WPS). 年报文件或目录。",
                                                exists=True)],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="JSONL to write; default stdout. 输出文件。")] = None,
    errors: Annotated[Optional[Path], typer.Option(help="JSONL of the files that failed; default stderr. 解析失败清单。")] = None,
) -> None:
    """Parse local reports with the shared parser → one JSON record per line. 解析本地年报为 JSONL。"""
    from rich.progress import track

    from parsers.__main__ import parse_path

    files = document_files(paths)
    failed = 0
    with _open(output, sys.stdout) as out, _open(errors, sys.stderr) as err:
        for path in track(files, description="parsing 解析中", disable=len(files) < 2, console=_stderr()):
            try:
                record = {**parse_path(path), "file": str(path)}
            except Exception as exc:  # one bad file must not stop the others
                failed += 1
                err.write(json.dumps({"url": None, "page_url": None, "file": str(path), "stage": "parse",
                                      "error": f"{type(exc).__name__}: {exc}"}, ensure_ascii=False) + "\n")
                continue
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if failed:
        typer.echo(f"{failed} of {len(files)} files failed 个文件解析失败", err=True)
        raise typer.Exit(1)


def _default_target(sources: list[Path], stem_suffix: str) -> Path:
    first = sources[0]
    return first / f"reports.{stem_suffix}" if first.is_dir() else first.with_name(f"{first.stem}.{stem_suffix}")


@app.command()
def export(
    sources: Sources,
    to: Annotated[To, typer.Option("--to", help="csv | parquet | sqlite. 导出格式。")] = To.parquet,
    shape: Annotated[Shape, typer.Option(help="wide: one row per report, a column per cell (宽表：每份年报一行); "
                                              "long: one row per report × table × row × column (长表：每个单元格一行). "
                                              "SQLite has both (reports, cells).")] = Shape.wide,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write; default next to the first "
                                                   "SOURCE, e.g. reports.wide.parquet, reports.db. 输出文件。")] = None,
    bom: Annotated[bool, typer.Option("--bom", help="CSV with a UTF-8 BOM so that Excel reads Chinese right. 为 Excel 加 BOM。")] = False,
    all_copies: Annotated[bool, typer.Option("--all-copies", help="Keep every copy (latest version of each record id) "
                                             "instead of one record per (organ, year). 保留重复记录。")] = False,
) -> None:
    """Export the current view: CSV or Parquet (with datapackage.json beside them) or SQLite (with
    Datasette metadata). One record per (organ, year), latest versions, all sources listed. 导出数据表。"""
    from .export import ExportError, long, wide, write_csv, write_parquet
    from .package import write_package

    view, reading = load(sources, merge=not all_copies)
    if to is To.sqlite:
        from .sqlite import write_metadata, write_sqlite
        target = output or _default_target(sources, "db")
        counts = write_sqlite(target, view.records)
        write_metadata(target)
        typer.echo(f"{target}: " + ", ".join(f"{name} {n}" for name, n in counts.items())
                   + f" rows; {_provenance(view)}", err=True)
        return
    columns, rows = (wide if shape is Shape.wide else long)(view.records)
    target = output or _default_target(sources, f"{shape.value}.{to.value}")
    try:
        if to is To.csv:
            write_csv(target, columns, rows, bom=bom)
        else:
            write_parquet(target, columns, rows)
    except ExportError as exc:
        _fail(f"{target} not written: {exc}", code=1)
    package = write_package(target, columns, len(rows))
    typer.echo(f"{target}: {len(rows)} rows × {len(columns)} columns, described in {package}; "
               f"{_provenance(view)}", err=True)


def _provenance(view) -> str:
    return (f"{len(view.records)} reports from {view.lines} records "
            f"({view.superseded} older versions, {view.merged} copies folded in)")


@app.command()
def stats(
    sources: Sources,
    as_json: Annotated[bool, typer.Option("--json", help="Print the numbers as JSON. 以 JSON 输出。")] = False,
    png: Annotated[Optional[Path], typer.Option(help="Also draw a chart to this PNG. 另存统计图。")] = None,
) -> None:
    """Coverage by province/year/level, template shares, null rates, rule failure rates (current view). 覆盖率与数据质量统计。"""
    from .stats import chart, summary

    view, _ = load(sources)
    numbers = summary(view.records, total=view.lines)
    if png:
        chart(numbers, png)
    typer.echo(json.dumps(numbers, ensure_ascii=False, indent=2) if as_json else render(numbers))


def render(numbers: dict) -> str:
    """The statistics as plain text for a terminal (cell null rates: the 10 worst)."""
    from .organ import LEVELS

    cover = numbers["coverage"]
    lines = [f"reports 年报: {numbers['reports']} (records read 记录: {numbers['lines']}, organs 机关: {cover['organs']})"]
    for title, counts in (("province 省份", cover["province"]), ("year 年度", cover["year"]),
                          ("level 层级", {f"{k} {LEVELS.get(k, '')}".strip(): v for k, v in cover["level"].items()})):
        lines += [f"\n{title}"] + [f"  {key}: {count}" for key, count in counts.items()]
    lines += ["\ntemplate 模板"] + [f"  {k}: {v['count']} ({v['share']:.1%})" for k, v in numbers["templates"].items()]
    lines += ["\nchecks 核对 (failed / evaluated)"]
    lines += [f"  {rule}: {v['failed']}/{v['evaluated']}" for rule, v in numbers["checks"].items()]
    nulls = numbers["nulls"]
    lines += ["\ntable not found 未识别表格"] + [f"  {k}: {v:.1%}" for k, v in nulls["table_missing"].items() if v is not None]
    worst = sorted(nulls["cells"].items(), key=lambda kv: -kv[1]["rate"])[:10]
    lines += ["\nnull rate, worst cells 空值率最高的单元格"] + [f"  {k}: {v['rate']:.1%} of {v['reports']}" for k, v in worst]
    return "\n".join(lines)


@app.command()
def check(
    sources: Sources,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON line per failed check. 以 JSON 输出。")] = False,
) -> None:
    """Failed checks of the current view by organ and year: the template's rules, year_chain (上年结转 =
    last year's 结转下年度), text_vs_table (prose figures = table cells). Exit 1 if any fails. 列出核对不符之处。"""
    view, _ = load(sources)
    failed = [(record, c) for record in view.records for c in record.get("checks") or [] if c.get("ok") is False]
    evaluated = sum(len(record.get("checks") or []) for record in view.records)
    failed.sort(key=lambda pair: (str(pair[0]["organ"].get("name")), pair[0].get("year") or 0, pair[1]["rule"]))
    if as_json:
        for record, c in failed:
            typer.echo(json.dumps({"organ_id": record["organ"].get("id"), "organ": record["organ"].get("name"),
                                   "year": record.get("year"), "id": record.get("id"), **c}, ensure_ascii=False))
    else:
        organ = None
        for record, c in failed:
            name = record["organ"].get("name") or record.get("org") or "(no organ 机关不明)"
            if name != organ:
                organ = name
                typer.echo(f"{name}  [{record['organ'].get('id') or 'no organ_id'}]")
            typer.echo(f"  {record.get('year')}  {c['rule']}: {c.get('detail')}")
    typer.echo(f"{len(failed)} of {evaluated} checks failed in {len(view.records)} reports "
               f"个核对不符", err=True)
    if failed:
        raise typer.Exit(1)


@app.command()
def validate(sources: Sources) -> None:
    """Check every line against the record's JSON Schema; exit 1 if any breaks it. 按 JSON Schema 校验每一行。"""
    from parsers.schema import validate as problems_of

    from .read import ORIGIN, read

    reading = read(sources)
    for problem in reading.problems:
        typer.echo(str(problem))
    bad = len(reading.problems)
    for record in reading.records:
        origin = record.pop(ORIGIN)
        problems = problems_of(record)
        if problems:
            bad += 1
            typer.echo("\n".join(f"{origin}: {problem}" for problem in problems))
    total = len(reading.records) + len(reading.problems)
    typer.echo(f"{total - bad} of {total} records valid 条记录有效"
               + (f"; {reading.error_lines} error lines not checked" if reading.error_lines else ""), err=True)
    if bad or not reading.records:
        raise typer.Exit(1)


@app.command()
def columns(
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV instead of a markdown table. 以 CSV 输出。")] = False,
    shape: Annotated[Shape, typer.Option(help="The wide export's columns, or the long one's. 宽表或长表。")] = Shape.wide,
) -> None:
    """Every column of the export: name, type, unit, Chinese label, description, what null means. 列名说明。"""
    import csv

    from .columns import LONG, WIDE

    header = ("name", "type", "unit", "label", "description", "null")
    rows = [(c.name, c.dtype, c.unit, c.label, c.description, c.null) for c in (WIDE if shape is Shape.wide else LONG)]
    if as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerows((header, *rows))
    else:
        cell = lambda text: str(text).replace("|", "\\|")  # noqa: E731
        typer.echo("\n".join("| " + " | ".join(map(cell, row)) + " |"
                              for row in (header, ("---",) * len(header), *rows)))


@app.command()
def serve(
    source: Annotated[Path, typer.Argument(help="A .db written by `reports export --to sqlite`, or JSONL files/"
                                                "folders to export first. 数据库文件或记录文件。", exists=True)],
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1. 端口。")] = 8001,
) -> None:
    """Browse the dataset in Datasette on http://127.0.0.1:PORT (tables, filters, SQL, a page per report
    with a link to its source). 在浏览器中浏览数据。"""
    import os
    import subprocess

    database = source
    if source.is_dir() or source.suffix == ".jsonl":
        from .sqlite import write_metadata, write_sqlite
        view, _ = load([source])
        database = _default_target([source], "db")
        write_sqlite(database, view.records)
        write_metadata(database)
    metadata = database.with_name(database.stem + ".metadata.json")
    command = [sys.executable, "-m", "datasette", "serve", str(database), "--host", "127.0.0.1",
               "--port", str(port), "--setting", "truncate_cells_html", "0"]
    if metadata.exists():
        command += ["--metadata", str(metadata)]
    typer.echo(f"Datasette on http://127.0.0.1:{port}/{database.stem} (Ctrl-C stops)", err=True)
    if os.name == "posix":
        os.execv(sys.executable, command)  # Datasette takes over the process: Ctrl-C stops it directly
    raise typer.Exit(subprocess.run(command, check=False).returncode)


@app.command()
def schema() -> None:
    """Print the record's JSON Schema as generated from the template. 输出记录的 JSON Schema。"""
    from parsers.schema.build import render as render_schema
    typer.echo(render_schema(), nl=False)


def _stderr():
    from rich.console import Console
    return Console(stderr=True)


def _open(path: Path | None, default):
    """A file to write, or the default stream left open."""
    from contextlib import nullcontext
    return path.open("w", encoding="utf-8") if path else nullcontext(default)


if __name__ == "__main__":
    app()
