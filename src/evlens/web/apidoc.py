"""The API's documentation as a page of the dashboard itself, read from the app's OpenAPI
schema: no script and nothing from another server, so it works offline and under the
Content-Security-Policy (Swagger UI and ReDoc load their code from a CDN)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from .labels import api_text

METHODS = ("get", "post", "put", "patch", "delete")


def code_spans(text: str | None) -> Markup:
    """``text`` escaped, with its `backticked` words set as code."""
    parts = str(text or "").split("`")
    if len(parts) % 2 == 0:  # an unmatched backtick: plain text
        return Markup(escape(text or ""))
    return Markup("").join(
        Markup("<code>{}</code>").format(p) if i % 2 else escape(p) for i, p in enumerate(parts)
    )


def _ref(schema: dict, node: dict | None) -> dict:
    """``node`` with a ``$ref`` into ``#/components/schemas`` followed (once, then again
    while it points further)."""
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 10:
        name = str(node["$ref"]).rsplit("/", 1)[-1]
        node = schema.get("components", {}).get("schemas", {}).get(name, {})
        seen += 1
    return node or {}


def type_text(schema: dict, node: dict | None) -> str:
    """A parameter's type as a reader writes it: ``integer (1–5000)``, ``string | null``,
    ``string, pattern ^(en|zh)$``."""
    node = _ref(schema, node)
    if "anyOf" in node:
        return " | ".join(type_text(schema, n) for n in node["anyOf"])
    kind = str(node.get("type") or node.get("title") or "object")
    if node.get("format"):
        kind += f" ({node['format']})"
    lo = node.get("minimum", node.get("exclusiveMinimum", node.get("minLength")))
    hi = node.get("maximum", node.get("exclusiveMaximum", node.get("maxLength")))
    if lo is not None or hi is not None:
        kind += f" [{'' if lo is None else lo}–{'' if hi is None else hi}]"
    if node.get("pattern"):
        kind += f", pattern {node['pattern']}"
    if node.get("enum"):
        kind += " ∈ {" + ", ".join(str(v) for v in node["enum"]) + "}"
    return kind


def _param(schema: dict, p: dict, lang: str) -> dict[str, Any]:
    sch = p.get("schema") or {}
    return {
        "name": p.get("name", ""),
        "in": p.get("in", ""),
        "type": type_text(schema, sch),
        "required": bool(p.get("required")),
        "default": sch.get("default"),
        "description": api_text(p.get("description") or sch.get("description"), lang),
    }


def _body(schema: dict, op: dict, lang: str) -> list[dict[str, Any]]:
    """The fields of a JSON request body, as parameters ``in`` the body."""
    content = (op.get("requestBody") or {}).get("content", {})
    node = _ref(schema, (content.get("application/json") or {}).get("schema"))
    required = set(node.get("required", ()))
    return [
        {
            "name": name,
            "in": "body",
            "type": type_text(schema, prop),
            "required": name in required,
            "default": _ref(schema, prop).get("default"),
            "description": api_text(_ref(schema, prop).get("description") or prop.get("description"), lang),
        }
        for name, prop in (node.get("properties") or {}).items()
    ]


def operations(schema: dict, lang: str) -> list[dict[str, Any]]:
    """Every operation of the schema, by path then method: its summary, description and
    parameters (path, query and header ones, then the fields of a JSON body)."""
    out = []
    for path, item in sorted((schema.get("paths") or {}).items()):
        for method in METHODS:
            op = item.get(method)
            if not op:
                continue
            params = [_param(schema, p, lang) for p in op.get("parameters", ())]
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "anchor": f"{method}-{path.strip('/').replace('/', '-').replace('{', '').replace('}', '')}",
                    "summary": api_text(op.get("summary"), lang),
                    "description": api_text(op.get("description"), lang),
                    "params": params + _body(schema, op, lang),
                }
            )
    return out
