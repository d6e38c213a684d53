"""The official report format as data: sections, tables, rows, columns, labels.

Every stage (segmenting, table reading, checks, export names) reads the
template from here instead of repeating labels. Sources: 国办公开办函〔2021〕30号
(the 2021 format) and the 2019 format it replaced; see shared/spec/template.md.

A row's ``keys`` are label fragments that identify it even when the label is
torn across lines or cells; they are matched on text with all whitespace
removed; they include the label's first words, so the first line of a torn
label always names its row. Mirrors that converted a page to Taiwan usage write
檔案 for 文件 (行政規範性檔案): that spelling names its row too.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    keys: tuple[str, ...]
    width: int = 1
    columns: tuple[str, ...] = ()
    optional: bool = False  # a row some reports add: in the record only where the report has it
    # The columns the other format gives the row: a hybrid table (2019 headers over (一),
    # 2021 rows after) names them in the section's own header; read under those names.
    alternative: tuple[str, ...] = ()


# --- sections ---------------------------------------------------------------

SECTIONS = ("overview", "active_disclosure", "applications", "review_litigation",
            "problems", "other")

SECTION_ORDINALS = ("一", "二", "三", "四", "五", "六")

# Heading words per section; the first entry is the official wording.
SECTION_WORDS = {
    "overview": ("总体情况", "概述", "基本情况", "总体工作情况"),
    "active_disclosure": ("主动公开政府信息情况", "主动公开政府信息", "主动公开情况", "主动公开工作情况"),
    "applications": ("收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请",
                     "政府信息公开申请情况", "依申请公开"),
    "review_litigation": ("政府信息公开行政复议、行政诉讼情况", "行政复议、行政诉讼",
                          "行政复议和行政诉讼", "被申请行政复议", "行政复议", "行政诉讼"),
    "problems": ("存在的主要问题及改进情况", "存在的主要问题", "主要问题及改进", "存在问题及改进",
                 "存在的问题", "问题及改进", "改进情况"),
    "other": ("其他需要报告的事项", "其他需要报告", "其他事项"),
}

# --- table 二 ---------------------------------------------------------------

COLS_2021_DOCS = ("issued", "repealed", "in_force")
COLS_2019_DOCS = ("new_made", "new_public", "total_public")
COLS_2019_ITEMS = ("previous", "change", "decisions")

ACTIVE_2021 = (
    Row("regulations", "规章", ("规章",), 3, COLS_2021_DOCS, alternative=COLS_2019_DOCS),
    Row("normative_documents", "行政规范性文件", ("规范性文件", "规范性档案"), 3, COLS_2021_DOCS,
        alternative=COLS_2019_DOCS),
    Row("licensing", "行政许可", ("行政许可",), 1, ("decisions",)),
    Row("penalty", "行政处罚", ("行政处罚",), 1, ("decisions",)),
    Row("coercion", "行政强制", ("行政强制",), 1, ("decisions",)),
    Row("fees", "行政事业性收费", ("行政事业性收费", "事业性收费"), 1, ("amount",)),
)

ACTIVE_2019 = (
    Row("regulations", "规章", ("规章",), 3, COLS_2019_DOCS, alternative=COLS_2021_DOCS),
    Row("normative_documents", "规范性文件", ("规范性文件", "规范性档案"), 3, COLS_2019_DOCS,
        alternative=COLS_2021_DOCS),
    Row("licensing", "行政许可", ("行政许可",), 3, COLS_2019_ITEMS),
    Row("other_services", "其他对外管理服务事项", ("其他对外管理服务事项", "对外管理服务"), 3,
        COLS_2019_ITEMS),
    Row("penalty", "行政处罚", ("行政处罚",), 3, COLS_2019_ITEMS),
    Row("coercion", "行政强制", ("行政强制",), 3, COLS_2019_ITEMS),
    Row("fees", "行政事业性收费", ("行政事业性收费", "事业性收费"), 2, ("previous", "change")),
    Row("procurement", "政府集中采购", ("政府集中采购", "集中采购"), 2, ("count", "amount")),
)

# Rows some reports add to the 2019 table 二 (record.md allows extra keys): in the record
# only where the report has the row, with the columns of the rows beside it.
EXTRA_2019 = (
    Row("other_active_docs", "其他主动公开文件", ("其他主动公开文件",), 3, COLS_2019_DOCS, optional=True),
)

# Words of table 二's column headers and the columns they name: a table that departs from
# the national format and says so in its header (信息内容 | 项目数量 | 处理决定数量: two
# columns where the format has three) is read by the columns its header names.
COLUMN_WORDS = (("制发", "issued"), ("废止", "repealed"), ("现行有效", "in_force"),
                ("新制作", "new_made"), ("新公开", "new_public"), ("对外公开总", "total_public"),
                ("上一年", "previous"), ("增/减", "change"), ("增减", "change"), ("处理决定", "decisions"),
                ("采购项目", "count"), ("采购总金额", "amount"), ("收费金额", "amount"))

# Words that tell the table 二 format apart: its column headers (also truncated, as in
# 现行有效件, or reworded, as in 本年新制发数量) and the rows only 2019 has.
ACTIVE_HEADERS = {"2021": ("制发", "废止", "现行有效", "本年处理决定数量", "本年收费金额"),
                  "2019": ("新制作", "新公开", "对外公开总", "上一年项目", "增/减", "采购项目数量",
                           "采购总金额", "其他对外管理服务", "政府集中采购")}

# The cell whose header states its unit (本年收费金额（单位：万元）); a report that writes 元 there
# is converted.
WAN_YUAN = ("fees", "amount")
# Columns that hold money in 万元 (decimals allowed), and the one that holds a change
# (本年增/减, may be negative); every other cell counts things.
MONEY_COLUMNS = ("amount",)
SIGNED_COLUMNS = ("change",)

# --- table 三 ---------------------------------------------------------------

APPLICANT_COLUMNS = ("natural_person", "commercial", "research", "social_welfare",
                     "legal_service", "other_org", "total")
# Words of table 三's column header that no row label has: a row key (总计) followed by
# them before any value is the header's column, not the row.
APPLICANT_HEADER = ("商业企业", "科研机构", "社会公益组织", "法律服务机构")


def _r(key: str, label: str, *keys: str) -> Row:
    return Row(key, label, keys or (label,), 7, APPLICANT_COLUMNS)


_APPS_HEAD = (
    _r("new_received", "一、本年新收政府信息公开申请数量", "本年新收"),
    _r("carried_over", "二、上年结转政府信息公开申请数量", "上年结转"),
    _r("granted", "（一）予以公开", "予以公开"),
    _r("partially_granted", "（二）部分公开", "部分公开"),
    _r("denied_state_secret", "1.属于国家秘密", "国家秘密"),
    _r("denied_prohibited_by_law", "2.其他法律行政法规禁止公开", "法律行政法规禁止", "其他法律", "止公开"),
    _r("denied_security_stability", "3.危及“三安全一稳定”", "三安全一稳定", "危及"),
    _r("denied_third_party", "4.保护第三方合法权益", "第三方合法权益", "保护第三方"),
    _r("denied_internal_affairs", "5.属于三类内部事务信息", "三类内部事务"),
    _r("denied_process_info", "6.属于四类过程性信息", "四类过程性"),
    _r("denied_enforcement_file", "7.属于行政执法案卷", "行政执法案卷"),
    _r("denied_inquiry", "8.属于行政查询事项", "行政查询事项"),
    _r("unable_not_held", "1.本机关不掌握相关政府信息", "不掌握相关", "本机关不掌握"),
    _r("unable_needs_creation", "2.没有现成信息需要另行制作", "没有现成信息", "另行制作"),
    _r("unable_unclear", "3.补正后申请内容仍不明确", "补正后申请内容", "申请内容仍不明确"),
    _r("rejected_petition", "1.信访举报投诉类申请", "信访举报投诉"),
    _r("rejected_duplicate", "2.重复申请", "重复申请"),
    _r("rejected_publication", "3.要求提供公开出版物", "公开出版物"),
    _r("rejected_excessive", "4.无正当理由大量反复申请", "大量反复申请", "大量反复", "无正当理由大量"),
    _r("rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息", "确认或重新出具", "重新出具已获取",
       "要求行政机关确认"),
)
_APPS_TAIL = (
    _r("total_processed", "（七）总计", "（七）总计", "(七)总计", "总计"),
    _r("carried_forward", "四、结转下年度继续办理", "结转下年度"),
)

APPLICATIONS_2021 = _APPS_HEAD + (
    _r("other_overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
       "逾期不补正", "无正当理由逾期"),
    _r("other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
       "缴纳费用", "收费通知", "逾期未按"),
    _r("other_other", "3.其他", "3.其他", "3、其他", "3．其他"),
) + _APPS_TAIL

APPLICATIONS_2019 = _APPS_HEAD + (
    _r("other", "（六）其他处理", "其他处理"),
) + _APPS_TAIL

# Rows whose sum is the total_processed row (rule 3), per template.
RESULT_ROWS = {
    "2021": tuple(r.key for r in APPLICATIONS_2021[2:-2]),
    "2019": tuple(r.key for r in APPLICATIONS_2019[2:-2]),
}

# Result groups some reports give a subtotal row of their own (（三）不予公开 小计 …): the
# key it is kept under (applications.subtotals) and the group's label.
SUBTOTALS = (("denied", "不予公开"), ("unable", "无法提供"), ("rejected", "不予处理"),
             ("other", "其他处理"))

# The marks that tell table 三's format apart: the three （六） sub-rows exist only in 2021.
APPLICATIONS_2021_ONLY = ("逾期不补正", "缴纳费用", "收费通知", "无正当理由逾期")

# --- table 四 ---------------------------------------------------------------

REVIEW_GROUPS = ("review", "litigation_direct", "litigation_after_review")
REVIEW_COLUMNS = ("upheld", "corrected", "other", "pending", "total")

# --- table anchors: words that open each table when headings are missing ----

TABLE_ANCHORS = {
    "active_disclosure": ("第二十条第", "本年制发件数", "本年新制作数量"),
    "applications": ("本列数据的勾稽关系", "申请人情况", "本年新收政府信息公开申请"),
    "review_litigation": ("未经复议直接起诉", "复议后起诉"),
}


def active_rows(template: str, extra: bool = False) -> tuple[Row, ...]:
    """Table 二's rows; ``extra``: with the optional rows some reports add, in place."""
    if template != "2019":
        return ACTIVE_2021
    return ACTIVE_2019[:2] + EXTRA_2019 + ACTIVE_2019[2:] if extra else ACTIVE_2019


def application_rows(template: str) -> tuple[Row, ...]:
    return APPLICATIONS_2019 if template == "2019" else APPLICATIONS_2021
