"""The farm itself: each list mechanism and fault answers as portals.md describes, on the first
fetch and the next, and the manifest states what the site definitions give.

Counts are worked out by hand from the site modules (comments say how), never read back
from the manifest. Protocol faults (CONNECT, resets, cut bodies) go through a real
FarmServer on 127.0.0.1; page content is read with Farm.resolve.
"""
from __future__ import annotations

import http.client
import json
import re
import socket
import ssl
from collections import Counter
from urllib.parse import quote, urlencode, urljoin, urlsplit

import pytest

from farm import CLASSIC_SITES, build
from farm.faults import Fault, outcome
from farm.server import FarmServer
from farm.sites.hanweb_xxgk import area_code
from farm.sites.truecms import column_id

BROWSER_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
XIAXI, SIHE, RUCHUAN, ECHUAN, YUNLING = ("www.xiaxi.gov.cn", "www.sihe.gov.cn", "www.ruchuan.gov.cn",
                                         "www.echuan.gov.cn", "www.yunling.gov.cn")


@pytest.fixture(scope="module")
def farm():
    return build(1)


@pytest.fixture(scope="module")
def manifest(farm):
    return json.loads(json.dumps(farm.manifest(), ensure_ascii=False))


@pytest.fixture
def server(farm):
    """A fresh server per test: its hit counts start at zero, so 'first fetch' means first."""
    with FarmServer(farm, timeout_sleep=1.0) as running:
        yield running


def fetch(server, url, method="GET", body=None, headers=None, timeout=5.0):
    """One request through the farm as an HTTP proxy: (status, headers, body)."""
    host, port = server.httpd.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request(method, url, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def fetch_https(server, host, path="/", timeout=5.0):
    """A GET through a CONNECT tunnel (the farm's certificate is self-signed, not checked)."""
    proxy_host, port = server.httpd.server_address[:2]
    connection = http.client.HTTPSConnection(proxy_host, port, timeout=timeout,
                                             context=ssl._create_unverified_context())
    connection.set_tunnel(host, 443)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def page(farm, url, **kwargs) -> str:
    route = farm.resolve("GET", url, **kwargs)
    assert route.status == 200, (url, route.status)
    return route.body.decode("utf-8")


def of_site(manifest, name):
    return ([r for r in manifest["reports"] if r["site"] == name],
            [d for d in manifest["lookalikes"] if d["site"] == name])


def documents_with(manifest, fault):
    return [d for d in manifest["reports"] + manifest["lookalikes"] if d["fault"] == fault]


# -- the manifest: counts by hand, determinism, format ----------------------------------------------

# Scale 1: years 2022–2024 (3). Default units: 县政府, 办公室, 2 departments, 2 townships (6).
EXPECTED = {
    # 6 units × 3 years, plus the two report files listed as rows (.doc, .pdf); one look-alike per unit
    "下溪县人民政府": {"reports": 20, "records": 20, "lookalikes": 6},
    # 6 × 3; one look-alike per unit
    "泗河县人民政府": {"reports": 18, "records": 18, "lookalikes": 6},
    # 6 × 3, the 403-to-bots report ends as an error; one look-alike per unit
    "如川县人民政府": {"reports": 18, "records": 17, "lookalikes": 6},
    # 6 × 3, the self-redirecting link ends as an error; one look-alike per unit plus the two cut ones
    "峨川县人民政府": {"reports": 18, "records": 17, "lookalikes": 8},
    # 2 + 4 departments + 3 townships = 9 units × 3, the soft 404 is an error; a look-alike per unit + 指南 + 制度
    "云岭县人民政府": {"reports": 27, "records": 26, "lookalikes": 11},
}

QINGYU, HEMING, TONGXI, LUTANG, SHIGANG = ("www.qingyu.gov.cn", "www.heming.gov.cn", "www.tongxi.gov.cn",
                                           "www.lutang.gov.cn", "www.shigang.gov.cn")
# Scale 1: years 2022–2024 (3); units 县政府 + 办公室 + `departments` + `towns` of each site (CountySite).
BLIND_EXPECTED = {
    # 2 + 3 departments + 3 towns = 8 units × 3; the department report whose link is gone is an error;
    # 解读, 编制通知, 工作要点, 绩效评价, 指南, 网站报表, 新媒体报表, 法治政府, 政府工作报告
    "青峪县人民政府": {"reports": 24, "records": 23, "lookalikes": 9},
    # 2 + 3 departments + 2 towns = 7 units × 3; 解读, 考核通报, 部门决算, 指南, 政府工作报告, 统计公报
    "鹤鸣县人民政府": {"reports": 21, "records": 21, "lookalikes": 6},
    # 2 + 5 departments + 4 towns = 11 units × 3; one summary row's file was never uploaded;
    # 解读, 编制通知, 企业年报公示通报 (the 汇总 pages are the files' page_url, not look-alikes)
    "桐溪县人民政府": {"reports": 33, "records": 32, "lookalikes": 3},
    # 2 + 3 + 3 = 8 units × 3; 图解, 实施方案, 指南, 绩效评价
    "芦塘县人民政府": {"reports": 24, "records": 24, "lookalikes": 4},
    # 2 + 3 + 3 = 8 units × 3; 政策解读, 法治政府建设情况的报告, 实施方案, 网站年度报表
    "石岗县人民政府": {"reports": 24, "records": 24, "lookalikes": 4},
}
XIANGYUAN, BAICHUAN, BAICHUAN_XXGK = "www.xiangyuan.gov.cn", "www.baichuan.gov.cn", "xxgk.baichuan.gov.cn"
# farm.VARIANT_SITES, scale 1: years 2022–2024 (3); units 县政府 + 办公室 + `departments` + `towns`.
VARIANT_EXPECTED = {
    # 2 + 3 departments + 3 towns = 8 units × 3; the row whose article is gone is an error; 解读, 网站年度报表,
    # 法治政府建设年度报告, 指南
    "湘源县人民政府": {"reports": 24, "records": 23, "lookalikes": 4},
    # 2 + 3 departments + 2 towns = 7 units × 3; the gone article is an error; 指南, 解读, 实施方案
    "柏川县人民政府": {"reports": 21, "records": 20, "lookalikes": 3},
}
#: every site built after the classic ones: the mechanism sites, the blind ones, the variants
COUNTED = {**EXPECTED, **BLIND_EXPECTED, **VARIANT_EXPECTED}
# The nine classic sites: 149 reports, of which 11 end otherwise than as records (3 behind robots.txt,
# 7 faults ending as error lines: too large, 412, 404, 500, soft 404, timeout, redirect loop; 1 image-only)
CLASSIC = {"reports": 149, "records": 138, "lookalikes": 39}
#: records a crawl of the whole farm (farm.SITES) must write
FARM_RECORDS = CLASSIC["records"] + sum(site["records"] for site in COUNTED.values())


@pytest.mark.parametrize("site", sorted(COUNTED))
def test_each_new_site_publishes_the_counts_its_definition_gives(manifest, site):
    reports, lookalikes = of_site(manifest, site)
    assert {"reports": len(reports), "records": sum(r["expect"] == "record" for r in reports),
            "lookalikes": len(lookalikes)} == COUNTED[site]
    assert all(d["outcome"]["result"] == "not_record" for d in lookalikes)


def test_counts_grow_with_scale(manifest):
    """Scale 2: years 2021–2024 (4) and 3 + 3 units besides 县政府 and 办公室 → 8 × 4 + 2 files on 下溪县."""
    reports, _ = of_site(build(2).manifest(), "下溪县人民政府")
    assert len(reports) == 34


def test_the_same_scale_gives_the_same_manifest():
    assert json.dumps(build(1).manifest(), ensure_ascii=False) == json.dumps(
        build(1).manifest(), ensure_ascii=False)


def test_the_classic_sites_are_what_they_were(manifest):
    """New sites come after the classic ones, so the classic sites' data (and crawl tests) do not move."""
    classic = json.loads(json.dumps(build(1, CLASSIC_SITES).manifest(), ensure_ascii=False))
    names = {s["name"] for s in classic["sites"]}
    for key in ("reports", "lookalikes"):
        assert [d for d in manifest[key] if d["site"] in names] == classic[key]
    assert len(classic["reports"]) == CLASSIC["reports"] and len(classic["lookalikes"]) == CLASSIC["lookalikes"]
    assert sum(d["expect"] == "record" for d in classic["reports"]) == CLASSIC["records"]


def test_every_document_says_what_must_become_of_it(manifest):
    old_keys = {"id", "site", "family", "kind", "title", "org", "year", "published", "form", "url", "page_url",
                "aliases", "files", "fault", "expect", "needs_document_parser", "figures"}
    for doc in manifest["reports"] + manifest["lookalikes"]:
        assert old_keys <= doc.keys()
        assert doc["outcome"] == outcome(doc["expect"])
        assert doc["fault"] is None or doc["fault"] in set(Fault)
    new = [d for d in manifest["lookalikes"] if d["site"] in EXPECTED]
    assert Counter(d["outcome"]["result"] for d in new) == {"not_record": 37}  # 6 + 6 + 6 + 8 + 11


def test_the_manifest_names_the_organ_as_the_title_writes_it(manifest):
    """A record's org is the organ as its title writes it (tests/files/excerpts/README.md); the full
    name, where the title names none (as the page's 发布机构 does), and always under `organ`."""
    def report(site, title):
        (found,) = [r for r in manifest["reports"] if r["site"] == site and r["title"] == title]
        return found["org"], found["organ"]
    assert report("青峪县人民政府", "县教育局2023年政府信息公开工作年度报告") == ("县教育局", "青峪县教育局")
    assert report("青峪县人民政府", "柳林镇2023年政府信息公开工作年度报告") == ("柳林镇", "青峪县柳林镇人民政府")
    assert report("石岗县人民政府", "河口乡人民政府2023年政府信息公开工作年度报告") == (
        "河口乡人民政府", "石岗县河口乡人民政府")
    assert report("芦塘县人民政府", "芦塘县2024年度信息公开年报") == ("芦塘县", "芦塘县人民政府")
    assert report("芦塘县人民政府", "2023年度政府信息公开工作报告（东岭镇）") == ("东岭镇", "芦塘县东岭镇人民政府")
    assert report("南岭县人民政府", "洪泽区人民政府2023年政府信息公开工作年度报告") == (
        "洪泽区人民政府", "淮安市洪泽区人民政府")  # a real published PDF
    assert report("鹤鸣县人民政府", "2023年鹤鸣县人民政府办公室政府信息公开工作年度报告") == (
        "鹤鸣县人民政府办公室", "鹤鸣县人民政府办公室")
    heming, _ = of_site(manifest, "鹤鸣县人民政府")
    untitled = [r for r in heming if r["title"][:4].isdigit() and r["title"].endswith("年度报告") and "鹤鸣县" not in r["title"]]
    assert len(untitled) == 9 and all(r["org"] == r["organ"] for r in untitled)  # 3 departments × 3 years
    # by site module, 3 years each: 青峪 6 units (3 depts as 县X局, 3 towns), 桐溪 4 towns, 石岗 3 towns,
    # 鹤鸣 2 towns, 芦塘 3 towns + 芦塘县 (2024): 18 + 12 + 9 + 6 + 10, and 南岭's real PDF (洪泽区);
    # the variants: 湘源 3 towns (X镇人民政府) = 9, 柏川 柏川县 + 3 departments (县X局) + 2 towns = 18
    assert sum(r["org"] != r["organ"] for r in manifest["reports"]) == 56 + 27


def test_every_fault_is_played_somewhere(manifest):
    played = {d["fault"] for d in manifest["reports"] + manifest["lookalikes"]}
    played |= {f["fault"] for d in manifest["reports"] for f in d["files"] + d["dead_files"]}
    played |= {f["fault"] for f in manifest["faults"]}
    assert set(Fault) - played == set()


# -- Hanweb 信息公开 module: POST only, currpage, query-string identity, file rows ---------------------

def rows(answer: bytes) -> list[str]:
    return re.findall(r"<tr class='tr_main_value_(?:odd|even)'>.*?href='([^']+)'", answer.decode("utf-8"))


def test_search_jsp_answers_get_with_405_and_post_with_rows(server):
    url = f"http://{XIAXI}/module/xxgk/search.jsp"
    status, headers, _ = fetch(server, url + "?area=&currpage=1")
    assert (status, headers["allow"]) == (405, "POST")
    form = urlencode({"infotypeId": "A0401", "area": area_code(0), "currpage": 1}).encode()
    status, _, answer = fetch(server, url, "POST", form, {"Content-Type": "application/x-www-form-urlencoded"})
    # the county area: 县政府 and 办公室 reports (6), the two file rows, their 2 look-alikes, 2 notices each (4)
    assert status == 200 and len(rows(answer)) == 10 and "共2页" in answer.decode()


def test_search_jsp_pages_by_currpage_and_repeats_the_last(farm):
    url = f"http://{XIAXI}/module/xxgk/search.jsp"
    second = farm.resolve("POST", url, urlencode({"area": area_code(0), "currpage": 2}).encode()).body
    past = farm.resolve("POST", url, urlencode({"area": area_code(0), "currpage": 9}).encode()).body
    assert len(rows(second)) == 4 and rows(past) == rows(second)
    everything = farm.resolve("POST", url, b"area=&currpage=1").body.decode()
    assert "共38条" in everything  # whole-area: the county's 14 + 4 units × (3 reports + 1 look-alike + 2 notices)


def test_township_reports_differ_only_by_their_query(farm, manifest):
    reports, _ = of_site(manifest, "下溪县人民政府")
    module = [r["url"] for r in reports if "xxgkAnnualReport.jsp" in r["url"]]
    assert len(module) == 6 and len({urlsplit(u).path for u in module}) == 1
    towns = {area_code(3), area_code(4)}
    listed = {u for area in towns for u in rows(farm.resolve("POST", f"http://{XIAXI}/module/xxgk/search.jsp",
                                                                urlencode({"area": area}).encode()).body)}
    assert set(module) <= listed
    assert len({farm.resolve("GET", u).body for u in module}) == 6


def test_file_rows_are_the_reports_themselves(farm, manifest):
    reports, _ = of_site(manifest, "下溪县人民政府")
    files = [r for r in reports if "downfile.jsp" in r["url"]]
    assert sorted(r["url"].rsplit(".", 1)[1] for r in files) == ["doc", "pdf"]
    county_rows = [urljoin(f"http://{XIAXI}/", u) for page_number in (1, 2) for u in rows(farm.resolve(
        "POST", f"http://{XIAXI}/module/xxgk/search.jsp", urlencode({"area": area_code(0), "currpage": page_number})
        .encode()).body)]
    magic = {"doc": b"\xd0\xcf\x11\xe0", "pdf": b"%PDF"}
    for report in files:
        assert report["url"] in county_rows
        assert farm.resolve("GET", report["url"]).body.startswith(magic[report["url"].rsplit(".", 1)[1]])


def test_the_column_page_is_a_form_shell_with_the_tree_in_an_iframe(farm):
    shell = page(farm, f"http://{XIAXI}/col/col1229300001/index.html")
    assert '<form name="searchform" method="post" action="/module/xxgk/search.jsp">' in shell
    assert f'id="area" name="area" value="{area_code(0)}"' in shell
    assert "/module/xxgk/tree.jsp?area=" in shell and "/art/" not in shell


# -- JPaaS: a shell page, JSON pages only through paramJson -------------------------------------------

def jpaas(farm, extra=""):
    query = ("webId=3517&pageId=1229400002&tplSetId=Q7xWm2LpTz9rNcV4bHsJd&tagId=x&pageType=column&editType=null"
             "&parseType=bulidstatic" + extra)
    answer = json.loads(farm.resolve("GET", f"http://{SIHE}/api-gateway/jpaas-publish-server/front/page/build/unit?"
                                            + query).body)
    return answer["success"], re.findall(r'href="([^"]+)"', answer["data"]["html"]) if answer["data"] else []


def test_jpaas_pages_only_through_param_json(farm):
    shell = page(farm, f"http://{SIHE}/col/col1229400002/index.html")
    assert 'src="/AuthorizedRead/unitbuild.js"' in shell and "queryData=\"{'webId': '3517'" in shell
    assert "/art/" not in shell
    ok, first = jpaas(farm)
    # 县政府, 办公室, 2 departments: 12 reports + 4 look-alikes = 16 → 15 and 1
    assert ok and len(first) == 15
    assert jpaas(farm, "&pageNo=2")[1] == first
    assert len(jpaas(farm, "&paramJson=" + quote('{"pageNo":2,"pageSize":"15"}'))[1]) == 1
    assert jpaas(farm, "&paramJson=" + quote('{"pageNo":3,"pageSize":"15"}'))[1] == []
    assert len(jpaas(farm, "&paramJson=" + quote('{"pageNo":1,"pageSize":"100"}'))[1]) == 15
    wrong = json.loads(farm.resolve("GET", f"http://{SIHE}/api-gateway/jpaas-publish-server/front/page/build/unit?"
                                           "webId=1&pageId=1229400002&parseType=bulidstatic").body)
    assert wrong["success"] is False


# -- truecms JSONP: Referer, window cap, https-only host ------------------------------------------------

def test_jsonp_needs_a_referer_and_a_window_of_at_most_50(server):
    url = (f"https://{RUCHUAN}/messageController/getMessage.do?startrecord=1&endrecord=50&perpage=50"
           f"&columnId={column_id('bmnb')}&callback=cb")
    assert fetch_https(server, RUCHUAN, url.split(RUCHUAN, 1)[1])[0] == 404  # no Referer
    farm = server.farm
    referer = {"referer": f"https://{RUCHUAN}/zfxxgk/zfxxgknb/bmnb/index.html"}
    answer = farm.resolve("GET", url, headers=referer).body.decode()
    assert answer.startswith("cb(") and answer.endswith(")")
    # 2 departments × 3 reports + their 2 look-alikes
    assert len(re.findall(r"<record>", json.loads(answer[3:-1])["result"])) == 8
    assert json.loads(farm.resolve("GET", url.replace("endrecord=50", "endrecord=51"), headers=referer)
                      .body.decode()[3:-1]) == {"result": ""}
    assert farm.resolve("GET", url, headers={"referer": "http://www.baidu.com/"}).status == 404


def test_https_only_host_redirects_http(server):
    status, headers, _ = fetch(server, f"http://{RUCHUAN}/zfxxgk/index.html")
    assert (status, headers["location"]) == (301, f"https://{RUCHUAN}/zfxxgk/index.html")
    assert fetch_https(server, RUCHUAN, "/zfxxgk/index.html")[0] == 200


# -- F7 UUID 集约化: iframe shells, cut titles, sub-domains with broken https, <base href> --------------

def test_portal_columns_are_iframe_shells_around_cut_titles(farm, manifest):
    shell = page(farm, f"http://{ECHUAN}/ecx/c100050/zfxxgknb.shtml")
    assert '<iframe id="contentFrame"' in shell and 'src="/ecx/c100050/list.shtml"' in shell
    assert ".shtml\" target" not in shell  # no list in the shell itself
    lists = page(farm, f"http://{ECHUAN}/ecx/c100050/list.shtml") + page(farm, f"http://{ECHUAN}/ecx/c100050/list_2.shtml")
    anchors = dict((u, t) for u, t in re.findall(r'<a href="([^"]+)" target="_blank">([^<]+)</a>', lists))
    assert "title=" not in lists and "createPageHTML('page_div', 2, 1, 'list', 'shtml', 10)" in lists
    reports, lookalikes = of_site(manifest, "峨川县人民政府")
    cut_lookalikes = [d for d in lookalikes if anchors.get(d["url"], "").endswith("…")]
    assert len(cut_lookalikes) == 2  # 解读 and 通知, cut before they say so
    assert all(d["title"].startswith(anchors[d["url"]][:-1]) for d in cut_lookalikes)
    office = [r for r in reports if r["org"] == "峨川县人民政府办公室"]
    assert sorted(anchors[r["url"]] for r in office if r["url"] in anchors) == ["2022年度报告", "2023年度报告",
                                                                                "2024年度报告"]


def test_department_sites_are_linked_as_https_and_only_http_works(server, manifest):
    reports, _ = of_site(manifest, "峨川县人民政府")
    dept = [r for r in reports if r["listed"]]
    assert len(dept) == 6 and all(r["listed"][0] == "https" + r["url"][4:] for r in dept)
    host = urlsplit(dept[0]["url"]).hostname
    for _ in range(2):
        with pytest.raises((ssl.SSLError, ConnectionError, OSError)):
            fetch_https(server, host, urlsplit(dept[0]["url"]).path)
    assert fetch(server, dept[0]["url"])[0] == 200
    assert {f["url"] for f in server.farm.manifest()["faults"] if f["fault"] == Fault.HTTPS_BROKEN} == {
        f"https://{urlsplit(r['url']).hostname}/" for r in dept}


def test_attachments_resolve_only_against_the_base_href(farm, manifest):
    reports, _ = of_site(manifest, "峨川县人民政府")
    for report in [r for r in reports if r["files"]]:
        html = page(farm, report["page_url"])
        base = re.search(r'<base href="([^"]+)">', html).group(1)
        link = re.search(r'<p class="fj"><a href="([^"]+)">', html).group(1)
        assert urljoin(base, link) == report["files"][0]["url"]
        assert farm.resolve("GET", urljoin(report["page_url"], link)).status == 404


# -- Guangdong: ColumnName on every page, soft 404 past the end ----------------------------------------

def test_every_page_of_the_site_claims_to_be_the_annual_report_column(farm):
    pages = [r.body.decode("utf-8") for r in farm.routes[YUNLING].values()
             if r.status == 200 and "<html" in r.body[:200].decode("utf-8", "replace") and b"</body>" in r.body
             and "页面不存在" not in r.body.decode("utf-8")]
    assert len(pages) > 40
    assert all('<meta name="ColumnName" content="政府信息公开年报">' in p for p in pages)


def test_the_annual_report_column_lists_years_not_reports(farm, manifest):
    column = page(farm, f"http://{YUNLING}/zwgk/zfxxgk/zfxxgknb/index.html")
    reports, _ = of_site(manifest, "云岭县人民政府")
    assert not any(r["url"] in column for r in reports)
    assert re.findall(r'href="(\d{4}n)/index.html"', column) == ["2024n", "2023n", "2022n"]
    past = farm.resolve("GET", f"http://{YUNLING}/zwgk/zfxxgk/zfxxgknb/2024n/bm/index_3.html")
    assert past.status == 200 and "页面不存在" in past.body.decode()


# -- faults: what each answers on the first fetch and on the next ------------------------------------

@pytest.mark.parametrize("fault, first, then", [
    (Fault.RETRY_AFTER_ONCE, 503, 200),
    (Fault.RATE_LIMIT_ONCE, 429, 200),
    (Fault.BAD_GATEWAY_ONCE, 502, 200),
    (Fault.HTTP_500, 500, 500),
    (Fault.BLOCKED_412, 412, 412),
    (Fault.BOT_UA_403, 403, 403),
])
def test_status_faults_on_first_and_later_fetch(server, manifest, fault, first, then):
    url = documents_with(manifest, fault)[0]["url"]
    assert [fetch(server, url)[0] for _ in range(2)] == [first, then]


def test_retry_after_and_rate_limit_say_when(server, manifest):
    for fault in (Fault.RETRY_AFTER_ONCE, Fault.RATE_LIMIT_ONCE):
        assert fetch(server, documents_with(manifest, fault)[0]["url"])[1]["retry-after"] == "1"


def test_browsers_pass_the_bot_filter(server, manifest):
    url = documents_with(manifest, Fault.BOT_UA_403)[0]["url"]
    assert fetch(server, url, headers={"User-Agent": BROWSER_UA})[0] == 200


def test_reset_drops_the_first_connection_only(server, manifest):
    url = documents_with(manifest, Fault.RESET_ONCE)[0]["url"]
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
        fetch(server, url)
    assert fetch(server, url)[0] == 200


def test_truncation_with_a_length_is_cut_once(server, manifest):
    url = documents_with(manifest, Fault.TRUNCATE_ONCE)[0]["url"]
    with pytest.raises(http.client.IncompleteRead):
        fetch(server, url)
    assert fetch(server, url)[2].rstrip().endswith(b"</html>")


def test_truncation_without_a_length_looks_complete_but_is_not(server, manifest):
    url = documents_with(manifest, Fault.TRUNCATE_UNFRAMED_ONCE)[0]["url"]
    status, headers, body = fetch(server, url)
    assert status == 200 and "content-length" not in headers and not body.rstrip().endswith(b"</html>")
    status, headers, whole = fetch(server, url)
    assert whole.rstrip().endswith(b"</html>") and len(body) == len(whole) // 2


def test_timeout_sleeps_every_time(server, manifest):
    url = documents_with(manifest, Fault.TIMEOUT)[0]["url"]
    for _ in range(2):
        with pytest.raises((socket.timeout, TimeoutError)):
            fetch(server, url, timeout=0.2)


def test_huge_page_is_huge_every_time(server, manifest):
    url = documents_with(manifest, Fault.HUGE)[0]["url"]
    assert [len(fetch(server, url)[2]) > 8 * 1024 * 1024 for _ in range(2)] == [True, True]


def test_gbk_page_under_a_utf8_header(farm, manifest):
    (doc,) = documents_with(manifest, Fault.GBK_AS_UTF8)
    route = farm.resolve("GET", doc["url"])
    assert dict(route.headers)["Content-Type"] == "text/html; charset=utf-8"
    with pytest.raises(UnicodeDecodeError):
        route.body.decode("utf-8")
    text = route.body.decode("gb18030")
    assert doc["title"] in text and 'charset=gb2312' in text


def test_redirect_loop_and_moves(farm, manifest):
    (loop,) = [d for d in documents_with(manifest, Fault.REDIRECT_LOOP) if d["site"] == "峨川县人民政府"]
    route = farm.resolve("GET", loop["url"])
    assert route.status == 302 and urljoin(loop["url"], dict(route.headers)["Location"]) == loop["url"]
    for moved in documents_with(manifest, Fault.MOVED_301):
        route = farm.resolve("GET", moved["listed"][0])
        assert route.status == 301 and dict(route.headers)["Location"] == moved["url"]
    (home,) = [f for f in manifest["faults"] if f["fault"] == Fault.HOME_301]
    assert dict(farm.resolve("GET", home["url"]).headers)["Location"] == f"http://{YUNLING}/"


def test_soft_404_report_and_commented_row(farm, manifest):
    (soft,) = [d for d in documents_with(manifest, Fault.SOFT_404) if d["site"] == "云岭县人民政府"]
    route = farm.resolve("GET", soft["url"])
    assert route.status == 200 and "页面不存在" in route.body.decode()
    (ghost,) = [f for f in manifest["faults"] if f["fault"] == Fault.COMMENTED_OUT and f["site"] == "云岭县人民政府"]
    assert farm.resolve("GET", ghost["url"]).status == 404
    listing = page(farm, f"http://{YUNLING}/zwgk/zfxxgk/zfxxgknb/2023n/bm/index.html")
    assert f'<!--<li><a href="{ghost["url"]}">' in listing


def test_files_that_lie_about_themselves(farm, manifest):
    (copy,) = [f for d in manifest["reports"] for f in d["files"] if f["fault"] == Fault.WRONG_CONTENT_TYPE]
    route = farm.resolve("GET", copy["url"])
    assert dict(route.headers)["Content-Type"] == "text/html" and route.body.startswith(b"PK\x03\x04")
    (dead,) = [f for d in manifest["reports"] for f in d["dead_files"]]
    route = farm.resolve("GET", dead["url"])
    assert route.status == 200 and route.body.startswith(b"<html>") and dead["expect"] == "error:not_a_document"


# -- every report of a new site can be reached from its home page ------------------------------------

def reachable(farm, start: str, limit: int = 3000) -> set[str]:
    """Walk a site as its own pages tell a browser to: links, iframes, the search form, the JPaaS
    and JSONP scripts, the 6-argument pager, 301s; https links to hosts whose https is broken are
    read over http. A test oracle of the mechanisms, not the project's crawler."""
    seen, queue, fence = set(), [start], urlsplit(start).hostname.split(".", 1)[1]
    while queue and len(seen) < limit:
        url = queue.pop()
        host = urlsplit(url).hostname or ""
        if url in seen or not host.endswith(fence):
            continue
        seen.add(url)
        if farm.tls.get(host) == Fault.HTTPS_BROKEN and url.startswith("https:"):
            queue.append("http" + url[5:])
            continue
        route = farm.resolve("GET", url)
        if route.status in (301, 302):
            queue.append(urljoin(url, dict(route.headers)["Location"]))
            continue
        if route.status != 200 or not dict(route.headers).get("Content-Type", "").startswith("text/html"):
            continue
        text = re.sub(r"<!--.*?-->", "", route.body.decode("gb18030" if b"charset=gb2312" in route.body[:300] else "utf-8",
                                                           "replace"), flags=re.S)
        base = re.search(r'<base href="([^"]+)"', text)
        links = re.findall(r'(?:href|src)=["\']([^"\'#]+)["\']', text)
        queue += [urljoin(base.group(1) if base else url, link.replace("&amp;", "&")) for link in links
                  if not link.startswith("javascript")]
        for total, prefix, suffix in re.findall(r"createPageHTML\('page_div', (\d+), \d+, '(\w+)', '(\w+)'", text):
            queue += [urljoin(url, f"{prefix}_{n}.{suffix}") for n in range(2, int(total) + 1)]
        queue += form_rows(farm, url, text) + jpaas_rows(farm, url, text) + jsonp_rows(farm, url, text)
        queue += probed_pages(farm, url) + blind_links(farm, url, text) + variant_links(url, text)
    return seen


def blind_links(farm, url, text):
    """What the blind-built sites add: the TRS 4-argument pager, <select> options that open columns,
    and Hanweb jpage groups from dataproxy.jsp."""
    found = []
    for total, name, ext in re.findall(r'createPageHTML\((\d+), \d+, "(\w+)", "(\w+)"\)', text):
        found += [urljoin(url, f"{name}_{n}.{ext}") for n in range(1, int(total))]
    found += [urljoin(url, value) for value in re.findall(r"<option value='(/[^']+)'", text)]
    jpage = re.search(r"totalRecord:(\d+).*?proxyUrl:'([^']+)',perPage:(\d+).*?columnid:(\d+)", text)
    if jpage:
        total, proxy, per_page, column = jpage.groups()
        answer = farm.resolve("POST", urljoin(url, proxy) + f"?startrecord=1&endrecord={total}&perpage={per_page}",
                              f"columnid={column}".encode()).body.decode()
        found += [urljoin(url, link) for link in re.findall(r'<record><!\[CDATA\[.*?href="([^"]+)"', answer, re.S)]
    return found


def variant_links(url, text):
    """What the variant sites add, read as their modules say: rows in `var listData = [{…, url: '…'}]`,
    onclick/javascript: calls of the page's own openDoc / goPage / openColumn / openClass, downFile paths."""
    base = re.search(r'<base href="([^"]+)"', text)
    base = base.group(1) if base else url
    found = [urljoin(url, u) for u in re.findall(r"url: '([^']+)'", text)]
    templates = dict(re.findall(r"function (\w+)\(\w+\)\{ (?:window\.open\(|(?:window\.)?location\.href = )'([^']+)' \+",
                                text))
    for name, argument in re.findall(r"(\w+)\('?(\d+)'?\)", text):
        if name in templates:
            found.append(urljoin(base, templates[name] + argument))
    found += [urljoin(base, path) for path in re.findall(r"downFile\('([^']+)'\)", text)]
    return found


def probed_pages(farm, url):
    """Guangdong lists have no pager: index_2.html, index_3.html … until a (soft) 404."""
    found = []
    while url.endswith("/index.html") or re.search(r"/index_\d+\.html$", url):
        url = re.sub(r"/index(?:_(\d+))?\.html$", lambda m: f"/index_{int(m.group(1) or 1) + 1}.html", url)
        route = farm.resolve("GET", url)
        if route.status != 200 or "页面不存在".encode() in route.body:
            return found
        found.append(url)
    return found


def form_rows(farm, url, text):
    form = re.search(r'<form name="searchform" method="post" action="([^"]+)">(.*?)</form>', text, re.S)
    if not form:
        return []
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form.group(2)))
    found, page_number = [], 1
    while True:
        answer = farm.resolve("POST", urljoin(url, form.group(1)),
                              urlencode({**fields, "currpage": page_number}).encode()).body
        new = [urljoin(url, u) for u in rows(answer) if urljoin(url, u) not in found]
        if not new:
            return found
        found, page_number = found + new, page_number + 1


def jpaas_rows(farm, url, text):
    tag = re.search(r'unitbuild\.js" url="([^"]+)" queryData="([^"]+)"', text)
    if not tag:
        return []
    query = json.loads(tag.group(2).replace("'", '"'))
    found, page_number = [], 1
    while True:
        answer = json.loads(farm.resolve("GET", urljoin(url, tag.group(1)) + "?" + urlencode(
            {**query, "paramJson": json.dumps({"pageNo": page_number, "pageSize": "15"})})).body)
        new = re.findall(r'href="([^"]+)"', answer["data"]["html"])
        if not new:
            return found
        found, page_number = found + new, page_number + 1


def jsonp_rows(farm, url, text):
    script = re.search(r"proxyUrl:'([^']+)', columnId:'([^']+)'", text)
    if not script:
        return []
    found, start = [], 1
    while True:
        answer = farm.resolve("GET", urljoin(url, script.group(1)) + "?" + urlencode(
            {"startrecord": start, "endrecord": start + 49, "perpage": 50, "columnId": script.group(2),
             "callback": "cb"}), headers={"referer": url}).body.decode()
        new = re.findall(r'href=\\?"([^"\\]+)\\?"', answer)
        if not new:
            return found
        found, start = found + new, start + 50


@pytest.mark.parametrize("site", sorted(COUNTED))
def test_every_report_is_reachable_from_the_home_page(farm, manifest, site):
    reports, lookalikes = of_site(manifest, site)
    home = next(s.www for s in farm.sites if s.name == site) + "/"
    walked = reachable(farm, home)
    missing = [r["url"] for r in reports + lookalikes
               if not ({r["url"], r["page_url"], *r["listed"]} & walked) and r["expect"] != "error:redirect_loop"]
    assert missing == []
    if site in BLIND_EXPECTED or site in VARIANT_EXPECTED:  # their files too
        assert [f["url"] for r in reports for f in r["files"] if f["url"] not in walked] == []


# -- the blind-built sites (farm.BLIND_SITES): each mechanism as its module says ---------------------

def test_pdf_reports_read_back_as_text():
    """The farm's PDFs are real text PDFs: the title and a table 三 row come back from pdfplumber."""
    import io
    import random

    import pdfplumber

    from farm import content
    rng = random.Random(7)
    figures = content.figures(rng)
    data = content.pdf_bytes("石桥镇2023年政府信息公开工作年度报告",
                             content.report_body("青峪县石桥镇人民政府", 2023, figures, rng))
    assert data.startswith(b"%PDF-1.4")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
    row = " ".join(map(str, figures["applications"]["rows"]["new_received"]))
    assert "石桥镇2023年政府信息公开工作年度报告" in text and f"一、本年新收政府信息公开申请数量 {row}" in text


def test_trs_annual_column_is_a_menu_of_years_with_guessless_names(farm, manifest):
    root = page(farm, f"http://{QINGYU}/zwgk/zfxxgk/fdzdgknr/zfxxgknb/index.html")
    years = re.findall(r'href="/zwgk/zfxxgk/fdzdgknr/zfxxgknb/(\d{4})n_(\d+)/"', root)
    assert [y for y, _ in years] == ["2024", "2023", "2022", "2021"] and len({n for _, n in years}) == 4
    assert '<div class="leftnav">' in root and "t20" not in root  # no article on the column page
    assert "政府信息公开年报" not in page(farm, f"http://{QINGYU}/zwgk/zfxxgk/index.html")  # three levels down
    reports, _ = of_site(manifest, "青峪县人民政府")
    depts = [r for r in reports if "/bm_" in r["page_url"]]
    assert len(depts) == 9 and all(r["title"].startswith("县") for r in depts)  # no county name
    (soft,) = [f for f in manifest["faults"] if f["site"] == "青峪县人民政府" and f["fault"] == Fault.SOFT_404]
    assert "页面不存在" in farm.resolve("GET", soft["url"]).body.decode()


def test_trs_leaf_lists_page_only_through_create_page_html(farm):
    year = re.search(r'href="(/zwgk/zfxxgk/fdzdgknr/zfxxgknb/2023n_\d+/)"',
                     page(farm, f"http://{QINGYU}/zwgk/zfxxgk/fdzdgknr/zfxxgknb/index.html")).group(1)
    towns = re.search(r'href="([^"]+xzjd_\d+/)"', page(farm, f"http://{QINGYU}{year}")).group(1)
    first = page(farm, f"http://{QINGYU}{towns}index.html")
    # 3 townships a year, two a page
    assert 'createPageHTML(2, 0, "index", "html")' in first and "index_1.html" not in first
    assert 'createPageHTML(2, 1, "index", "html")' in page(farm, f"http://{QINGYU}{towns}index_1.html")


def test_trs_file_link_only_in_a_script(farm, manifest):
    reports, _ = of_site(manifest, "青峪县人民政府")
    (copy,) = [r for r in reports if r["form"] == "copy"]
    text = page(farm, copy["page_url"])
    name = copy["files"][0]["url"].rsplit("/", 1)[1]
    assert f"var file_appendix='<a href=\"./{name}\"" in text and text.count(name) == 1


def test_hanweb_departments_only_in_select_options(farm, manifest):
    column = page(farm, f"http://{HEMING}/col/col1229510010/index.html")
    options = re.findall(r"<option value='(/col/col\d+/index.html)'>", column)
    assert len(options) == 3 and not any(f'href="{o}"' in column or f"href='{o}'" in column for o in options)
    reports, _ = of_site(manifest, "鹤鸣县人民政府")
    depts = [r for r in reports if r["title"][:4].isdigit() and "鹤鸣县" not in r["title"] and "（" not in r["title"]]
    assert len(depts) == 9  # 3 departments × 3 years, titled without their organ
    for report in depts:
        assert f"<td class='lab'>发布机构</td><td>{report['org']}</td>" in page(farm, report["page_url"])


def test_hanweb_first_group_embedded_rest_from_dataproxy(server, farm):
    column = page(farm, f"http://{HEMING}/col/col1229510010/index.html")
    embedded = re.findall(r'<record><!\[CDATA\[\s*<li><a href="([^"]+)"', column)
    # 县政府, 办公室, 2 towns: 12 reports + 解读 + 考核通报 + 2 notices = 16; groups of 2 pages × 5
    assert len(embedded) == 10 and "totalRecord:16" in column
    url = f"http://{HEMING}/module/web/jpage/dataproxy.jsp?startrecord=11&endrecord=20&perpage=5"
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    status, headers, _ = fetch(server, url, "POST", b"columnid=1229510010&webid=42", form)
    assert (status, headers["retry-after"]) == (503, "1")  # busy once for each request URL
    status, _, answer = fetch(server, url, "POST", b"columnid=1229510010&webid=42", form)
    rest = re.findall(r'<record><!\[CDATA\[\s*<li><a href="([^"]+)"', answer.decode())
    assert status == 200 and len(rest) == 6 and not set(rest) & set(embedded)
    by_page = farm.resolve("GET", f"http://{HEMING}/module/web/jpage/dataproxy.jsp?page=3&perpage=5"
                                  "&columnid=1229510010").body.decode()
    assert re.findall(r'<record><!\[CDATA\[\s*<li><a href="([^"]+)"', by_page) == rest


def test_summary_article_rows_are_the_reports(farm, manifest):
    reports, _ = of_site(manifest, "桐溪县人民政府")
    summaries = Counter(r["page_url"] for r in reports if r["form"] == "file")
    # every unit but the county government, whose report is an article: 10 rows a year
    assert sorted(summaries.values()) == [10, 10, 10]
    for url in summaries:
        text = page(farm, url)
        assert urlsplit(url).hostname == "xxgk.tongxi.gov.cn" and "年度政府信息公开工作年度报告汇总</h2>" in text
        assert all(urlsplit(r["url"]).path in text for r in reports if r["page_url"] == url)
    files = [r for r in reports if r["form"] == "file"]
    assert sorted(Counter(r["url"].rsplit(".", 1)[1] for r in files).items()) == [("docx", 3), ("pdf", 27)]
    (gone,) = [r for r in reports if r["expect"] == "error:http_404"]
    assert farm.resolve("GET", gone["url"]).status == 404 and gone["files"][0]["fault"] == Fault.HTTP_404
    for report in files:
        if report is not gone and report["url"].endswith(".pdf"):
            assert farm.resolve("GET", report["url"]).body.startswith(b"%PDF")


def test_xxgk_on_another_host_and_no_charset_header(farm):
    home = page(farm, f"http://{TONGXI}/")
    assert 'href="http://xxgk.tongxi.gov.cn/"' in home
    moved = farm.resolve("GET", f"http://{TONGXI}/xxgk/")
    assert moved.status == 301 and dict(moved.headers)["Location"] == "http://xxgk.tongxi.gov.cn/"
    assert dict(farm.resolve("GET", "http://xxgk.tongxi.gov.cn/").headers)["Content-Type"] == "text/html"


def test_gbk_tree_is_the_only_way_to_the_annual_reports(farm, manifest):
    route = farm.resolve("GET", f"http://{LUTANG}/zwgk/xxgkml/index.jsp")
    assert dict(route.headers)["Content-Type"] == "text/html"
    with pytest.raises(UnicodeDecodeError):
        route.body.decode("utf-8")
    text = route.body.decode("gb18030")
    tree = re.search(r'<ul class="tree">.*</ul>', text, re.S).group(0)
    assert 'href="javascript:void(0)" onclick="toggleNode(this)">部门信息公开' in tree
    # 3 departments + 3 towns have their own 年报 leaf, the county's is the old path
    assert len(re.findall(r'channelId=(?:bm|xz)_\w+_nb">政府信息公开年报', tree)) == 6
    assert 'href="/zwgk/gknb/">政府信息公开年报' in tree
    first = farm.resolve("GET", f"http://{LUTANG}/zwgk/gknb/")
    second = farm.resolve("GET", dict(first.headers)["Location"])
    assert (first.status, second.status) == (301, 301)
    assert dict(second.headers)["Location"] == f"http://{LUTANG}/zwgk/xxgkml/list.jsp?channelId=ndbg"
    reports, _ = of_site(manifest, "芦塘县人民政府")
    assert sum("?" in r["page_url"] and "infoId=" in r["page_url"] for r in reports) == 24


def test_vsb_year_pages_count_backwards_behind_a_pager_window(farm):
    first = page(farm, f"http://{SHIGANG}/zfxxgk/zfxxgknb/a2023.htm")
    # 2023: 8 reports + 政策解读 + 法治政府建设情况的报告 = 10, two a page → 5 pages
    assert "共5页" in first and "_simple_list_gotopage_fun(5," in first
    assert '<a href="a2023/4.htm">下页</a>' in first and '<a href="a2023/1.htm">尾页</a>' in first
    assert '<span class="p_dot">...</span>' in first and "a2023/2.htm" not in first  # page 4 only via 下页
    assert 'href="../../info/' in first
    last = page(farm, f"http://{SHIGANG}/zfxxgk/zfxxgknb/a2023/1.htm")
    assert 'href="../../../info/' in last and "p_next_d" in last
    column = page(farm, f"http://{SHIGANG}/zfxxgk/zfxxgknb.htm")
    assert re.findall(r'href="zfxxgknb/(a\d{4})\.htm"', column) == ["a2024", "a2023", "a2022"]


def test_vsb_robots_forbid_the_linked_search(farm):
    assert b"Disallow: /ssjg.jsp" in farm.resolve("GET", f"http://{SHIGANG}/robots.txt").body
    (search,) = [f for f in farm.manifest()["faults"] if f["fault"] == Fault.ROBOTS_DISALLOWED]
    assert search["expect"] == "robots" and urlsplit(search["url"]).path == "/ssjg.jsp"
    assert "ssjg.jsp?wbtreeid=1001&searchScope=0" in page(farm, f"http://{SHIGANG}/")


def test_vsb_files_are_named_only_by_anchor_and_header(farm, manifest):
    reports, _ = of_site(manifest, "石岗县人民政府")
    files = [f for r in reports for f in r["files"]]
    assert len(files) == 3
    for file in files:
        route = farm.resolve("GET", file["url"])
        assert "download.jsp" in file["url"] and quote(file["name"]) in dict(route.headers)["Content-Disposition"]


def test_slow_and_500_once(server, manifest):
    (slow,) = [f for f in manifest["faults"] if f["fault"] == Fault.SLOW and f["site"] == "桐溪县人民政府"]
    assert fetch(server, slow["url"])[0] == 200
    once = documents_with(manifest, Fault.HTTP_500_ONCE)[0]["url"]
    assert [fetch(server, once)[0] for _ in range(2)] == [500, 200]


# -- the variant sites (farm.VARIANT_SITES) -------------------------------------------------------------

def gbk_page(farm, url) -> str:
    route = farm.resolve("GET", url)
    assert route.status == 200 and dict(route.headers)["Content-Type"] == "text/html", url
    return route.body.decode("gb18030")


def test_script_list_columns_have_rows_only_in_their_script_data(farm, manifest):
    column = page(farm, f"http://{XIANGYUAN}/c26829/index.html")
    reports, lookalikes = of_site(manifest, "湘源县人民政府")
    assert not any(f'href="{urlsplit(d["url"]).path}"' in column for d in reports + lookalikes)
    rows = re.findall(r"\{title: '([^']+)', url: '([^']+)', pubDate: '([\d-]+)'", column)
    # 县政府, 办公室, 3 towns × 3 years + 解读, 网站年度报表, 法治政府建设年度报告 (the 指南 has its own column)
    assert len(rows) == 18 and "var listData = [" in column and '<ul id="list" class="list"></ul>' in column
    assert sum(url.startswith(f"//{XIANGYUAN}/") for _, url, _ in rows) == 6  # every third row
    (file_row,) = [url for _, url, _ in rows if url.endswith(".pdf")]  # a town's report listed as its PDF only
    assert farm.resolve("GET", urljoin(f"http://{XIANGYUAN}/", file_row)).body.startswith(b"%PDF")
    department = page(farm, f"http://{XIANGYUAN}/c26900/index.html")
    assert len(re.findall(r'href="/c2683\d/index.html">[^<]+政府信息公开年报', department)) == 3


def test_script_list_articles_have_no_guide_metas(farm, manifest):
    reports, _ = of_site(manifest, "湘源县人民政府")
    article = page(farm, next(r["page_url"] for r in reports if r["form"] == "html" and r["expect"] == "record"))
    assert 'name="ArticleTitle"' not in article and "<h1" not in article
    assert re.search(r"<title>[^<]+年度报告 - 湘源县人民政府</title>", article) and 'class="article-title"' in article
    (gone,) = [r for r in reports if r["expect"] == "error:http_404"]
    assert farm.resolve("GET", gone["url"]).status == 404


def test_old_portal_is_a_frameset_with_a_base_on_the_xxgk_host(farm):
    home = gbk_page(farm, f"http://{BAICHUAN}/")
    assert re.findall(r'<frame src="(\w+\.htm)"', home) == ["top.htm", "main.htm"] and "<a " not in home
    main = gbk_page(farm, f"http://{BAICHUAN}/main.htm")
    assert f'<base href="http://{BAICHUAN_XXGK}/">' in main and '<a href="index.asp">政府信息公开</a>' in main
    assert farm.resolve("GET", f"http://{BAICHUAN}/index.asp").status == 404  # only right against <base href>
    entry = gbk_page(farm, f"http://{BAICHUAN_XXGK}/index.asp")
    assert 'onclick="openClass(12)">政府信息公开年报</a>' in entry and "classid=12" not in entry


def test_old_portal_rows_pager_and_units_only_through_scripts(farm, manifest):
    first = gbk_page(farm, f"http://{BAICHUAN_XXGK}/list.asp?classid=12")
    rows = re.findall(r"onclick=\"openDoc\('(\d+)'\)\">", first)
    # 县政府, 办公室, 2 towns × 3 years + 解读 + 实施方案 = 14, six a page: 3 pages
    assert len(rows) == 6 and "共14条 第1/3页" in first and 'href="show.asp' not in first
    assert "function openDoc(id){ window.open('show.asp?id=' + id); }" in first
    assert '<a href="javascript:goPage(2)">下一页</a>' in first
    past, last = (re.findall(r"openDoc\('(\d+)'\)", gbk_page(farm, f"http://{BAICHUAN_XXGK}/list.asp?classid=12&page={n}"))
                  for n in (4, 3))
    assert past == last and len(last) == 2  # past the end repeats the last page's rows (and offers a next page)
    units = re.findall(r'<li onclick="openColumn\((\d+)\)" style="cursor:pointer">(县\w+)</li>', first)
    assert [n for n, _ in units] == ["31", "32", "33"]
    reports, _ = of_site(manifest, "柏川县人民政府")
    for number, _ in units:
        listing = gbk_page(farm, f"http://{BAICHUAN_XXGK}/list.asp?classid={number}")
        assert len(re.findall(r"openDoc\('(\d+)'\)", listing)) == 3  # a department: 3 years
    files = [f for r in reports for f in r["files"]]
    assert len(files) == 2
    for file in files:
        path = urlsplit(file["url"]).path
        (report,) = [r for r in reports if file in r["files"]]
        assert f"javascript:downFile('{path}')" in gbk_page(farm, report["page_url"])
