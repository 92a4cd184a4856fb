"""The extractor's vocabulary: metric words, bound words and entity names, from data files.

``lexicon.toml`` (in this package) names the metrics and the words around numbers;
the gazetteer (``evlens/data/entities.toml``) plus ``aliases.toml`` name the entities.
Both are compiled once into regular expressions.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..gazetteer import Entity, load_gazetteer
from .normalize import normalize


@dataclass(frozen=True)
class MetricDef:
    name: str
    kind: str  # count | currency | percent | time | point
    unit: str | None
    flow: bool
    negative: frozenset[str]


@dataclass(frozen=True)
class EntityDef:
    id: str
    kind: str
    parent: str | None
    listed: bool
    first_delivery: str | None
    reports_results: bool = False  # results of its own though a brand (see the gazetteer)


@dataclass(frozen=True)
class Lexicon:
    metrics: dict[str, MetricDef]
    metric_kind: dict[str, str]  # metric -> its kind; "growth" -> "percent"
    metric_words: dict[str, str]  # folded word -> metric, "growth" for growth words
    # a word of a count metric -> the money metric it names when its figure is money
    # ("sales increasing 34 per cent to 240.2 billion yuan": revenue)
    money_words: dict[str, str]
    metric_re: re.Pattern
    growth_negative: frozenset[str]
    growth_words_yoy: frozenset[str]  # growth words that say year on year themselves (同比增长)
    growth_words_mom: frozenset[str]  # and month on month (环比增长)
    bounds_before_map: dict[str, str]  # word -> bound
    # length n -> the lengths of bounds_before words up to n, longest first
    bounds_before_sizes: dict[int, tuple[int, ...]]
    # matched at the start of a reversed text: the longest bound word ending the text, reversed
    bounds_before_rev_re: re.Pattern
    threshold_re: re.Pattern
    bounds_after_re: re.Pattern
    bounds_after_map: dict[str, str]
    # whether a stretch of text holds a word of one of the lexicon's lists: "hedges" and
    # "sentence_hedges" (a clause, a sentence up to the number, that states no fact), "each" (a month range applies to each month),
    # "cumulative", "plan" (a delivery figure is a target), "rate_month",
    # "growth_yoy", "growth_mom"
    word_res: dict[str, re.Pattern]
    # the length of the longest word of each list of ``word_res`` (0 for an empty list)
    word_widths: dict[str, int]
    entities: dict[str, EntityDef]
    entity_names: dict[str, str]  # folded name -> slug
    entity_re: re.Pattern
    models_of: dict[str, tuple[str, ...]]
    groups: dict[frozenset[str], str]
    # a maker's name the gazetteer may not know (``[unknown_makers]``): Chinese, matched on
    # the normalised text (group ``name``), and English, with its generic first words
    # names too ambiguous to match on their own (``理想``): they count in a text that names
    # their entity otherwise too (``理想汽车 … 理想表示``), a model's where its maker is named;
    # a model's code (G6, 9X, M03: its name less its maker's) is one
    ambiguous_names: dict[str, str]
    ambiguous_re: re.Pattern
    unknown_zh_re: re.Pattern
    unknown_en_re: re.Pattern
    # a Hong Kong listing's short name with its share-class mark (微创机器人-B, 优必选-W)
    unknown_hk_re: re.Pattern
    # in a market report, a name opening a clause right before a move (中煤能源涨超5%)
    unknown_move_re: re.Pattern
    unknown_generic: frozenset[str]
    # joint ventures of a known maker with a foreign one ("Changan Ford", 广汽丰田): no
    # entity of the gazetteer's, though a known name is inside
    joint_venture_re: re.Pattern
    # makers that sell fuel cars too (``[segment] ice_makers``): a figure of their NEVs is a segment
    ice_makers: frozenset[str]
    # groups whose namesake brand's figure is a segment (``[segment] namesake_groups``)
    namesake_groups: frozenset[str]
    # change words that name any change: a share move only with a share named near
    generic_change: frozenset[str]
    # changes said by a noun ("declines of 3%"): a count's again after a sentence changing it
    change_nouns: frozenset[str]
    # companies that make no cars (``[entity_cues] not_makers``): no vehicle count is theirs
    not_makers: frozenset[str]
    # brand -> (the listed group holding its results, the first month it does): ``[results_holder]``
    results_holder: dict[str, tuple[str, str]]
    # metric -> entity slug -> whether the entity can carry the metric; filled by the
    # extractor as it meets them (a cache, derived from ``entities``)
    entity_fits: dict[str, dict[str, bool]] = field(default_factory=dict, compare=False, repr=False)


def _fold(s: str) -> str:
    return normalize(s).text.lower()


def _alternation(words) -> str:
    """One regular expression matching any of ``words``, longest first, built as a trie so
    that matching costs little more than one dictionary walk per position."""
    trie: dict = {}
    for w in set(words):
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def _any_of(words, not_after: dict[str, str] | None = None) -> re.Pattern:
    """An expression matching any of ``words`` (none: never); a word of ``not_after`` not
    right after one of its characters (料, "expected", not in 资料, "data")."""
    words, not_after = list(words), not_after or {}
    guarded = [f"(?<![{re.escape(chars)}]){re.escape(w)}" for w, chars in not_after.items() if w in words]
    body = "|".join(filter(None, [_alternation(w for w in words if w not in not_after), *guarded]))
    return re.compile(body if body else r"(?!)")


_YEAR_AFTER = re.compile(r"(?:19|20)\d\d年")


def word_ok(text: str, start: int, end: int) -> bool:
    """A Latin word matched whole: no letter or digit glued to either end (but a year and
    its 年 after a word ending in a letter, as Chinese text writes it: ``理想ONE2021年``)."""
    if start > 0 and text[start].isascii() and text[start].isalnum():
        prev = text[start - 1]
        if prev.isascii() and prev.isalnum():
            return False
    if end < len(text) and text[end - 1].isascii() and text[end - 1].isalnum():
        nxt = text[end]
        if nxt.isascii() and nxt.isalnum():
            return text[end - 1].isalpha() and _YEAR_AFTER.match(text, end) is not None
    return True


def _read(name: str) -> dict:
    return tomllib.loads(resources.files("evlens.extract").joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    lex = _read("lexicon.toml")
    aliases = _read("aliases.toml")
    metrics, words = _metric_words(lex)
    g = lex["growth"]
    b = lex["bounds"]
    before = [(_fold(w), k) for k in ("gt", "ge", "lt", "le", "approx", "eq") for w in b[k]]
    after = [(w.lower(), k[:-6]) for k in ("gt_after", "ge_after", "le_after", "approx_after") for w in b[k]]
    gaz = load_gazetteer()
    entities, names, ambiguous = _entity_names(gaz, aliases)
    models_of, groups = _model_families(gaz)
    lists = _word_lists(lex)
    um = lex["unknown_makers"]
    unknown = _unknown_res(um)
    ambiguous = {n: slug for n, slug in ambiguous.items() if n not in names}
    ambiguous |= {c: slug for c, slug in _model_codes(gaz).items() if c not in names and c not in ambiguous}
    return Lexicon(
        ambiguous_names=ambiguous,
        ambiguous_re=_any_of(ambiguous),
        unknown_zh_re=unknown[0],
        unknown_en_re=unknown[1],
        unknown_hk_re=unknown[2],
        unknown_move_re=unknown[3],
        unknown_generic=frozenset(_fold(w) for w in um["generic"]) | frozenset(um["en_generic"]),
        joint_venture_re=_any_of(_fold(w) for w in um["joint_ventures"]),
        ice_makers=frozenset(lex["segment"]["ice_makers"]),
        namesake_groups=frozenset(lex["segment"]["namesake_groups"]),
        generic_change=frozenset(_fold(w) for w in lex["share_context"]["generic"]),
        change_nouns=frozenset(_fold(w) for w in lex["growth"]["nouns"]),
        not_makers=frozenset(lex["entity_cues"]["not_makers"]),
        results_holder={k: (v["holder"], v["since"]) for k, v in lex["results_holder"].items()},
        metrics=metrics,
        metric_kind={**{k: d.kind for k, d in metrics.items()}, "growth": "percent"},
        metric_words=words,
        money_words={_fold(w): k for k, spec in lex["metric"].items() for w in spec.get("money_words", ())},
        metric_re=re.compile(_alternation(words)),
        growth_negative=frozenset(_fold(w) for w in g["negative"]),
        growth_words_yoy=frozenset(_fold(w) for w in g["yoy"]),
        growth_words_mom=frozenset(_fold(w) for w in g["mom"]),
        bounds_before_map=dict(reversed(before)),
        bounds_before_sizes={
            n: tuple(sorted({len(w) for w, _ in before if 0 < len(w) <= n}, reverse=True))
            for n in range(1, max(len(w) for w, _ in before) + 1)
        },
        bounds_before_rev_re=_any_of(w[::-1] for w, _ in before),
        threshold_re=re.compile("的?(?:" + _alternation(w.lower() for w in b["threshold_after"]) + ")"),
        bounds_after_re=re.compile(_alternation(w for w, _ in after)),
        bounds_after_map=dict(reversed(after)),
        word_res={k: _any_of(v, lex.get(k, {}).get("not_after", {})) for k, v in lists.items()},
        word_widths={k: max(map(len, v), default=0) for k, v in lists.items()},
        entities=entities,
        entity_names=names,
        entity_re=re.compile(_alternation(names)),
        models_of={k: tuple(v) for k, v in models_of.items()},
        groups=groups,
    )


def _unknown_res(um: dict) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """The expressions finding names the gazetteer does not know (``[unknown_makers]``): a
    Chinese name before a maker word, an English one before "Motors" and the like, a Hong
    Kong listing's short name with its share-class mark, a name opening a move."""
    return (
        re.compile(
            r"(?P<name>[\u4e00-\u9fff]{2})(?:" + _alternation(_fold(w) for w in um["zh_suffix"]) + ")"
        ),
        # (a capital with no word character before it, tested after the capital: an
        # expression that starts with a character class is scanned for that class alone)
        re.compile(r"(?P<name>[A-Z](?<!\w[A-Z])[A-Za-z]+) (?:" + _alternation(um["en_suffix"]) + r")\b"),
        re.compile(r"(?P<name>[\u4e00-\u9fff]{2,6}) ?- ?(?:SW|B|W|S|R)(?![A-Za-z])"),
        re.compile(
            r"(?<=[,，。；;、:：\s])(?P<name>[\u4e00-\u9fff]{2,6}?)(?:"
            + _alternation(_fold(w) for w in um["zh_move"])
            + r")(?:超过|近|逾|超|约|达)? ?\d"
        ),
    )


def _metric_words(lex: dict) -> tuple[dict[str, MetricDef], dict[str, str]]:
    """The metrics of the lexicon, and the metric each word of theirs (or of growth) names."""
    metrics: dict[str, MetricDef] = {}
    words: dict[str, str] = {}
    for name, spec in lex["metric"].items():
        metrics[name] = MetricDef(
            name,
            spec["kind"],
            spec.get("unit"),
            bool(spec.get("flow")),
            frozenset(_fold(w) for w in spec.get("negative", ())),
        )
        for w in spec.get("zh", ()) + spec.get("en", ()):
            words.setdefault(_fold(w), name)
    g = lex["growth"]
    for w in g["zh"] + g["en"]:
        words.setdefault(_fold(w), "growth")
    return metrics, words


def _entity_names(
    gaz: tuple[Entity, ...], aliases: dict
) -> tuple[dict[str, EntityDef], dict[str, str], dict[str, str]]:
    """The entities of the gazetteer, the entity each of their names (and each extra alias)
    names, and the entity each blocked, ambiguous name would name."""
    entities: dict[str, EntityDef] = {}
    names: dict[str, str] = {}
    blocked = {_fold(n) for n in aliases["blocked"]["names"]}
    ambiguous: dict[str, str] = {}
    for e in gaz:
        entities[e.id] = EntityDef(
            e.id,
            e.kind,
            e.parent,
            bool(e.securities) or e.kind == "index",
            e.first_delivery,
            e.reports_results,
        )
        for n in (e.name_en, e.name_zh, *e.aliases, *(s.ticker for s in e.securities)):
            if n and len(_fold(n)) >= 2:
                if _fold(n) not in blocked:
                    names.setdefault(_fold(n), e.id)
                elif not _fold(n).isdigit():
                    ambiguous.setdefault(_fold(n), e.id)
    for slug, extra in aliases["extra"].items():
        for n in extra:
            names[_fold(n)] = slug
    return entities, names, ambiguous


_MODEL_CODE = re.compile(r"(?=.*\d)(?=.*[a-z])[a-z0-9+]{2,5}")


def _model_codes(gaz: tuple[Entity, ...]) -> dict[str, str]:
    """The code of each model (not a trim) that one of its names gives after a name of its
    maker or the maker's parent ("XPeng G6" -> ``g6``, ``极氪9X`` -> ``9x``): letters and
    digits, two to five; a code two models share is left out."""
    by_id = {e.id: e for e in gaz}
    found: dict[str, set[str]] = {}
    for e in gaz:
        if e.kind != "model" or e.variant_of or not e.parent:
            continue
        owners: list[str] = []
        p = by_id.get(e.parent)
        while p is not None:
            owners += [_fold(n) for n in (p.name_en, p.name_zh, *p.aliases) if n]
            p = by_id.get(p.parent) if p.parent else None
        owners.sort(key=len, reverse=True)
        for n in (_fold(n) for n in (e.name_en, e.name_zh, *e.aliases) if n):
            o = next((o for o in owners if n.startswith(o)), None)
            code = n[len(o) :].strip(" -") if o else ""
            if _MODEL_CODE.fullmatch(code):
                found.setdefault(code, set()).add(e.id)
    return {c: next(iter(ids)) for c, ids in found.items() if len(ids) == 1}


def _model_families(gaz: tuple[Entity, ...]) -> tuple[dict[str, list[str]], dict[frozenset[str], str]]:
    """The models of each maker (variants left out), and the group of each set of models."""
    models_of: dict[str, list[str]] = {}
    groups: dict[frozenset[str], str] = {}
    for e in gaz:
        if e.kind == "model" and e.parent and not e.variant_of:
            models_of.setdefault(e.parent, []).append(e.id)
        if e.kind == "model_group":
            groups[frozenset(e.members)] = e.id
    return models_of, groups


def _word_lists(lex: dict) -> dict[str, list[str]]:
    """The lists of cue words of the lexicon, by name, folded or lowered."""
    g = lex["growth"]
    lists = {
        "hedges": lex["hedges"]["words"],
        "sentence_hedges": lex["hedges"]["sentence"],
        "session_hedges": lex["hedges"]["session"],
        "each": lex["each"]["words"],
        "each_listed": lex["each"]["listed"],
        "run_of": lex["each"]["run_of"],
        "cumulative": lex["cumulative"]["words"],
        "plan": lex["plan"]["words"],
        "rate_month": lex["rate"]["month"],
        "rate_short": lex["rate"]["short"],
        "forecast": lex["forecast"]["words"],
        "unheld": lex["unheld"]["words"],
        "intraday": lex["intraday"]["words"],
        "share_context": lex["share_context"]["words"],
        "wholesale_source": lex["wholesale_source"]["words"],
        "wholesale_plant": lex["wholesale_source"]["plant"],
        "segment": lex["segment"]["zh"] + lex["segment"]["en"],
        "segment_nev": lex["segment"]["nev"],
        "segment_market": lex["segment"]["nev"] + lex["segment"]["fuel"],
        "segment_namesake": lex["segment"]["namesake"],
        "entity_after": lex["entity_cues"]["after"],
        "entity_ambiguous_lead": lex["entity_cues"]["ambiguous_lead"],
        "entity_owner": lex["entity_cues"]["owner"],
        "entity_group": lex["entity_cues"]["group"],
        "entity_group_ref": lex["entity_cues"]["group_ref"],
        "entity_anaphor": lex["entity_cues"]["anaphor"],
        "entity_rival": lex["entity_cues"]["rival"],
        "entity_rival_before": lex["entity_cues"]["rival_before"],
        "entity_market": lex["entity_cues"]["market"] + lex["entity_cues"]["market_whole"],
        "entity_market_whole": lex["entity_cues"]["market_whole"],
        "entity_market_cpca": lex["entity_cues"]["market_cpca"],
    }
    lists = {k: [w.lower() for w in v] for k, v in lists.items()}
    lists["growth_yoy"] = [_fold(w) for w in g["yoy"]]
    # words that make a change negative wherever they stand before it ("按月则下跌12.5%")
    lists["negative"] = [_fold(w) for w in g["negative"] + g.get("negative_words", [])]
    lists["growth_mom"] = [_fold(w) for w in g["mom"]]
    lists["growth_qoq"] = [_fold(w) for w in g["qoq"]]
    return lists
