"""Every column of the exports, described once: name, type, unit, Chinese label, English
description, and what a null means. `reports columns`, the Parquet field metadata, the
data package (datapackage.json) and the Datasette metadata are all written from here.

Cell columns have stable names derived from the template (parsers/template.py):

    art20_<row>_<column>   table 二 (第二十条), e.g. art20_licensing_decisions
    apps_<row>_<column>    table 三, e.g. apps_new_received_total
    rl_<group>_<column>    table 四 (复议/诉讼), e.g. rl_litigation_direct_upheld

Both template versions share one set of names: the 2021 cells first, then those only
the 2019 format has (art20_regulations_new_made, apps_other_total, …). A name is
never reused for another cell.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from parsers import template as T
from parsers.schema.build import cell as cell_schema
from parsers.schema.build import rule_names

PREFIX = {"active_disclosure": "art20", "applications": "apps", "review_litigation": "rl"}
TABLE_LABELS = {"active_disclosure": ("表二 主动公开政府信息情况", "table 2, proactive disclosure"),
                "applications": ("表三 收到和处理政府信息公开申请情况", "table 3, disclosure applications"),
                "review_litigation": ("表四 政府信息公开行政复议、行政诉讼情况", "table 4, review and litigation")}
ACTIVE_COLUMN_LABELS = {
    "issued": "本年制发件数", "repealed": "本年废止件数", "in_force": "现行有效件数",
    "decisions": "本年处理决定数量", "new_made": "本年新制作数量", "new_public": "本年新公开数量",
    "total_public": "对外公开总数量", "previous": "上一年项目数量", "change": "本年增/减",
    "count": "采购项目数量"}
APPLICANT_LABELS = {"natural_person": "自然人", "commercial": "法人或其他组织·商业企业",
                    "research": "法人或其他组织·科研机构", "social_welfare": "法人或其他组织·社会公益组织",
                    "legal_service": "法人或其他组织·法律服务机构", "other_org": "法人或其他组织·其他",
                    "total": "总计"}
REVIEW_GROUP_LABELS = {"review": "行政复议", "litigation_direct": "行政诉讼·未经复议直接起诉",
                       "litigation_after_review": "行政诉讼·复议后起诉"}
REVIEW_COLUMN_LABELS = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果",
                        "pending": "尚未审结", "total": "总计"}
CELL_NULL = ("blank in the report (blank, /, —, 无), unreadable (named in warnings), not a plausible "
             "number, or this report's table or format has no such cell; never 0")


@dataclass(frozen=True)
class Cell:
    name: str
    table: str
    row: str
    column: str
    label: str   # Chinese: table, row and column as the template prints them
    dtype: str   # int64 | float64
    unit: str


def _cell(table: str, row: T.Row | str, column: str) -> Cell:
    dtype = "float64" if "number" in cell_schema(column)["type"] else "int64"
    key = row if isinstance(row, str) else row.key
    if table == "active_disclosure":
        money = column == "amount"
        head = ("本年收费金额" if row.key == "fees" else "采购总金额") if money else ACTIVE_COLUMN_LABELS[column]
        label, unit = f"{row.label}·{head}", ("万元" if row.key == "fees" else "元或万元（按报告所写）") if money else "件"
    elif table == "applications":
        label, unit = f"{row.label}·{APPLICANT_LABELS[column]}", "件"
    else:
        label, unit = f"{REVIEW_GROUP_LABELS[key]}·{REVIEW_COLUMN_LABELS[column]}", "件"
    return Cell(f"{PREFIX[table]}_{key}_{column}", table, key, column, f"{TABLE_LABELS[table][0]}：{label}",
                dtype, unit)


def _all() -> tuple[Cell, ...]:
    """Every cell of both formats, once each, in template order."""
    cells = [_cell("active_disclosure", row, column)
             for template in ("2021", "2019") for row in T.active_rows(template, extra=True)
             for column in row.columns]
    cells += [_cell("applications", row, column)
              for template in ("2021", "2019") for row in T.application_rows(template)
              for column in T.APPLICANT_COLUMNS]
    cells += [_cell("review_litigation", group, column)
              for group in T.REVIEW_GROUPS for column in T.REVIEW_COLUMNS]
    unique: dict[str, Cell] = {}
    for cell in cells:  # a row of both formats keeps its 2021 label
        unique.setdefault(cell.name, cell)
    return tuple(unique.values())


CELLS = _all()


def present(record: dict, cell: Cell) -> bool:
    """Whether the record's table has this cell at all (a 2019 cell is absent from a 2021 table)."""
    table = record.get(cell.table)
    if not table:
        return False
    if cell.table == "applications":
        return cell.row in (table.get("rows") or {})
    return cell.column in (table.get(cell.row) or {})


def value(record: dict, cell: Cell) -> int | float | None:
    """The cell's number, None where the report leaves it blank or does not have it."""
    if not present(record, cell):
        return None
    table = record[cell.table]
    if cell.table == "applications":
        row = table["rows"][cell.row]
        index = T.APPLICANT_COLUMNS.index(cell.column)
        return row[index] if isinstance(row, list) and index < len(row) else None
    return table[cell.row][cell.column]


# --- every column of the wide table -------------------------------------------------------

@dataclass(frozen=True)
class Column:
    name: str
    dtype: str            # string | int64 | float64 | bool | list (of strings)
    label: str            # Chinese
    description: str      # English
    null: str             # what a null means
    unit: str = ""
    get: Callable[[dict], object] = lambda record: None
    cell: Cell | None = None


def _source(key: str) -> Callable[[dict], object]:
    return lambda record: (record.get("source") or {}).get(key)


def _region(key: str) -> Callable[[dict], object]:
    return lambda record: (record.get("region") or {}).get(key)


def _organ(key: str) -> Callable[[dict], object]:
    return lambda record: (record.get("organ") or {}).get(key)


def _check(rule: str) -> Callable[[dict], object]:
    """True when every evaluation of the rule holds, False when one fails, null when none ran."""
    def get(record: dict):
        verdicts = [c.get("ok") for c in record.get("checks") or [] if c.get("rule") == rule]
        return all(verdicts) if verdicts else None
    return get


def _cell_value(cell: Cell) -> Callable[[dict], object]:
    def get(record: dict):
        number = value(record, cell)
        return int(number) if cell.dtype == "int64" and isinstance(number, float) and number.is_integer() \
            else number
    return get


RULE_LABELS = {
    "applications.balance": ("勾稽关系：新收+上年结转 = 办理总计+结转下年度",
                             "table 3: new + carried over = processed + carried forward, per column"),
    "applications.row_totals": ("勾稽关系：各行申请人分项之和 = 总计", "table 3: each row's six applicant columns add up to its total"),
    "applications.results_total": ("勾稽关系：各项办理结果之和 = （七）总计",
                                   "table 3: the result rows add up to row (七) total"),
    "review_litigation.totals": ("勾稽关系：表四各组结果之和 = 总计", "table 4: each group's results add up to its total"),
    "year_chain": ("跨年核对：上年结转 = 上一年度报告的结转下年度继续办理",
                   "carried_over total equals the same organ's carried_forward total of the year before"),
    "text_vs_table": ("正文与表格核对：正文所述数字 = 表格对应单元格",
                      "every figure the prose states (申请X件, 复议X件 …) equals the table cell it names"),
}
CHECK_NULL = "not evaluated: a cell the rule needs is blank, or (year_chain) the previous year's report is absent"

META: list[Column] = [
    Column("id", "string", "记录编号", "Record id: sha1 of the document's URL (of the file's bytes for a local file)",
           "never null", get=lambda r: r.get("id")),
    Column("organ_id", "string", "机关编号", "Organ id, stable across years and spellings: "
           "<adcode of its division>:<kind>:<name without place names>", "the organ's division is unknown",
           get=_organ("id")),
    Column("organ_name", "string", "机关规范名称", "Canonical organ name: its division's name and its body",
           "no organ name in the report", get=_organ("name")),
    Column("org", "string", "发布机关（原文）", "Issuing organ as the report names it", "not found in the report",
           get=lambda r: r.get("org")),
    Column("year", "int64", "报告年度", "Year reported on (not the year published)", "not found in the report",
           unit="年", get=lambda r: r.get("year")),
    Column("published", "string", "发布日期", "Publication date, YYYY-MM-DD", "not found",
           get=lambda r: r.get("published")),
    Column("title", "string", "标题", "Report title as published", "not found", get=lambda r: r.get("title")),
    Column("template", "string", "表格格式", "Table format: 2021, 2019, or mixed (table 二 in one, 三 in the other)",
           "no statistics table found", get=lambda r: r.get("template")),
    Column("level", "string", "机关层级", "Organ kind: government 政府, department 部门, township 乡镇/街道",
           "no organ name", get=_organ("kind")),
    *[Column(key, "string", label, f"{key.capitalize()} of the organ's region (seed row, then its name)",
             "not known without guessing", get=_region(key))
      for key, label in (("province", "省级"), ("city", "地级"), ("county", "县级"))],
    Column("adcode", "string", "行政区划代码", "Six-digit division code (民政部) of the record's region",
           "not known without guessing", get=_region("adcode")),
    Column("format", "string", "文件格式", "Format of the document parsed: html, pdf, docx, doc, wps, txt, md",
           "unknown", get=_source("format")),
    Column("url", "string", "文档地址", "URL of the document parsed (page or attachment)", "a local file",
           get=_source("url")),
    Column("page_url", "string", "页面地址", "URL of the HTML page that linked the document", "a local file",
           get=_source("page_url")),
    Column("site", "string", "网站", "Portal the crawl found it on (seed row)", "a local file", get=_source("site")),
    Column("fetched_at", "string", "抓取时间", "When the document was fetched (ISO 8601, UTC)", "a local file",
           get=_source("fetched_at")),
    Column("version", "int64", "版本", "Record version: a corrected record of the same id has a higher one",
           "version 1 (records written before versions)", get=lambda r: r.get("version")),
    Column("sources", "list", "全部来源", "URLs of every copy of this report (page, attachment, other columns), "
           "the kept one's first", "never null (may be empty for a local file)",
           get=lambda r: r.get("sources") or [u for u in (_source("url")(r),) if u]),
    *[Column(f"check_{rule.replace('.', '_')}", "bool", RULE_LABELS[rule][0], RULE_LABELS[rule][1], CHECK_NULL,
             get=_check(rule)) for rule in (*rule_names(), "year_chain", "text_vs_table")],
    Column("warnings", "int64", "警告条数", "Number of warnings: what the parser or the dataset was unsure of",
           "never null", unit="条", get=lambda r: len(r.get("warnings") or [])),
]

WIDE: list[Column] = META + [Column(cell.name, cell.dtype, cell.label,
                                    f"{TABLE_LABELS[cell.table][1]}: row {cell.row}, column {cell.column}",
                                    CELL_NULL, unit=cell.unit, get=_cell_value(cell), cell=cell) for cell in CELLS]

LONG: list[Column] = [
    next(c for c in META if c.name == "id"), next(c for c in META if c.name == "organ_id"),
    next(c for c in META if c.name == "org"), next(c for c in META if c.name == "year"),
    next(c for c in META if c.name == "adcode"),
    Column("table", "string", "表", "Table: active_disclosure (二), applications (三), review_litigation (四)",
           "never null"),
    Column("row", "string", "行", "Row key (shared/spec/record.md)", "never null"),
    Column("column", "string", "列", "Column key", "never null"),
    Column("name", "string", "单元格列名", "The cell's column name in the wide table", "never null"),
    Column("label", "string", "单元格名称", "The cell as the template prints it (table, row, column)", "never null"),
    Column("unit", "string", "单位", "Unit of the value: 件, 万元, …", "never null"),
    Column("value", "float64", "数值", "The cell's value", CELL_NULL),
]

LONG_NAMES = [column.name for column in LONG]
