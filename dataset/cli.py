"""`reports`: the dataset in one command. parse 解析 → export 导出 → stats 统计 → validate 校验."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    help="政府信息公开工作年度报告 dataset tools: parse local files, export CSV/Parquet, "
         "coverage statistics, schema validation.\n\n"
         "年报数据工具：解析本地文件（parse）、导出表格（export）、统计覆盖率与质量（stats）、按 JSON Schema 校验（validate）。",
    no_args_is_help=True, add_completion=False)

DOCUMENT_SUFFIXES = {".txt", ".md", ".html", ".htm", ".shtml", ".pdf", ".docx", ".doc", ".wps"}


class To(str, Enum):
    csv = "csv"
    parquet = "parquet"


class Shape(str, Enum):
    wide = "wide"
    long = "long"


def read_jsonl(path: Path) -> list[dict]:
    """Records of a JSONL file; lines that are parse failures ({"file", "error"}) are left out."""
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    return [record for record in records if "error" not in record]


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


@app.command()
def export(
    source: Annotated[Path, typer.Argument(help="reports.jsonl (crawler or `reports parse` output). 记录文件。", exists=True)],
    to: Annotated[To, typer.Option("--to", help="csv | parquet. 导出格式。")] = To.parquet,
    shape: Annotated[Shape, typer.Option(help="wide: one row per report, a column per cell (宽表：每份年报一行); "
                                              "long: one row per report × table × row × column (长表：每个单元格一行).")] = Shape.wide,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write; default next to SOURCE, e.g. reports.wide.parquet. 输出文件。")] = None,
    bom: Annotated[bool, typer.Option("--bom", help="CSV with a UTF-8 BOM so that Excel reads Chinese right. 为 Excel 加 BOM。")] = False,
    all_copies: Annotated[bool, typer.Option("--all-copies", help="Keep every copy instead of one record per (org, year). 保留重复记录。")] = False,
) -> None:
    """Export records as a table (CSV or Parquet); one canonical record per (org, year), all sources listed. 导出数据表。"""
    from .canonical import canonical
    from .export import long, wide, write_csv, write_parquet

    records = read_jsonl(source)
    kept = records if all_copies else canonical(records)
    columns, rows = (wide if shape is Shape.wide else long)(kept)
    target = output or source.with_name(f"{source.stem}.{shape.value}.{to.value}")
    if to is To.csv:
        write_csv(target, columns, rows, bom=bom)
    else:
        write_parquet(target, columns, rows)
    typer.echo(f"{target}: {len(rows)} rows × {len(columns)} columns, "
               f"{len(kept)} reports from {len(records)} records", err=True)


@app.command()
def stats(
    source: Annotated[Path, typer.Argument(help="reports.jsonl. 记录文件。", exists=True)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the numbers as JSON. 以 JSON 输出。")] = False,
    png: Annotated[Optional[Path], typer.Option(help="Also draw a chart to this PNG. 另存统计图。")] = None,
) -> None:
    """Coverage by province/year/level, template shares, null rates, rule failure rates. 覆盖率与数据质量统计。"""
    from .canonical import canonical
    from .stats import chart, summary

    records = read_jsonl(source)
    numbers = summary(canonical(records), total=len(records))
    if png:
        chart(numbers, png)
    typer.echo(json.dumps(numbers, ensure_ascii=False, indent=2) if as_json else render(numbers))


def render(numbers: dict) -> str:
    """The statistics as plain text for a terminal (cell null rates: the 10 worst)."""
    from .organ import LEVELS

    cover, lines = numbers["coverage"], [f"reports 年报: {numbers['reports']} (lines 行: {numbers['lines']})"]
    for title, counts in (("province 省份", cover["province"]), ("year 年度", cover["year"]),
                          ("level 层级", {f"{k} {LEVELS.get(k, '')}".strip(): v for k, v in cover["level"].items()})):
        lines += [f"\n{title}"] + [f"  {key}: {count}" for key, count in counts.items()]
    lines += ["\ntemplate 模板"] + [f"  {k}: {v['count']} ({v['share']:.1%})" for k, v in numbers["templates"].items()]
    lines += ["\nconsistency rules 勾稽关系 (failed / evaluated)"]
    lines += [f"  {rule}: {v['failed']}/{v['evaluated']}" for rule, v in numbers["checks"].items()]
    nulls = numbers["nulls"]
    lines += ["\ntable not found 未识别表格"] + [f"  {k}: {v:.1%}" for k, v in nulls["table_missing"].items() if v is not None]
    worst = sorted(nulls["cells"].items(), key=lambda kv: -kv[1]["rate"])[:10]
    lines += ["\nnull rate, worst cells 空值率最高的单元格"] + [f"  {k}: {v['rate']:.1%} of {v['reports']}" for k, v in worst]
    return "\n".join(lines)


@app.command()
def validate(
    source: Annotated[Path, typer.Argument(help="reports.jsonl. 记录文件。", exists=True)],
) -> None:
    """Check every line against the record's JSON Schema; exit 1 if any breaks it. 按 JSON Schema 校验每一行。"""
    from parsers.schema import validate as problems_of

    bad = total = 0
    with source.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            total += 1
            try:
                problems = problems_of(json.loads(line))
            except json.JSONDecodeError as exc:
                problems = [f"not JSON: {exc}"]
            if problems:
                bad += 1
                typer.echo("\n".join(f"line {number}: {problem}" for problem in problems))
    typer.echo(f"{total - bad} of {total} records valid 条记录有效", err=True)
    if bad:
        raise typer.Exit(1)


@app.command()
def columns(
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV instead of a markdown table. 以 CSV 输出。")] = False,
) -> None:
    """The wide export's cell columns: name, table, row, column, template label. 宽表列名说明。"""
    from .columns import CELLS

    header = ("name", "table", "row", "column", "dtype", "label")
    rows = [(c.name, c.table, c.row, c.column, c.dtype, c.label) for c in CELLS]
    if as_csv:
        typer.echo("\n".join(",".join(row) for row in (header, *rows)))
    else:
        typer.echo("\n".join("| " + " | ".join(row) + " |" for row in (header, ("---",) * len(header), *rows)))


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
