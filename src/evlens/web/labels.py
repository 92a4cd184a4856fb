"""Words only the dashboard shows, in English and Chinese: the API page, the article page,
the Sources table, units and metric names. A page reads them together with the shared
labels of :mod:`evlens.views.labels` (where a key is in both, the shared one wins)."""

from __future__ import annotations

from functools import lru_cache

from ..gazetteer import load_gazetteer
from ..views.labels import labels

WEB_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "api": "API",
        "api_title": "The JSON API",
        "api_intro": "Every operation of the dashboard's JSON API, with its parameters. "
        "Programs read the same description as an OpenAPI schema:",
        "api_schema": "OpenAPI schema (JSON)",
        "api_params": "Parameters",
        "api_body": "Request body (JSON)",
        "api_none": "No parameters.",
        "param_name": "Name",
        "param_in": "In",
        "param_type": "Type",
        "param_required": "Required",
        "param_about": "Description",
        "yes": "yes",
        "no": "no",
        "in.query": "query",
        "in.path": "path",
        "in.header": "header",
        "in.body": "body",
        "default": "default",
        "fact_id": "id",
        "entity": "Entity",
        "metric": "Metric",
        "period": "Period",
        "fact_value": "Value",
        "source": "Source",
        "publisher": "Publisher",
        "facts_found": "{n} facts",
        "rows_added": "{n} rows added",
        "already_stored": "(already stored)",
        "document_id": "document {id}",
        "forecast_run": "{paths} paths, seed {seed}, as of {as_of}",
        "no_quote": "From a table: no quoted text.",
        "sources_help": "Each figure with the exact words it was read from. A figure read from a table "
        "(a CSV file) has no quoted text: its row shows the table's note, when the note is prose, "
        "and the source.",
        "colon": ": ",
        "peers_heading": "{peers} ({window}, {benchmark})",
        "p_target_of": "{label} ({target} {value}, {year}):",
        "table_note": "Note in the table",
        "error_hint.400": "The request could not be answered as it stands.",
        "error_hint.403": "This is not allowed here.",
        "error_hint.404": "There is no such page or data.",
        "error_hint.405": "This address does not take that kind of request.",
        "error_hint.413": "What was sent is too large.",
        "error_hint.422": "Some of the request's parameters are not valid.",
        "error_hint.500": "The server could not answer this request.",
        "error_details": "Details:",
        "forget_kind.import": "import",
        "forget_kind.document": "document",
        "forget_kind.fact": "fact",
        "table.prices": "price rows",
        "table.share_counts": "share counts",
        "table.facts": "facts",
        "table.documents": "documents",
        "table.imports": "imports",
        "unit.vehicle": "vehicles",
        "unit.order": "orders",
        "unit.percent": "%",
        "unit.point": "points",
        "unit.HKD": "HKD",
        "unit.CNY": "CNY",
        "unit.USD": "USD",
        "metric.capacity": "capacity",
        "metric.capacity_planned": "planned capacity",
        "metric.deliveries": "deliveries",
        "metric.deliveries_mom": "deliveries, change on the month",
        "metric.deliveries_yoy": "deliveries, change on the year",
        "metric.delivery_target": "delivery target",
        "metric.index_level": "index level",
        "metric.index_return": "index return",
        "metric.locked_orders": "locked orders",
        "metric.market_cap": "market value",
        "metric.orders": "orders",
        "metric.production": "production",
        "metric.retail_sales": "retail sales",
        "metric.sales": "sales",
        "metric.sales_yoy": "sales, change on the year",
        "metric.share_price": "share price",
        "metric.share_return": "share return",
        "metric.wholesale": "wholesale",
        "metric.exports": "exports",
        "metric.insurance_registrations": "insurance registrations",
        "metric.backlog": "order backlog",
        "metric.revenue": "revenue",
        "metric.revenue_yoy": "revenue, change on the year",
        "metric.net_profit": "net profit",
        "metric.net_profit_yoy": "net profit, change on the year",
    },
    "zh": {
        "api": "接口",
        "api_title": "JSON 接口",
        "api_intro": "仪表盘 JSON 接口的全部操作及其参数。程序可读取同一份说明的 OpenAPI 规范：",
        "api_schema": "OpenAPI 规范（JSON）",
        "api_params": "参数",
        "api_body": "请求体（JSON）",
        "api_none": "无参数。",
        "param_name": "名称",
        "param_in": "位置",
        "param_type": "类型",
        "param_required": "必填",
        "param_about": "说明",
        "yes": "是",
        "no": "否",
        "in.query": "查询参数",
        "in.path": "路径",
        "in.header": "请求头",
        "in.body": "请求体",
        "default": "默认",
        "fact_id": "编号",
        "entity": "主体",
        "metric": "指标",
        "period": "期间",
        "fact_value": "数值",
        "source": "来源",
        "publisher": "发布方",
        "facts_found": "{n} 条事实",
        "rows_added": "新增 {n} 行",
        "already_stored": "（此前已保存）",
        "document_id": "文档 {id}",
        "forecast_run": "{paths} 条路径，随机种子 {seed}，截至 {as_of}",
        "no_quote": "来自数据表，无原文。",
        "sources_help": "每个数字及其所依据的原文。来自数据表（CSV 文件）的数字没有原文："
        "该行显示数据表中的备注（如为文字说明）及来源。",
        "colon": "：",
        "peers_heading": "{peers}（{window}，{benchmark}）",
        "p_target_of": "{label}（{target} {value}，{year}）：",
        "table_note": "数据表中的备注",
        "error_hint.400": "无法按原样处理这个请求。",
        "error_hint.403": "此处不允许这样操作。",
        "error_hint.404": "没有这个页面或数据。",
        "error_hint.405": "这个地址不接受这种请求。",
        "error_hint.413": "提交的内容过大。",
        "error_hint.422": "请求中有参数无效。",
        "error_hint.500": "服务器无法处理这个请求。",
        "error_details": "详细信息：",
        "forget_kind.import": "导入",
        "forget_kind.document": "文档",
        "forget_kind.fact": "事实",
        "table.prices": "行价格",
        "table.share_counts": "条股本记录",
        "table.facts": "条事实",
        "table.documents": "篇文档",
        "table.imports": "次导入",
        "unit.vehicle": "辆",
        "unit.order": "单",
        "unit.percent": "%",
        "unit.point": "点",
        "unit.HKD": "港元",
        "unit.CNY": "元",
        "unit.USD": "美元",
        "metric.capacity": "产能",
        "metric.capacity_planned": "规划产能",
        "metric.deliveries": "交付量",
        "metric.deliveries_mom": "交付量环比",
        "metric.deliveries_yoy": "交付量同比",
        "metric.delivery_target": "交付目标",
        "metric.index_level": "指数点位",
        "metric.index_return": "指数涨幅",
        "metric.locked_orders": "锁定订单",
        "metric.market_cap": "市值",
        "metric.orders": "订单",
        "metric.production": "产量",
        "metric.retail_sales": "零售销量",
        "metric.sales": "销量",
        "metric.sales_yoy": "销量同比",
        "metric.share_price": "股价",
        "metric.share_return": "股票涨幅",
        "metric.wholesale": "批发销量",
        "metric.exports": "出口",
        "metric.insurance_registrations": "上险量",
        "metric.backlog": "订单积压",
        "metric.revenue": "营收",
        "metric.revenue_yoy": "营收同比",
        "metric.net_profit": "净利润",
        "metric.net_profit_yoy": "净利润同比",
    },
}

#: The API's own English text (summaries and parameter descriptions of the OpenAPI schema)
#: as the Chinese API page shows it; text not listed here is shown as the schema gives it.
API_ZH: dict[str, str] = {
    "Companies, models, groups and indexes in the gazetteer": "名录中的公司、车型、集团与指数",
    "Everything the report shows: headline, peers, prices, events, operations, sources": (
        "报告展示的全部内容：要点、同业、股价、事件、经营与来源"
    ),
    "The headline numbers of the report": "报告的要点数字",
    "Monte Carlo forecast of the year's deliveries under the given assumptions": (
        "在给定假设下对全年交付量的蒙特卡洛预测"
    ),
    "Stored facts, filtered (at most `limit` rows)": "已保存的事实（经筛选，最多 limit 行）",
    "Daily prices of one security": "一只证券的每日价格",
    "Facts read from an article's text, with their spans (nothing stored)": (
        "从文章正文中提取的事实及其原文位置（不保存）"
    ),
    "Extract an article's facts and store them with the article": "提取文章中的事实，并与文章一起保存",
    "What the database holds: prices per ticker, facts per maker, share counts": (
        "数据库中的内容：各证券的价格、各厂商的事实与股本"
    ),
    "Remove one import, document or fact (with `dry_run`, show what would go)": (
        "删除一次导入、一篇文档或一条事实（dry_run 时只显示将删除的内容）"
    ),
    "Language of labels and numbers.": "标签与数字的语言。",
    "Company (slug, name or ticker); default: the database's main one.": (
        "公司（标识、名称或代码）；默认为数据库的主要公司。"
    ),
    "YYYY-MM-DD": "YYYY-MM-DD（日期）",
    "Article text (front matter allowed).": "文章正文（可带前置元数据）。",
    "Publication date, if the text does not say.": "发布日期（正文未注明时）。",
    "Import, document or fact id (or a unique prefix).": "导入、文档或事实的编号（或唯一前缀）。",
    "Only show what would go.": "只显示将删除的内容。",
}


@lru_cache(maxsize=2)
def page_labels(lang: str) -> dict[str, str]:
    """The labels a dashboard page reads: the dashboard's own, then the shared ones."""
    return {**WEB_LABELS[lang], **labels(lang)}


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str | None, str | None, bool]]:
    """Names by entity slug and by ticker (English name, Chinese name, is a ticker)."""
    out: dict[str, tuple[str | None, str | None, bool]] = {}
    for e in load_gazetteer():
        out[e.id] = (e.name_en, e.name_zh, False)
    for e in load_gazetteer():
        for s in e.securities:
            out.setdefault(s.ticker, (e.name_en, e.name_zh, True))
    return out


def entity_name(key: str | None, lang: str) -> str:
    """The name of entity ``key`` (a slug) or of the entity listing ``key`` (a ticker) in
    ``lang`` from the gazetteer. English keeps a ticker as it is; an unknown key is shown
    as given."""
    if not key:
        return ""
    en, zh, ticker = _names().get(key, (None, None, False))
    if lang == "zh":
        return zh or en or key
    return key if ticker else (en or key)


def api_text(text: str | None, lang: str) -> str:
    """A summary or description of the API in the page's language."""
    if not text:
        return ""
    return API_ZH.get(text, text) if lang == "zh" else text
