"""A listed company's summary table in its periodic report, as finance portals flatten it:
cells run together, or set between bars over several lines. The rows are those of
Changan's 2025 third-quarter report and Seres's 2025 half-year summary as 中财网 carried
them (shortened); each expected figure is read off the row by hand."""

from datetime import date

from evlens.extract import extract_text
from evlens.extract.quantities import find_quantities

QUARTERLY = (
    "[三季报]长安汽车(000625):2025年三季度报告\n\n"
    "重庆长安汽车股份有限公司\n2025年第三季度报告\n\n"
    " 本报告期本报告期比上年同期 增减(%)年初至报告期末年初至报告期末比上 年同期增减(%)\n"
    "营业收入(元)42,236,176,229.9023.36%114,927,486,616.983.58%\n"
    "归属于上市公司股东的净利润(元)764,004,922.302.13%3,055,216,176.97-14.66%\n"
    "经营活动产生的现金流量净额(元)--1,554,807,049.25-64.61%\n"
)

HALF_YEAR = (
    "赛力斯(601127):2025年半年度报告摘要\n\n"
    "2.2主要财务数据\n单位:元 币种:人民币\n"
    "| 本报告期末 | 上年度末 | 本报告期末比上年度\n末增减(%) | 总资产 | 112,911,810,263.11 | "
    "94,363,958,922.89 | 19.66 | | 本报告期 | 上年同期 | 本报告期比上年同期\n增减(%) | 营业收入 | "
    "62,401,722,813.80 | 65,044,468,013.30 | -4.06 | 利润总额 | 3,724,791,554.04 | 1,699,109,354.55 | "
    "119.22 | 归属于上市公司股东的净利润 | 2,940,890,216.11 | 1,624,558,336.35 | 81.03 |\n"
)


def facts(text, published):
    return {
        (f.entity, f.metric, f.period, float(f.value), f.unit)
        for f in extract_text(text, published=published, judged=False)
    }


def test_cells_run_together_with_two_decimals_each_are_split():
    got = [(q.value, q.kind) for q in find_quantities("42,236,176,229.9023.36%114,927,486,616.983.58%")]
    assert [str(v) for v, _ in got] == ["42236176229.90", "23.36", "114927486616.98", "3.58"]
    # a number with more decimals in prose stays one
    assert [str(q.value) for q in find_quantities("1,234,567.891")] == ["1234567.891"]


def test_a_quarterly_report_table_gives_the_quarter_and_the_nine_months():
    got = facts(QUARTERLY, date(2025, 10, 24))
    assert {
        ("changan", "revenue", "2025-Q3", 42236176229.90, "CNY"),
        ("changan", "revenue_yoy", "2025-Q3", 23.36, "percent"),
        ("changan", "revenue", "2025-01..2025-09", 114927486616.98, "CNY"),
        ("changan", "net_profit_yoy", "2025-01..2025-09", -14.66, "percent"),
    } <= got
    # cash from operations is no metric's
    assert not any(abs(f[3]) == 1554807049.25 for f in got)


def test_a_half_year_table_gives_the_half_and_the_half_a_year_before():
    got = facts(HALF_YEAR, date(2025, 8, 30))
    assert {
        ("seres", "revenue", "2025-H1", 62401722813.80, "CNY"),
        ("seres", "revenue", "2024-H1", 65044468013.30, "CNY"),
        ("seres", "revenue_yoy", "2025-H1", -4.06, "percent"),
        ("seres", "net_profit", "2025-H1", 2940890216.11, "CNY"),
        ("seres", "net_profit_yoy", "2025-H1", 81.03, "percent"),
    } <= got
    # total assets (a level at the period's end) and pre-tax profit are no facts
    assert not any(f[3] in (112911810263.11, 3724791554.04) for f in got)
    # without the unit of its sums the table is not read
    assert not any(f[1] == "revenue" for f in facts(HALF_YEAR.replace("单位:元 ", ""), date(2025, 8, 30)))
