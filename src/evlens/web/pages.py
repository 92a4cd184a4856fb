"""The dashboard's HTML pages (Jinja2, autoescape on) and the article helpers they share
with the API. Pages show what :mod:`evlens.report` and :mod:`evlens.extract` compute."""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache
from typing import Any

import jinja2
from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from ..errors import EvlensError, Forbidden, InputError
from ..extract import extract_document, fact_to_dict
from ..extract.document import document_from_text
from ..facts import Document, Fact
from ..periods import parse_day
from ..views import format as fmt
from ..views.figures import figure_json, figures, plotly_js
from ..views.headline import headline_items
from ..views.names import BOUND_MARK, display_name, metric_name, unit_name
from ..views.sources import distinct_sources, source_order
from . import apidoc
from .labels import page_labels
from .security import csrf_ok

MAX_TEXT = 256 * 1024
TEXT_TYPES = ("text/plain", "text/markdown", "application/octet-stream")
TEXT_SUFFIXES = (".txt", ".md")
PAGES = (
    ("overview", "/"),
    ("market", "/market"),
    ("events", "/events"),
    ("operations", "/operations"),
    ("sources", "/sources"),
    ("article", "/article"),
    ("api", "/api"),
)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("evlens.web", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    for name in ("money", "count", "pct", "points", "share", "number"):
        env.filters[name] = getattr(fmt, name)
    env.filters["safe_url"] = fmt.safe_url
    env.globals["bound_symbols"] = BOUND_MARK
    env.globals["entity_name"] = display_name
    env.filters["metric"] = metric_name
    env.filters["unit"] = unit_name
    env.filters["code_spans"] = apidoc.code_spans
    return env


def extract(text: str, published: date | None = None) -> tuple[Document, list[Fact]]:
    """An article's document and its facts (spans index ``doc.text``)."""
    if not text or not text.strip():
        raise InputError("the article is empty", field="text")
    if len(text) > MAX_TEXT:
        raise InputError(f"the article is longer than {MAX_TEXT:,} characters", field="text")
    if "\x00" in text:
        raise InputError("the article contains NUL characters: not a text file", field="text")
    doc = document_from_text(text, published=published)
    return doc, extract_document(doc)


def fact_json(f: Fact) -> dict:
    return fact_to_dict(f)


def segments(text: str, facts: list[Fact]) -> list[dict[str, Any]]:
    """``text`` cut into plain and highlighted pieces, one highlight per fact span (a span
    overlapping an earlier one is left plain)."""
    out: list[dict[str, Any]] = []
    pos = 0
    spans = sorted(
        {
            (f.span_start, f.span_end): i
            for i, f in enumerate(facts)
            if f.span_start is not None and f.span_end is not None
        }.items()
    )
    for (s, e), i in spans:
        if s < pos or e <= s or e > len(text):
            continue
        if s > pos:
            out.append({"text": text[pos:s], "fact": None})
        out.append({"text": text[s:e], "fact": i})
        pos = e
    if pos < len(text):
        out.append({"text": text[pos:], "fact": None})
    return out


def _lang(lang: str) -> str:
    return fmt.check_lang(lang)


def register(app: FastAPI, svc) -> None:
    csrf = app.state.csrf

    def check_csrf(given: str | None) -> None:
        if not csrf_ok(csrf, given):
            raise Forbidden("the form's CSRF token is missing or stale: reload the page and try again")

    def render(request: Request, page: str, lang: str, entity: str | None, **ctx) -> HTMLResponse:
        return page_html(request, page, lang, entity, read_only=svc.read_only, csrf=csrf, **ctx)

    def report_ctx(entity: str | None, lang: str, only: tuple[str, ...]) -> dict:
        data = svc.report(entity)
        slug = data["entity"]
        figs = svc.cached(
            ("figs", slug, lang, only),
            lambda: {k: figure_json(v) for k, v in figures(data, lang, only).items()},
        )
        name = data["name_zh"] if lang == "zh" else data["name_en"]
        return {
            "d": data,
            "figs": figs,
            "order": only,
            "headline": svc.cached(("headline-items", slug, lang), lambda: headline_items(data, lang)),
            "title": page_labels(lang)["title"].format(name=name, ticker=data["ticker"]),
            "sources_by_id": svc.cached(
                ("sources-by-id", slug), lambda: {s["id"]: s for s in data["sources"]}
            ),
            **svc.cached(("source-rows", slug), lambda: _source_rows(data)),
        }

    @app.get("/static/plotly.js", include_in_schema=False)
    def static_plotly() -> Response:
        return Response(
            plotly_js(),
            media_type="application/javascript",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    @app.get("/static/evlens.js", include_in_schema=False)
    def static_js() -> Response:
        return Response(
            _static("evlens.js"),
            media_type="application/javascript",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        svg = (
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
            '<rect width="16" height="16" rx="3" fill="#1f77b4"/></svg>'
        )
        return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})

    def page_route(path: str, page: str, only: tuple[str, ...]):
        def view(
            request: Request,
            entity: str | None = Query(None, max_length=100),
            lang: str = Query("en", pattern="^(en|zh)$"),
        ) -> HTMLResponse:
            return render(request, page, lang, entity, **report_ctx(entity, lang, only))

        app.add_api_route(
            path, view, methods=["GET"], response_class=HTMLResponse, include_in_schema=False, name=page
        )

    page_route("/", "overview", ("prices",))
    page_route("/market", "market", ("prices", "market_value"))
    page_route("/events", "events", ("events",))
    page_route("/sources", "sources", ())

    @app.post("/sources/forget", response_class=HTMLResponse, include_in_schema=False)
    def sources_forget(
        request: Request,
        lang: str = Query("en", pattern="^(en|zh)$"),
        id: str = Form(..., min_length=8, max_length=64),
        csrf: str | None = Form(None),
        confirm: str | None = Form(None),
    ) -> HTMLResponse:
        check_csrf(csrf)
        if svc.read_only:
            raise Forbidden("the database is served read-only: nothing can be removed")
        plan = svc.forget(id, dry_run=not confirm)
        return render(request, "sources", lang, None, forget=plan, **report_ctx(None, lang, ()))

    @app.get("/operations", response_class=HTMLResponse, include_in_schema=False)
    def operations(
        request: Request,
        entity: str | None = Query(None, max_length=100),
        lang: str = Query("en", pattern="^(en|zh)$"),
        second_phase_start: str | None = Query(None, max_length=10),
        ramp_months: str | None = Query(None, max_length=10),
        demand_growth: str | None = Query(None, max_length=10),
    ) -> HTMLResponse:
        def num(v: str | None, name: str) -> float | None:
            if v is None or v.strip() == "":
                return None
            try:
                return float(v)
            except ValueError:
                raise InputError(f"{name} must be a number, not {v!r}", field=name) from None

        opts = scenario_options_from(
            second_phase_start or None, num(ramp_months, "ramp_months"), num(demand_growth, "demand_growth")
        )
        ctx = report_ctx(entity, lang, ("deliveries", "head_to_head", "outlook", "calibration", "backlog"))
        try:
            fc, fc_error = svc.forecast(ctx["d"]["entity"], opts), None
        except EvlensError as exc:  # no scenario for this company: show the rest
            fc, fc_error = None, str(exc)
        if fc is not None:
            data = dict(ctx["d"], forecast=fc)
            ctx["figs"] = dict(
                ctx["figs"],
                **{k: figure_json(v) for k, v in figures(data, lang, ("capacity", "forecast")).items()},
            )
        ctx["order"] = (
            "deliveries",
            "head_to_head",
            "outlook",
            "calibration",
            "backlog",
            "capacity",
            "forecast",
        )
        return render(request, "operations", lang, entity, fc=fc, fc_error=fc_error, **ctx)

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page(request: Request, lang: str = Query("en", pattern="^(en|zh)$")) -> HTMLResponse:
        """The API's documentation, read from the app's OpenAPI schema."""
        ops = apidoc.operations(app.openapi(), lang)
        return render(request, "api", lang, None, title=page_labels(lang)["api_title"], ops=ops)

    @app.get("/article", response_class=HTMLResponse, include_in_schema=False)
    def article_form(request: Request, lang: str = Query("en", pattern="^(en|zh)$")) -> HTMLResponse:
        return render(request, "article", lang, None, title=page_labels(lang)["article"], segs=None, facts=[])

    @app.post("/article", response_class=HTMLResponse, include_in_schema=False)
    async def article_post(
        request: Request,
        lang: str = Query("en", pattern="^(en|zh)$"),
        text: str | None = Form(None),
        published: str | None = Form(None),
        file: UploadFile | None = File(None),
        csrf: str | None = Form(None),
    ) -> HTMLResponse:
        check_csrf(csrf)
        body = await _article_text(text, file)
        pub = parse_day(published, "published")
        doc, facts = await run_in_threadpool(extract, body, pub)  # CPU-bound: off the event loop
        return article_page(request, lang, doc, facts, published, stored=None)

    @app.post("/article/store", response_class=HTMLResponse, include_in_schema=False)
    def article_store(
        request: Request,
        lang: str = Query("en", pattern="^(en|zh)$"),
        text: str = Form(..., max_length=MAX_TEXT),
        published: str | None = Form(None),
        csrf: str | None = Form(None),
    ):
        check_csrf(csrf)
        if svc.read_only:
            return JSONResponse(
                {"error": "the database is served read-only: facts cannot be stored"}, status_code=403
            )
        doc, facts = extract(text, parse_day(published, "published"))
        result = svc.store_article(doc, facts)
        stored = {"added": result.added, "already": result.already_imported, "id": doc.id}
        return article_page(request, lang, doc, facts, published, stored=stored)

    def article_page(request: Request, lang: str, doc, facts, published: str | None, stored: dict | None):
        """The article page: the text with each fact's span marked, the facts, and what was
        stored (``None`` before the user stores it)."""
        return render(
            request,
            "article",
            lang,
            None,
            title=page_labels(lang)["article"],
            segs=segments(doc.text, facts),
            facts=[fact_to_dict(f) for f in facts],
            text=doc.text,
            published=published or "",
            stored=stored,
        )


@cache
def _static(name: str) -> bytes:
    from importlib import resources

    return resources.files("evlens.web").joinpath("static", name).read_bytes()


def wants_html(request: Request) -> bool:
    """Whether an error should be answered with a page: a browser (it asks for text/html)
    asking for anything but the API."""
    path = request.url.path
    if path.startswith("/api/") or path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "")


def page_html(
    request: Request,
    page: str,
    lang: str,
    entity: str | None,
    *,
    read_only: bool,
    csrf: str,
    status: int = 200,
    **ctx,
) -> HTMLResponse:
    """The page ``page``.html with what every page shows: navigation, language switch, labels."""
    other = "zh" if lang == "en" else "en"
    html = (
        environment()
        .get_template(f"{page}.html")
        .render(
            L=page_labels(lang),
            lang=lang,
            page=page,
            pages=PAGES,
            entity=entity,
            read_only=read_only,
            csrf=csrf,
            switch_url=str(request.url.include_query_params(lang=other)),
            other=other,
            query=("?" + request.url.query) if request.url.query else "",
            **ctx,
        )
    )
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str, read_only: bool = False) -> HTMLResponse:
    """The error as a page in the language the URL asks for: a sentence in that language
    on what went wrong, then the server's own message."""
    lang = request.query_params.get("lang", "en")
    lang = lang if lang in ("en", "zh") else "en"
    words = page_labels(lang)
    hint = words.get(f"error_hint.{status}") or words[f"error_hint.{500 if status >= 500 else 400}"]
    return page_html(
        request,
        "error",
        lang,
        None,
        read_only=read_only,
        csrf="",
        status=status,
        title=f"{words['error']} {status}",
        hint=hint,
        message=message,
        figs=None,
    )


def _source_rows(data: dict) -> dict[str, Any]:
    """The Sources page's rows (one per distinct figure and source, sorted) and, for each
    figure, the rows of the facts behind it, each once."""
    rows = distinct_sources(data["sources"])
    row_of = {i: r for r in rows for i in r["ids"]}
    figure_rows = {}
    for key, ids in data["figure_facts"].items():
        picked = {row_of[i]["id"]: row_of[i] for i in ids if i in row_of}
        figure_rows[key] = sorted(picked.values(), key=source_order)
    return {"source_rows": rows, "figure_rows": figure_rows}


def scenario_options_from(*args):
    from .service import scenario_options

    return scenario_options(*args)


async def _article_text(text: str | None, file) -> str:
    """The pasted text, or the uploaded file after the size and type checks."""
    if file is not None and getattr(file, "filename", None):
        name = file.filename.lower()
        ctype = (file.content_type or "").split(";")[0].strip()
        if not name.endswith(TEXT_SUFFIXES) or (ctype and ctype not in TEXT_TYPES):
            raise InputError(
                f"upload a .txt or .md text file, not {file.filename!r} ({ctype or 'no type'})", field="file"
            )
        raw = await file.read(MAX_TEXT + 1)
        if len(raw) > MAX_TEXT:
            raise InputError(f"the file is larger than {MAX_TEXT // 1024} KB", field="file")
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError("the file is not UTF-8 text", field="file") from None
    if text is None:
        raise InputError("paste an article or upload a file", field="text")
    return text
