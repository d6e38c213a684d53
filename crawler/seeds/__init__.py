"""Seed lists: the bundled portals.csv, or a user's CSV checked before anything is fetched.

A seed list with a wrong encoding, header or URL is refused as a whole with a
message naming the file and the lines, so a typo never turns into a crawl that
silently skips a site.
"""
from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

REQUIRED = ("name", "url")
URL_COLUMNS = ("url", "annual_report_url")
MAX_LISTED = 10  # problems quoted in one message


class SeedsError(ValueError):
    """A seed list that cannot be crawled; the message says where and why."""


def load_seeds(path: str | None) -> list[dict]:
    """Rows with at least name,url; the bundled portal list when no path is given."""
    if not path:
        return read_seeds(resources.files(__name__).joinpath("portals.csv").read_bytes(), "portals.csv")
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise SeedsError(f"cannot read seeds file {path}: {error.strerror}") from None
    return read_seeds(data, path)


def read_seeds(data: bytes, name: str) -> list[dict]:
    text = decode(data, name)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames:
        raise SeedsError(f"seeds file {name} is empty: it needs a header line with at least {','.join(REQUIRED)}")
    reader.fieldnames = [field.strip() for field in reader.fieldnames]
    missing = [column for column in REQUIRED if column not in reader.fieldnames]
    if missing:
        raise SeedsError(f"seeds file {name}: the header must name the columns {','.join(REQUIRED)} "
                         f"(missing {', '.join(missing)}; found {', '.join(reader.fieldnames)})")
    rows, problems, names = [], [], {}
    for row in reader:
        line = reader.line_num
        row = {key: (value or "").strip() for key, value in row.items() if key}
        if not any(row.values()):
            continue
        problems += [f"line {line}: {problem}" for problem in check_row(row, names.get(row["name"]))]
        names.setdefault(row["name"], line)
        rows.append(row)
    if problems:
        more = f" … and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
        raise SeedsError(f"seeds file {name}: {len(problems)} bad row(s): "
                         + "; ".join(problems[:MAX_LISTED]) + more)
    if not rows:
        raise SeedsError(f"seeds file {name} has a header but no rows")
    return rows


def decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        try:
            data.decode("gb18030")
            guess = "it looks GBK/GB18030-encoded"
        except UnicodeDecodeError:
            guess = "it is not text in a known encoding"
        raise SeedsError(f"seeds file {name} is not UTF-8 (line {line}; {guess}): save it as UTF-8, "
                         f"e.g. Excel's 'CSV UTF-8'") from None


def check_row(row: dict, seen_on: int | None) -> list[str]:
    problems = []
    if not row["name"]:
        problems.append("empty name")
    elif seen_on:
        problems.append(f"name {row['name']!r} already used on line {seen_on} (names identify sites in the summary)")
    for column in URL_COLUMNS:
        value = row.get(column)
        if (value or column in REQUIRED) and not is_web_url(value):
            problems.append(f"{column} {value!r} is not an http(s) URL with a host")
    return problems


def is_web_url(value: str | None) -> bool:
    try:
        parts = urlsplit(value or "")
        parts.port  # noqa: B018 (raises ValueError on a port that is not a number)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)
