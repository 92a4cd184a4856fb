"""Words only the dashboard shows, in English and Chinese: the API page, the article page,
the Sources table (names of metrics, units, companies and indexes come from
:mod:`evlens.views.names`). A page reads them together with the shared
labels of :mod:`evlens.views.labels` (where a key is in both, the shared one wins)."""

from __future__ import annotations

from functools import lru_cache

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
    "Stored facts, filtered (at most `limit` rows)": "已保存的事实（经筛选，最多 `limit` 行）",
    "Daily prices of one security": "一只证券的每日价格",
    "Facts read from an article's text, with their spans (nothing stored)": (
        "从文章正文中提取的事实及其原文位置（不保存）"
    ),
    "Extract an article's facts and store them with the article": "提取文章中的事实，并与文章一起保存",
    "What the database holds: prices per ticker, facts per maker, share counts": (
        "数据库中的内容：各证券的价格、各厂商的事实与股本"
    ),
    "Remove one import, document or fact (with `dry_run`, show what would go)": (
        "删除一次导入、一篇文档或一条事实（`dry_run` 时只显示将删除的内容）"
    ),
    "Language of labels and numbers.": "标签与数字的语言。",
    "Company (slug, name or ticker); default: the database's main one.": (
        "公司（标识、名称或代码）；默认为数据库的主要公司。"
    ),
    "YYYY-MM-DD": "`YYYY-MM-DD`（日期）",
    "Article text (front matter allowed).": "文章正文（可带前置元数据）。",
    "Publication date, if the text does not say (1900 or later).": "发布日期（正文未注明时；1900年或以后）。",
    "Import, document or fact id (or a unique prefix).": "导入、文档或事实的编号（或唯一前缀）。",
    "Only show what would go.": "只显示将删除的内容。",
}


@lru_cache(maxsize=2)
def page_labels(lang: str) -> dict[str, str]:
    """The labels a dashboard page reads: the dashboard's own, then the shared ones."""
    return {**WEB_LABELS[lang], **labels(lang)}


def api_text(text: str | None, lang: str) -> str:
    """A summary or description of the API in the page's language."""
    if not text:
        return ""
    return API_ZH.get(text, text) if lang == "zh" else text
