"""Title, organ, report year and publication date of a report, from its (normalised)
text and what the caller knows.

Every value comes from a named place, in order of trust, and is checked before
it is used; what is not certain stays None and the record says why:

- title: the caller's title if it names a report, else the first line near the
  top that names one (joined with the line above when it was set over two lines;
  breadcrumbs, metadata rows and spam lines are skipped);
- organ: the title's words before the year (as written there: 钟祥镇 stays
  钟祥镇), else the report's own name for itself in the opening sentences
  (现将……2022年政府信息公开工作年度报告), the caller's hint, the 来源 /
  发布机构 header, the signature, the first line; every candidate must read as an
  organ's name (see ``organ``), never a piece of a sentence, and one of these last
  five that is not the organ the text reports for (结合杨村街道2025年度…工作编制, under
  a portal's name on the first line; a county office's 来源 over a report that calls
  itself 我镇) is passed over with a warning; a heading whose report words the page
  shuffled (七家子镇2023年政府信息公开 工作告年度报) still gives its organ;
- year: the title's; else the year that most kinds of evidence give (the
  统计期限 sentence, the report's name for itself, the years that open sentences
  of sections 一 to 四, the table header 本年(2023)): one stale sentence does
  not outvote the rest, and evidence split evenly gives None; with no evidence,
  the publication date or the address's date minus one (with a warning); a
  year that contradicts the table format is dropped.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from .text import DATE, iso_date, squash

_YEAR = r"((?:19|20)\d{2})"
_CJK = r"\u4e00-\u9fff"
# The end of a report's name: …信息公开工作年度报告, …公开年报, …年度报告.
_REPORT_END = r"(?:公开[^,，。;；:：|《》]{0,10}?(?:报告|年报)|年度工作报告|年度报告|年报)"
_TITLE = re.compile(rf"^(?P<head>.*?){_REPORT_END}$")
_BREADCRUMB = re.compile(r"[>›»]|当前位置|您的位置|所在位置|当前页面|/\s*\S+\s*/")
_SENTENCE = re.compile(r"[。,，;；!！?？、]")

# Labels of the metadata box portals print above a report (索引号 | 发布机构 | …),
# longest first so that 信息来源 wins over 来源; spaced forms (索 引 号) allowed.
_LABEL_KEYS = {
    "标题": "标题", "文章标题": "标题", "信息名称": "标题", "名称": "标题",
    "发布机构": "发布机构", "发文机关": "发布机构", "发布单位": "发布机构", "发布部门": "发布机构",
    "所属机构": "发布机构", "信息来源": "来源", "来源": "来源", "稿件来源": "来源",
    "发布时间": "发布时间", "发布日期": "发布时间", "发表日期": "发布时间", "公开日期": "发布时间",
    "发文日期": "成文日期", "成文日期": "成文日期", "生成日期": "成文日期", "日期": "发布时间",
    "时间": "发布时间",
}
_STOP_LABELS = ("索引号", "文号", "发文字号", "文件编号", "主题分类", "体裁分类", "组配分类", "分类",
                "作者", "发布者", "浏览次数", "访问量", "阅读次数", "被阅览数", "点击数", "点击",
                "关键词", "关键字", "主题词", "公开方式", "公开范围", "公开形式", "有效性", "时效性",
                "时效", "是否有效", "有限期限", "责任部门", "规范性文件登记", "字号", "字体", "分享到",
                "分享", "打印", "服务对象", "所属主题", "统一编号")
_ALL_LABELS = sorted({*_LABEL_KEYS, *_STOP_LABELS}, key=len, reverse=True)
_LABEL = re.compile(
    r"(?:^|(?<=[\s|•·\-*:：]))(?P<label>"
    + "|".join(r"[ \t\u3000]*".join(map(re.escape, w)) for w in _ALL_LABELS)
    + r")[ \t]*(?:[:：]|(?=[\s|]|$))")
_GLUED_LABEL = re.compile(  # 信息来源:省统计局发布时间:2022-01-21: labels glued to values need a colon
    "(?P<label>" + "|".join(map(re.escape, _ALL_LABELS)) + r")\s*[:：]")

# What an organ's name ends with (parenthesised notes removed first: 高新区(新市区)): the
# types of government organs, and of the public institutions that publish reports too
# (schools, hospitals, research institutes, libraries …; 怀远二中 is a school).
ORGAN_TYPES = ("人民政府", "政府", "办公室", "办公厅", "委员会", "管委会", "办事处", "街道", "局", "厅", "委",
               "办", "室", "署", "中心", "镇", "乡", "苏木", "区", "县", "市", "旗", "州", "盟", "省", "所", "站",
               "队", "会", "处", "科", "部", "社区", "村", "公司", "集团", "街")  # 新港街: a 街道 in 天津
INSTITUTION_TYPES = ("中学", "小学", "大学", "学校", "学院", "幼儿园", "医院", "卫生院", "研究院", "院",
                     "研究所", "图书馆", "博物馆", "馆", "校", r"(?<!第)[一二三四五六七八九十]{1,3}中")
_ORGAN_END = re.compile(f"(?:{'|'.join(ORGAN_TYPES + INSTITUTION_TYPES)})$")
# 政府 ends an organ's name only after a division (某县政府, 镇安县政府) or as 人民政府: in
# 上海市人民政府参事室政府 or 中华人民共和国政府 it is the first word of 政府信息公开.
_GOVERNMENT_AFTER = re.compile(r"(?:[省市县区旗州盟镇乡]|苏木|人民)政府$|(?<!政府)$")
# A candidate that starts like a sentence, or has words no organ's name has, is prose.
_PROSE_START = re.compile(r"^(?:请|根据|按照|依据|关于|现将|现|我|在|对|为|与|及|并|的|是|该|其|此|上述|联系|由|"
                          r"经(?!开|济)|全(?:部|年|县|市|区|镇|乡|局|体)|本(?:年|级|单位|机关|部门|行政|局|镇|乡|委|办|街道)|今年|一年)")
_PROSE_INSIDE = re.compile(r"[的在了是请我]|(?<![青少老])年|统一|报告|本年|负责|联系|通过|根据|按照|发布|公布|向社会|来源|"
                           r"时间|日期|索引|标题|浏览|点击|官网|网址|投注|"
                           # 体育 in a bureau's compound name (教育体育局, 文化广电体育和旅游局), not in
                           # the gambling spam mirrors put in place of a name (明升体育人民政府)
                           r"体育(?!局|厅|委|运动|事业|发展|产业|中心|总会|场|馆|学校|和|与|旅游|服务)")
# The organs that sign a report at its end (a table cell never ends so).
_SIGNER_END = re.compile(r"(?:人民政府|政府|办公室|办公厅|委员会|管委会|办事处|街道|局|厅|镇|乡|苏木|中心|区|县|市|旗|"
                         r"中学|小学|大学|学校|学院|医院|卫生院)$")
_NOTE = re.compile(r"\([^()]{1,20}\)")


def organ(candidate: str | None) -> str | None:
    """``candidate`` tidied (spaces, list marks, quotes, pipes) if it reads as the name of
    an organ: only Chinese characters (and a bracketed note), an organ type at the end,
    no words of a sentence. None otherwise."""
    if not candidate:
        return None
    name = squash(candidate).strip("|:：•·-*#《》“”\"'")
    name = re.sub(r"^(?:关于)", "", name)
    bare = _NOTE.sub("", name)
    if not 2 <= len(bare) <= 40 or not re.fullmatch(rf"[{_CJK}]+", bare):
        return None
    end = _ORGAN_END.search(bare)
    if not end or end.start() == 0 or _PROSE_START.search(bare) or _PROSE_INSIDE.search(bare):
        return None
    if not _GOVERNMENT_AFTER.search(bare):
        return None
    return name


def _label_key(raw: str) -> str:
    return _LABEL_KEYS.get(squash(raw), "")


def _marks(line: str) -> list[re.Match]:
    """The labels on a line, in order: set apart by spaces, pipes or bullets, or glued to
    the value before them but followed by a colon."""
    marks, end = [], -1
    for m in sorted([*_LABEL.finditer(line), *_GLUED_LABEL.finditer(line)], key=lambda m: (m.start(), -m.end())):
        if m.start() >= end:
            marks.append(m)
            end = m.end()
    return marks


def headers(text: str, lines: int = 60) -> dict[str, str]:
    """The metadata box at the top (标题, 发布机构, 来源, 发布时间 …) in any of the shapes
    portals flatten it to: ``键: 值`` lines, pipe rows (``| 发布机构 | 沿江街道 |``),
    several pairs on one line, glued pairs (``信息来源:省统计局发布时间:…``) and
    bullet lists with the value on the next line. The first value of each key wins."""
    found: dict[str, str] = {}
    rows = text.splitlines()[:lines]
    for i, line in enumerate(rows):
        marks = _marks(line)
        for k, m in enumerate(marks):
            end = marks[k + 1].start() if k + 1 < len(marks) else len(line)
            value = line[m.end():end].strip(" \t|:：•·")
            value = re.split(r"\s*\|\s*|\s{2,}", value)[0].strip() if value else value
            if not value and len(marks) == 1 and i + 1 < len(rows):  # bullet: value on the next line
                nxt = rows[i + 1].strip(" \t|•·-")
                value = "" if _LABEL.search(rows[i + 1]) else nxt
            key = _label_key(m.group("label"))
            if key and value and key not in found:
                found[key] = value
    return found


class Title(NamedTuple):
    text: str
    org: str | None
    year: int | None


# The year in a title: 2022年(度); 2020年报; 2022 right before the report's words when the 年
# was lost (自治区人民政府办公厅2022 / 政府信息公开工作年度报告).
_TITLE_YEAR = re.compile(rf"{_YEAR}\s*(?:年|(?=(?:政府|政务)?信息公开))")


def read_title(title: str | None) -> Title | None:
    """A report's name (squashed) -> its organ and year, or None if it names no report."""
    if not title:
        return None
    title = squash(title).strip("《》“”\"'|")
    title = re.sub(r"\.(?:pdf|docx?|wps|txt|html?)$|\((?:修订|更正|修改)[^()]{0,6}\)$", "", title, flags=re.I)
    title = re.sub(r"^[^:：]{0,8}[:：]|^Page\d{1,4}[-–—]", "", title, flags=re.I)  # 标题: / 附件1: / a flip-book's page
    published = title
    title = _NOTICE_OF_REPORT.sub("", title)  # 石桥镇关于(公布)2023年度…报告的公告
    after = _AFTER_REPORT.search(title)  # …报告（东岭镇） / （图片版） / （超链版）
    named_after = organ(after.group(1)) if after else None
    if after:
        title = title[:after.start()]
    m = _TITLE.match(title) or _TITLE.match(re.sub(r"_[^_]{1,30}$", "", title))  # …年报_审计局, …报告_某某网
    if not m:
        return None
    head = m.group("head")
    y = next((y for y in _TITLE_YEAR.finditer(title) if y.start() < m.end("head")), None)
    year = int(y.group(1)) if y else None
    org = None
    if y and y.start() > 0:  # 钟祥镇2019年度…, XX局关于2022年度…
        org = organ(re.sub(r"关于(?:公布|发布|印发)?$", "", head[:y.start()]))
    elif y:  # 2022年度螅镇政府信息公开…: the shortest organ before the report words
        org = _shortest_organ(title[y.end():])
    else:  # 会同县林业局信息公开工作年度报告
        org = _shortest_organ(title)
    return Title(published, org or named_after, year)


# A bracket right after the report's words names the organ (…年度报告（东岭镇）) or the edition
# (（图片版）, （超链版）); a notice wraps the report's name (关于公布…报告的公告).
_AFTER_REPORT = re.compile(r"(?:(?<=报告)|(?<=年报))[(（]([^()（）]{1,30})[)）]$")
_NOTICE_OF_REPORT = re.compile(r"的(?:公告|通告|通知)$")

_REPORT_WORDS = re.compile(rf"(?:政府|政务)?(?:信息)?公开|{_REPORT_END}$")


def _shortest_organ(rest: str) -> str | None:
    """The shortest beginning of ``rest`` that is an organ's name and is followed by the
    report's words (螅镇|政府信息公开…, 上海市人民政府办公厅|政府信息公开…)."""
    rest = re.sub(r"^度", "", rest)
    for k in range(2, min(len(rest), 42)):
        if _REPORT_WORDS.match(rest, k):
            org = organ(rest[:k])
            if org:
                return org
    return None


# An article of a rule (第三条 政府信息公开年度报告应当包括…): a sentence, never a title.
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇\d]{1,4}条")


def heading_line(line: str) -> str | None:
    """``line`` (from ``title_lines``) without a 标题: label if it can be a document's name:
    not a breadcrumb, a sentence, an article of a rule or a metadata row."""
    line = re.sub(r"^(?:标题|文章标题)[:：]?", "", line)
    if not line or len(line) > 80 or _BREADCRUMB.search(line) or _SENTENCE.search(line):
        return None
    if _GLUED_LABEL.search(line) or re.search(r"索引号|文号", line) or _ARTICLE.match(line):
        return None
    return line


def title_lines(text: str, limit: int = 60) -> list[str]:
    """The top lines, squashed; a long line cut to the report's name that opens it."""
    lines = []
    for raw in text.splitlines()[:limit]:
        line = squash(raw).strip("#•·*|-")
        if len(line) > 80:  # one long line: the title may open it (标题 正文 …)
            m = re.match(rf"[^。,，;；《》<>]{{4,60}}?{_REPORT_END}", line)
            line = m.group(0) if m else line
        lines.append(line)
    return lines


def find_title(text: str) -> Title | None:
    """The report's title: the line near the top that names a report and is not a
    breadcrumb, a sentence or a metadata row; joined with the line above when the
    title was set over two lines (乌海市工业和信息化局 / 政府信息公开工作年度报告,
    …2023年度政府 / 信息公开工作年度报告); a title that names no organ takes the
    byline under it (``_byline``). Of several, the first that names both an organ and a
    year, else the first that names one of them, else the first."""
    lines = title_lines(text)
    best: tuple[int, int, Title] | None = None
    for i, line in enumerate(lines):
        line = heading_line(line)
        if not line:
            continue
        read = read_title(line)
        if read is None:
            continue
        above = next((ln for ln in reversed(lines[max(0, i - 3):i]) if ln), "")
        if read.org is None and above:
            joined = _joined(above, line)
            if joined:
                read = joined
        if read.org is None:
            read = read._replace(org=_byline(lines[i + 1:]))
        score = (read.org is not None) + (read.year is not None)
        if best is None or score > best[0]:
            best = (score, i, read)
        if score == 2:
            break
    return best[2] if best else None


def _byline(below: list[str]) -> str | None:
    """The organ set on its own line under a title that names none, above the date
    (政府信息公开工作年度报告 / 武昌经开区管委会(滨江商务区管委会) / 2026年1月8日)."""
    lines = [ln for ln in below[:4] if ln]
    if len(lines) < 2 or not DATE.fullmatch(lines[1].strip("()")):
        return None
    name = organ(lines[0])
    return name if name and _SIGNER_END.search(_NOTE.sub("", name)) else None


def _joined(above: str, line: str) -> Title | None:
    """The title set over two lines, when the line above holds its beginning: an organ,
    optionally followed by the year and the first words (…2023年度政府)."""
    if not above or len(above) > 50 or _BREADCRUMB.search(above) or _SENTENCE.search(above):
        return None
    if read_title(above) is not None or _GLUED_LABEL.search(above):
        return None
    read = read_title(above + line)
    return read if read and read.org else None


# The report naming itself in its opening: 现将我镇2022年政府信息公开工作报告如下,
# 现公布《XX2023年政府信息公开工作年度报告》.
_SELF_NAME = re.compile(rf"{_YEAR}\s*年\s*度?[^,，。;；《》\n]{{0,4}}?(?:政府|政务)?(?:信息)?公开(?:工作)?"
                        rf"(?:年度)?(?:工作)?(?:报告|年报)")
_NOTICE = re.compile(r"《[^《》]*(?:通知|意见|办法|要点|规定|方案|函)》")
_QUOTED_REPORT = re.compile(rf"《(?P<title>[^《》]{{4,60}}?{_REPORT_END})》|(?:现将|现公布|现发布|现向社会公布|"
                            rf"现向社会公开|现予公布|特向社会公布|向社会公布|编制)(?P<bare>[^,，。;；《》\n]{{4,60}}?"
                            rf"{_REPORT_END})")


# 本报告由钟祥镇人民政府根据……编制: the report naming its author.
_AUTHOR = re.compile(r"本(?:年度)?报告(?:是)?由(?P<org>[^,，。;；《》\n]{2,40}?)(?:根据|按照|依据|依照|结合|编制|汇总|负责)")


def self_named(text: str, span: int = 800) -> list[Title]:
    """The report's names for itself, and for its author, in its opening sentences (not
    the notices it cites)."""
    head = text[:span]
    out = []
    for m in _QUOTED_REPORT.finditer(head):
        read = read_title(m.group("title") or m.group("bare"))
        if read:
            out.append(read)
    for m in _AUTHOR.finditer(head):
        name = organ(m.group("org"))
        if name:
            out.append(Title("", name, None))
    return out


# Dates of the reporting period: 自2021年1月1日起至2021年12月31日, 截至2023年12月31日.
_PERIOD = re.compile(rf"(?:统计|数据)(?:期限|时限|时间|区间|范围)?[^。\n]{{0,30}}?{_YEAR}\s*年\s*1\s*月\s*1\s*日"
                     rf"|{_YEAR}\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?(?:至|到|—|-|~)"
                     rf"|截[至止][^。\n]{{0,8}}?{_YEAR}\s*年\s*12\s*月\s*31\s*日"
                     rf"|(?:统计|数据)(?:期限|时限|区间)\s*[为是:：]?\s*{_YEAR}\s*年度?(?!\s*\d)")
# A year that opens a sentence or clause (2019年,文登区住建局…; 2019年我局…), not a date.
_OPENING_YEAR = re.compile(rf"(?:^|(?<=[\n。；;:：!！]))[ \t]*{_YEAR}\s*年(?!\s*\d)(?:度)?(?!\s*[\d月])", re.M)
_TABLE_YEAR = re.compile(rf"本年\s*度?\s*\(\s*{_YEAR}\s*\)")
_URL_DATE = re.compile(r"/t?((?:19|20)\d{2})(0[1-9]|1[0-2])(\d{2})?[_/.]"
                       r"|/((?:19|20)\d{2})[-/](0?[1-9]|1[0-2])[-/](\d{1,2})/"
                       r"|/((?:19|20)\d{2})(0[1-9]|1[0-2])/")


def url_date(url: str | None) -> tuple[int, int] | None:
    """(year, month) of the date a portal writes into an article's address
    (/202101/t20210120_…, /art/2020/1/8/, /20240326/); None for a bare year (/2022n/)."""
    if not url:
        return None
    path = url.split("://", 1)[-1].partition("/")[2]
    m = _URL_DATE.search("/" + path)
    if not m:
        return None
    groups = [g for g in m.groups() if g is not None]
    return int(groups[0]), int(groups[1])


class Found(NamedTuple):
    value: object
    source: str
    warnings: tuple[str, ...] = ()


def period_year(text: str) -> int | None:
    """The year of the reporting period the text states (统计期限…2023年1月1日至…)."""
    m = _PERIOD.search(text[:6000])
    return int(next(g for g in m.groups() if g)) if m else None


def _opening_years(text: str, end: int) -> list[int]:
    body = _NOTICE.sub("", text[:end])
    return [int(m.group(1)) for m in _OPENING_YEAR.finditer(body)]


def year_of(title: Title | None, text: str, *, body_end: int | None = None, named: list[Title] = (),
            published: str | None = None, url: str | None = None, template: str | None = None) -> Found:
    """The year reported on, where it was read, and the warnings it needs. ``body_end``:
    where the sections that report on the year end (later ones plan the next)."""
    evidence: list[tuple[int, str]] = []
    if title and title.year:
        evidence.append((title.year, "title"))
    period = period_year(text)
    if period:
        evidence.append((period, "统计期限"))
    for read in named:
        if read.year:
            evidence.append((read.year, "the report's name for itself"))
            break
    span = _SELF_NAME.search(_NOTICE.sub("", text[:1500]))
    if span:
        evidence.append((int(span.group(1)), "the report's name for itself"))
    opening = _opening_years(text, body_end or min(len(text), 4000))
    if opening:
        common, count = Counter(opening).most_common(1)[0]
        if count * 3 >= len(opening) * 2:
            evidence.append((common, "the years opening sentences of sections 一 to 四"))
    m = _TABLE_YEAR.search(text)
    if m:
        evidence.append((int(m.group(1)), "the table header"))
    warnings: list[str] = []
    if evidence:
        weighed = _weighed(evidence)
        if weighed is None:
            said = ", ".join(sorted({f"{s} {y}" for y, s in evidence}))
            return Found(None, "", (f"report year not settled: the evidence is split ({said})",))
        year, source = weighed
        others = sorted({f"{s} {y}" for y, s in evidence if y != year})
        if others:
            warnings.append(f"report year {year} from the {source}; other evidence says " + ", ".join(others))
    elif published:
        year, source = int(published[:4]) - 1, "publication date"
        warnings.append(f"report year {year} inferred from the publication date {published} (year - 1)")
    elif url_date(url):
        y, mo = url_date(url)
        year, source = y - 1, "address"
        warnings.append(f"report year {year} inferred from the date {y}-{mo:02d} in the address (year - 1)")
    else:
        return Found(None, "", ("report year not found",))
    clash = _template_clash(year, template)
    if clash:
        return Found(None, "", (*warnings, f"report year {year} ({source}) dropped: {clash}"))
    return Found(year, source, tuple(warnings))


def _weighed(evidence: list[tuple[int, str]]) -> tuple[int, str] | None:
    """(year, source) from the evidence in order of trust: the title's year; else the year
    given by the most kinds of evidence (a report whose name for itself and whose sentences
    say 2021 is not outvoted by a 统计期限 sentence copied from last year's), None on a tie."""
    if evidence[0][1] == "title":
        return evidence[0]
    kinds: dict[int, list[str]] = {}
    for year, source in evidence:
        if source not in kinds.setdefault(year, []):
            kinds[year].append(source)
    ranked = sorted(kinds.items(), key=lambda item: len(item[1]), reverse=True)
    if len(ranked) > 1 and len(ranked[0][1]) == len(ranked[1][1]):
        return None
    return ranked[0][0], ranked[0][1][0]


def _template_clash(year: int, template: str | None) -> str | None:
    """The national table formats date the report: the 2019 format from the 2019 reports
    on, the 2021 format (国办公开办函〔2021〕30号, September 2021) from the 2020 ones at
    the earliest."""
    if template in ("2019", "2021", "mixed") and year < 2019:
        return f"the tables follow the {template} national format, which did not exist before 2019"
    if template == "2021" and year < 2020:
        return "the tables follow the 2021 national format, first used for the 2020 reports"
    return None


# A date with its weekday (2019年12月3日星期二) is a portal's clock, not the report's date.
_WEEKDAY = re.compile(r"\s*(?:星期|周|礼拜)[一二三四五六日天]")


def published_of(text: str, hint: str | None = None, head: dict[str, str] | None = None) -> str | None:
    """A date given by the caller or a header, else a date line under the title
    ((2021年1月22日)) or the signature date at the end."""
    head = headers(text) if head is None else head
    for candidate in (hint, head.get("发布时间"), head.get("成文日期")):
        day = iso_date(candidate)
        if day:
            return day
    for line in text.strip().splitlines()[:12]:
        if DATE.fullmatch(squash(line).strip("()")):
            return iso_date(line)
    tail = text.rstrip()[-200:]
    dates = [m for m in DATE.finditer(tail) if not _WEEKDAY.match(tail, m.end())]
    if dates:
        last = dates[-1]
        line = tail[tail.rfind("\n", 0, last.start()) + 1:]
        if len(squash(line)) <= 40:  # a date line, not a sentence that mentions a date
            return iso_date(last.group(0))
    return None


def org_of(title: Title | None, text: str, *, named: list[Title] = (), hint: str | None = None,
           head: dict[str, str] | None = None) -> Found:
    """The issuing organ as the report names it (see the module docstring), or None."""
    if title and title.org:
        return Found(title.org, "title")
    head = headers(text) if head is None else head
    for read in named:
        if read.org:
            return Found(read.org, "the report's name for itself")
    reporting, kind = reporting_organs(text), self_kind(text)
    passed: list[str] = []
    for raw, source in ((_shuffled_title(text), "a heading with the report's words shuffled"),
                        (hint, "the caller's hint"), (head.get("来源"), "the 来源 header"),
                        (head.get("发布机构"), "the 发布机构 header"), (_signature(text), "the signature"),
                        (_first_line(text), "the first line")):
        name = organ(raw)
        if name and reporting and not any(_same_organ(name, other) for other in reporting):
            passed.append(f"{source} names {name}, but the text reports for {'/'.join(reporting)}")
        elif name and kind and not _of_kind(name, kind):
            passed.append(f"{source} names {name}, but the text calls itself 我{kind}")
        elif name:
            return Found(name, source, (*passed, f"issuing organ from {source}"))
    return Found(None, "", (*passed, "issuing organ not found"))


# A township or street speaks of itself as 我镇 / 本乡 / 我街道 (a county or a bureau may say
# 我县 of the place it serves, so only these kinds decide).
_SELF_KIND = re.compile(r"[我本](街道|镇|乡|街)")
_GOVERNMENT_WORDS = re.compile(r"(?:人民政府|政府|办事处|党委|党工委)$")


def self_kind(text: str, span: int = 3000) -> str | None:
    """The kind of organ the text calls itself, when it does so at least twice and only
    one way (镇, 乡, 街道)."""
    kinds = Counter("街道" if m.group(1) == "街" else m.group(1) for m in _SELF_KIND.finditer(text[:span]))
    if len(kinds) != 1:
        return None
    kind, count = kinds.most_common(1)[0]
    return kind if count >= 2 else None


def _of_kind(name: str, kind: str) -> bool:
    bare = _GOVERNMENT_WORDS.sub("", _NOTE.sub("", name))
    return bare.endswith(kind) or (kind == "街道" and bare.endswith("街"))


# 昌图县七家子镇2023年政府信息公开 工作告年度报: a heading that names organ and year, whose
# report words the page shuffled, so that it is not read as a title.
_SHUFFLED = re.compile(rf"^(?P<org>[{_CJK}]{{2,40}}?){_YEAR}\s*年度?(?:政府|政务)?信息公开")


def _shuffled_title(text: str) -> str | None:
    for line in title_lines(text, 20):
        line = heading_line(line)
        m = _SHUFFLED.match(line) if line else None
        if m:
            return m.group("org")
    return None


# The text naming the organ whose year it reports on: 结合杨村街道2025年度政府信息公开工作
# 情况编制; 2025年,杨村街道坚持…
_COMBINED = re.compile(rf"结合(?P<org>[^,，。;；《》\n]{{2,40}}?){_YEAR}\s*年度?(?:的)?(?:政府|政务)?信息公开")
_SUBJECT = re.compile(rf"(?:^|(?<=[\n。]))[ \t]*{_YEAR}\s*年度?[,，](?P<rest>[{_CJK}]{{3,30}})")
_GENERIC_PLACE = re.compile(r"^[省市县区镇乡旗州盟]")


def reporting_organs(text: str, span: int = 3000) -> list[str]:
    """The organs the opening of the text names as the one reporting (the subject of its
    结合…工作 and 2025年,…坚持 sentences), to tell a page's furniture (a portal's name
    on the first line, a parent government's 来源) from the report's author."""
    head = text[:span]
    found = [organ(m.group("org")) for m in _COMBINED.finditer(head)]
    for m in _SUBJECT.finditer(head):
        # the shortest beginning that is a name and that the next character does not carry on
        # (杨村街|道 is 杨村街道; 管理局|严格 ends at 局)
        rest = m.group("rest")
        names = [organ(rest[:k]) for k in range(3, len(rest) + 1)]
        found.append(next((name for name, longer in zip(names, names[1:]) if name and not longer), None))
    return list(dict.fromkeys(name for name in found if name))


def _same_organ(a: str, b: str) -> bool:
    """Whether two names can be the same organ: one holds the other, once a bare 县/市/区…
    that stands for the place is dropped (县行政审批服务管理局, 盂县行政审批服务管理局)."""
    a, b = _NOTE.sub("", a), _NOTE.sub("", b)
    core_a, core_b = _GENERIC_PLACE.sub("", a) or a, _GENERIC_PLACE.sub("", b) or b
    return core_a in b or core_b in a


def _signature(text: str) -> str | None:
    """The organ's name on one of the last lines, above or beside the date."""
    for line in reversed(text.rstrip().splitlines()[-6:]):
        name = organ(DATE.sub("", squash(line)))
        if name and len(name) >= 3 and _SIGNER_END.search(name):
            return name
    return None


def _first_line(text: str) -> str | None:
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    name = organ(first)
    return name if name and len(name) >= 3 and _SIGNER_END.search(name) else None
