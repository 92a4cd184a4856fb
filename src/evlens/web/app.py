"""The dashboard: a JSON API under ``/api`` (OpenAPI at ``/openapi.json``) and HTML pages
over the same library. Pages: overview, market, events, operations (with the forecast),
sources and article. Every view takes ``?entity=`` and ``?lang=en|zh`` in its URL."""

from __future__ import annotations

import logging
import os
import secrets
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..defaults import DEFAULT_PATHS, DEFAULT_SEED, MAX_PATHS
from ..errors import ConflictError, EvlensError, Forbidden, InputError, LockedError, NotFoundError
from ..periods import FIRST_DAY
from . import pages
from .security import Guard, allowed_hosts
from .service import Service, json_bytes, records, scenario_options

MAX_UPLOAD = pages.MAX_TEXT  # bytes of article text
log = logging.getLogger("evlens.web")

Lang = Query("en", pattern="^(en|zh)$", description="Language of labels and numbers.")
Entity = Query(
    None, max_length=100, description="Company (slug, name or ticker); default: the database's main one."
)


class ArticleIn(BaseModel):
    text: str = Field(..., max_length=MAX_UPLOAD, description="Article text (front matter allowed).")
    published: date | None = Field(
        None,
        ge=FIRST_DAY,
        description="Publication date, if the text does not say (1900 or later).",
    )


class ForgetIn(BaseModel):
    id: str = Field(
        ..., min_length=8, max_length=64, description="Import, document or fact id (or a unique prefix)."
    )
    dry_run: bool = Field(False, description="Only show what would go.")


def _status(exc: EvlensError) -> int:
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, ConflictError):
        return 409
    if isinstance(exc, LockedError):
        return 503
    if isinstance(exc, Forbidden):
        return 403
    return 400


def _json_bytes_response(content: bytes) -> Response:
    return Response(content=content, media_type="application/json")


def _add_error_handlers(app: FastAPI, svc: Service) -> None:
    """Every error as JSON for the API and scripts, or as an HTML page for a browser: evlens
    errors with their status, invalid requests with each problem, and anything unexpected
    as a 500 that shows no internals."""

    def answer(request: Request, payload: dict, status: int) -> Response:
        """JSON for the API and for scripts; an HTML page for a browser asking for a page."""
        if pages.wants_html(request):
            return pages.error_page(request, status, payload["error"], read_only=svc.read_only)
        return JSONResponse(payload, status_code=status)

    @app.exception_handler(EvlensError)
    async def evlens_error(request: Request, exc: EvlensError):
        return answer(request, {"error": str(exc), "kind": type(exc).__name__}, _status(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        problems = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg", "")}
            for e in exc.errors()
        ]
        text = "; ".join(f"{p['where']}: {p['message']}" for p in problems)
        return answer(request, {"error": f"invalid request: {text}", "problems": problems}, 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return answer(request, {"error": str(exc.detail)}, exc.status_code)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return answer(request, {"error": "internal error: the server could not answer this request"}, 500)


def create_app(
    db_path: str | Path | None = None,
    *,
    read_only: bool = False,
    entity: str | None = None,
    host: str | None = None,
    token: str | None = None,
) -> FastAPI:
    """The dashboard over the database at ``db_path`` (default: the user data directory).
    ``host`` is the address it is served on (its name is accepted in the ``Host`` header
    besides loopback's); ``token``, when given, must come with every request."""
    svc = Service(db_path, read_only=read_only, entity=entity)

    @asynccontextmanager
    async def lifespan(app_: FastAPI):
        yield
        svc.checkpoint()  # on SIGTERM or SIGINT: nothing stays only in the write-ahead log

    # The API's own docs page loads its script from a CDN, which the CSP forbids:
    # the schema is at /openapi.json.
    app = FastAPI(
        title="evlens",
        version="1",
        description="EV makers' reports, the press and the market, with sources.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.service = svc
    app.state.csrf = secrets.token_urlsafe(32)
    app.add_middleware(
        Guard,
        hosts=allowed_hosts(host),
        limit=MAX_UPLOAD + 16 * 1024,
        token=token,
        body_timeout=float(os.environ.get("EVLENS_BODY_TIMEOUT", "30")),
    )

    _add_error_handlers(app, svc)

    # ------------------------------------------------------------------ API
    @app.get("/api/entities", summary="Companies, models, groups and indexes in the gazetteer")
    async def api_entities(
        kind: str | None = Query(None, pattern="^(company|model|group|index)$"),
    ) -> Response:
        return _json_bytes_response(
            await svc.acached(
                ("entities", kind), lambda: json_bytes(records(svc.query(lambda s: s.entities(kind))))
            )
        )

    @app.get(
        "/api/report",
        summary="Everything the report shows: headline, peers, prices, events, operations, sources",
    )
    async def api_report(entity: str | None = Entity) -> Response:
        return _json_bytes_response(
            await svc.acached(("report-bytes-for", entity), lambda: svc.report_bytes(entity))
        )

    @app.get("/api/headline", summary="The headline numbers of the report")
    async def api_headline(entity: str | None = Entity) -> Response:
        return _json_bytes_response(
            await svc.acached(("headline", entity), lambda: json_bytes(svc.report(entity)["headline"]))
        )

    @app.get(
        "/api/forecast", summary="Monte Carlo forecast of the year's deliveries under the given assumptions"
    )
    async def api_forecast(
        entity: str | None = Entity,
        second_phase_start: str | None = Query(None, max_length=10, description="YYYY-MM-DD"),
        ramp_months: float | None = Query(None, ge=0, le=60),
        demand_growth: float | None = Query(None, ge=-0.9, le=5),
        paths: int = Query(DEFAULT_PATHS, ge=1, le=MAX_PATHS),
        seed: int = Query(DEFAULT_SEED, ge=0, le=2**32 - 1),
    ) -> Response:
        opts = scenario_options(second_phase_start, ramp_months, demand_growth, paths, seed)
        return _json_bytes_response(
            await svc.acached(
                ("forecast-bytes", entity, opts), lambda: json_bytes(svc.forecast(entity, opts))
            )
        )

    @app.get("/api/facts", summary="Stored facts, filtered (at most `limit` rows)")
    async def api_facts(
        entity: str | None = Query(None, max_length=100),
        metric: str | None = Query(None, max_length=60),
        period: str | None = Query(None, max_length=30),
        limit: int = Query(500, ge=1, le=5000),
    ) -> Response:
        if period is not None:
            from ..periods import parse_period

            try:
                parse_period(period)
            except ValueError as exc:
                raise InputError(str(exc), field="period") from None

        def run(s):
            df = s.facts(entity=entity, metric=metric, period=period).head(limit)
            return json_bytes(records(df.drop(columns=["stored_at"], errors="ignore")))

        return _json_bytes_response(
            await svc.acached(("facts", entity, metric, period, limit), lambda: svc.query(run))
        )

    @app.get("/api/prices/{ticker}", summary="Daily prices of one security")
    async def api_prices(ticker: str, start: date | None = None, end: date | None = None) -> Response:
        if len(ticker) > 30:
            raise InputError("ticker too long", field="ticker")

        def run(s):
            df = s.prices(ticker, start=start, end=end).reset_index()
            df["date"] = df["date"].dt.strftime("%Y-%m-%d")
            return json_bytes({"ticker": s.resolve_ticker(ticker), "rows": records(df)})

        return _json_bytes_response(await svc.acached(("prices", ticker, start, end), lambda: svc.query(run)))

    @app.post("/api/extract", summary="Facts read from an article's text, with their spans (nothing stored)")
    def api_extract(article: ArticleIn) -> Response:
        doc, facts = pages.extract(article.text, article.published)
        return _json_bytes_response(
            json_bytes({"document_id": doc.id, "facts": [pages.fact_json(f) for f in facts]})
        )

    @app.post("/api/articles", summary="Extract an article's facts and store them with the article")
    def api_store(article: ArticleIn) -> Response:
        if svc.read_only:
            return JSONResponse(
                {"error": "the database is served read-only: facts cannot be stored"}, status_code=403
            )
        doc, facts = pages.extract(article.text, article.published)
        result = svc.store_article(doc, facts)
        return _json_bytes_response(
            json_bytes(
                {
                    "document_id": doc.id,
                    "facts": len(facts),
                    "added": result.added,
                    "already_imported": result.already_imported,
                }
            )
        )

    @app.get(
        "/api/summary", summary="What the database holds: prices per ticker, facts per maker, share counts"
    )
    async def api_summary() -> Response:
        return _json_bytes_response(
            await svc.acached(("summary",), lambda: json_bytes(svc.query(lambda s: s.summary())))
        )

    @app.post(
        "/api/forget", summary="Remove one import, document or fact (with `dry_run`, show what would go)"
    )
    def api_forget(req: ForgetIn) -> Response:
        if svc.read_only and not req.dry_run:
            return JSONResponse(
                {"error": "the database is served read-only: nothing can be removed"}, status_code=403
            )
        return _json_bytes_response(json_bytes(svc.forget(req.id, dry_run=req.dry_run)))

    # ------------------------------------------------------------------ pages
    pages.register(app, svc)
    return app
