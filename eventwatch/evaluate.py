"""Score coded output against gold annotations and enforce pinned floors (the quality gate, DESIGN §7).

Gold: one JSON object per article as in the shared devset ``SCHEMA.md`` (``id``, ``text``, ``events``,
``statements``). Predictions: the output contract of DESIGN §4 (``Result.to_dict()``), keyed by article id.

Matching rule, per article:

* Only predicted events whose ``modality`` is ``asserted`` take part (a missing modality counts as asserted);
  threats, denials and history are not current events, so they must not match gold events.
* Gold evidence is a verbatim substring of the text; it is located with ``str.find`` (first occurrence),
  falling back to a case- and whitespace-insensitive search. A prediction's evidence is its
  ``evidence_span``, or its ``evidence`` string located the same way when the span is missing or invalid.
* A (gold, predicted) pair is *eligible* when the two evidence spans share at least one character, or when
  both events have the same ``event_type`` and the same place (normalised ``location``/``location_detail``).
* Pair score = 3 x evidence overlap (shared characters / shorter span) + 1 same event_type
  + 0.5 same sub_event_type + 0.5 same date + 0.5 same place + 0.25 same country.
* Eligible pairs are matched one-to-one greedily, best score first (ties: earlier gold, then earlier
  prediction). Articles hold few events, so greedy and optimal assignment rarely differ.

Field scores are accuracies over matched pairs. Pairs whose gold value is null are left out for date,
date_precision, country, admin1, place and coordinates (gold null means "the text does not tell"), but kept
for actors and casualty figures, where null is itself an answer. A score whose denominator is zero is
``None``.

Casualty claims are compared as multisets of ``(about, claimant_type, min, max)`` over matched pairs. Gold
``about`` values are mapped to the contract's vocabulary (fatalities -> killed, arrests -> arrested; the
qualifiers ``_partial``, ``_update``, ``_initial`` and ``_total`` are dropped); gold claims about anything
else (attribution, target, method, "casualties" which mixes dead and wounded, ...) are not scored for figures.

Statements match one-to-one when their PLOVER types are equal and their evidence spans overlap.
``coords_within_25km`` resolves the gold location with a gazetteer (most populous candidate in the gold
country); a matched prediction without coordinates counts as a miss. B-cubed runs over matched events.
"""
from __future__ import annotations

import importlib
import importlib.util
import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Protocol, Sequence

from .cluster import bcubed, haversine_km
from .errors import EvalError, EventwatchError
from .records import CLAIM_ABOUT, Place

__all__ = [
    "ArticleScore", "EvalReport", "PlaceLookup", "SCORE_NAMES", "LOWER_IS_BETTER",
    "load_gold", "load_predictions", "evaluate", "default_gazetteer", "normalise_place",
    "check_floors", "load_floors", "pin_floors", "save_floors",
    "evaluate_sentences", "is_sentence_label_file",
]

DEFAULT_FLOORS_PATH = Path(__file__).parent / "data" / "eval_floors.json"

# Order of the table and of to_json; every score is in [0, 1] except the one in LOWER_IS_BETTER.
SCORE_NAMES: tuple[str, ...] = (
    "event_detection_precision", "event_detection_recall", "event_detection_f1",
    "event_type", "sub_event_type",
    "country", "admin1", "place", "date", "date_precision", "coords_within_25km",
    "actor1", "actor1_lenient", "actor2", "actor2_lenient",
    "fatalities_exact", "fatalities_min_exact", "injured_exact",
    "claims_precision", "claims_recall", "claims_f1",
    "statements_precision", "statements_recall", "statements_f1",
    "empty_articles_clean", "false_events_per_empty_article",
    "cluster_bcubed_precision", "cluster_bcubed_recall", "cluster_bcubed_f1",
)
# For these a pinned value is a ceiling: check_floors flags them when the score rises above it.
LOWER_IS_BETTER = frozenset({"false_events_per_empty_article"})

COORD_TOLERANCE_KM = 25.0

_GOLD_ABOUT = {
    "fatalities": "killed", "killed": "killed", "deaths": "killed", "injured": "injured",
    "missing": "missing", "arrests": "arrested", "arrested": "arrested", "displaced": "displaced",
    "bodies_found": "bodies_found",
}
_ABOUT_QUALIFIERS = ("_partial", "_update", "_initial", "_total")

# ACLED actor names for generic actors are "<category> of <Country>" or "<category> (<Country>)"; the
# lenient actor score compares only the category, so a right role with a wrong country still counts.
_ACTOR_CATEGORIES = (
    "unidentified armed group", "military forces", "police forces", "security forces",
    "protesters", "rioters", "civilians", "rebels",
)


class PlaceLookup(Protocol):
    """What the coordinate score needs from a gazetteer: candidate places for a name."""

    def lookup(self, name: str) -> Sequence[Place]: ...


@dataclass(frozen=True)
class ArticleScore:
    """Matching outcome for one article; ``notes`` lists misses, extras and field disagreements."""

    id: str
    gold_events: int
    predicted_events: int
    matched_events: int
    gold_statements: int
    predicted_statements: int
    matched_statements: int
    prediction_missing: bool
    pairs: tuple[tuple[int, int], ...]  # (gold event index, predicted event index in the prediction)
    notes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class EvalReport:
    scores: dict[str, float | None]
    counts: dict[str, int]  # each score's denominator under its own name, plus corpus totals
    per_article: tuple[ArticleScore, ...] = ()

    def to_json(self, *, per_article: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"scores": dict(self.scores), "counts": dict(self.counts)}
        if per_article:
            out["per_article"] = [a.to_dict() for a in self.per_article]
        return out

    def table(self) -> str:
        width = max(len(name) for name in self.scores)
        lines = [f"{'score':<{width}}  {'value':>6}  {'n':>5}"]
        for name, value in self.scores.items():
            shown = "n/a" if value is None else f"{value:.3f}"
            lines.append(f"{name:<{width}}  {shown:>6}  {self.counts.get(name, 0):>5}")
        totals = ", ".join(f"{k}={v}" for k, v in self.counts.items() if k not in self.scores)
        lines.append(totals)
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------- loading

def _read_jsonl(path: Path) -> Iterator[tuple[int, Any]]:
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise EvalError(f"cannot read {path}: {exc.strerror}", hint="check the path") from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalError(f"{path}:{number}: not valid JSON ({exc.msg})",
                                hint="one JSON object per line (JSONL)") from exc


def _require(ok: bool, message: str, *, hint: str) -> None:
    if not ok:
        raise EvalError(message, hint=hint)


def load_gold(paths: Sequence[Path]) -> list[dict]:
    """Read gold JSONL files, checking the fields scoring relies on; ids must be unique across files."""
    gold: list[dict] = []
    seen: set[str] = set()
    schema_hint = "gold lines need id, text, events[] and statements[] as in devset SCHEMA.md"
    for path in paths:
        for number, row in _read_jsonl(Path(path)):
            where = f"{path}:{number}"
            _require(isinstance(row, dict), f"{where}: line is not a JSON object", hint=schema_hint)
            if is_sentence_label_file(row):
                raise EvalError(f"{where}: this is a sentence-label file, not article gold",
                                hint="score it with evaluate_sentences (eventwatch eval detects it)")
            _require(isinstance(row.get("id"), str) and isinstance(row.get("text"), str),
                     f"{where}: missing string 'id' or 'text'", hint=schema_hint)
            _require(row["id"] not in seen, f"{where}: duplicate id {row['id']!r}", hint="ids must be unique")
            _require(isinstance(row.get("events"), list) and isinstance(row.get("statements", []), list),
                     f"{where}: 'events' and 'statements' must be lists", hint=schema_hint)
            for kind, keys in (("events", ("event_type", "evidence")), ("statements", ("type", "evidence"))):
                for index, item in enumerate(row.get(kind, [])):
                    _require(isinstance(item, dict) and all(isinstance(item.get(k), str) for k in keys),
                             f"{where}: {kind}[{index}] lacks string {' / '.join(keys)}", hint=schema_hint)
            seen.add(row["id"])
            gold.append(row)
    return gold


def load_predictions(paths: Sequence[Path]) -> dict[str, dict]:
    """Read ``eventwatch code --format jsonl`` output into a dict keyed by article id."""
    predictions: dict[str, dict] = {}
    hint = "prediction lines are eventwatch output: {\"article\": {\"id\": ...}, \"events\": [...], ...}"
    for path in paths:
        for number, row in _read_jsonl(Path(path)):
            where = f"{path}:{number}"
            article = row.get("article") if isinstance(row, dict) else None
            _require(isinstance(article, dict) and isinstance(article.get("id"), str),
                     f"{where}: missing article.id", hint=hint)
            _require(isinstance(row.get("events", []), list), f"{where}: 'events' must be a list", hint=hint)
            _require(article["id"] not in predictions, f"{where}: duplicate article id {article['id']!r}",
                     hint="code each article once")
            predictions[article["id"]] = row
    return predictions


def default_gazetteer() -> PlaceLookup | None:
    """The project gazetteer if that module is installed and its data loads, else ``None``."""
    try:
        spec = importlib.util.find_spec("eventwatch.resolve.gazetteer")
    except ModuleNotFoundError:
        return None
    if spec is None:
        return None
    module = importlib.import_module("eventwatch.resolve.gazetteer")
    try:
        gazetteer: PlaceLookup = module.Gazetteer.load()
    except (EventwatchError, OSError):
        return None  # no compiled data here: the coordinate score reads n/a rather than failing the run
    return gazetteer


# ------------------------------------------------------------------------------------- normalisation

_PUNCT = re.compile(r"[^\w\s-]")
_ARTICLE_PREFIX = re.compile(r"(?:(?<=\s)|^)(?:al|el)-")
_LEADING_ARTICLE = re.compile(r"^(?:the|al|el)\s+")
_ADMIN_SUFFIX = re.compile(r"\s+(?:governorate|province|region|district|state)$")


def normalise_place(name: str | None) -> str:
    """Compare place names as spelling variants: no case, accents, apostrophes, al-/el-, admin suffix."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _PUNCT.sub("", text)  # Dar'a -> dara, ʿAyn -> ayn
    text = _ARTICLE_PREFIX.sub("", text.strip())
    text = _LEADING_ARTICLE.sub("", text)
    text = " ".join(text.replace("-", " ").split())
    return _ADMIN_SUFFIX.sub("", text)


def _names(event: Mapping[str, Any]) -> set[str]:
    return {n for n in map(normalise_place, (event.get("location"), event.get("location_detail"))) if n}


def _fold_name(name: Any) -> str | None:
    return " ".join(name.casefold().split()) if isinstance(name, str) and name.strip() else None


def _actor_lenient(name: Any) -> str | None:
    exact = _fold_name(name)
    if exact is None:
        return None
    for category in _ACTOR_CATEGORIES:
        if category in exact:
            return category
    # named groups: "ABC: Armed Brigades of C (Country)" and "Armed Brigades of C" are the same actor
    core = re.sub(r"\s*\([^)]*\)", "", exact)
    return core.split(":", 1)[1].strip() if ":" in core else core.strip()


def _quantity(value: Any) -> tuple[Any, Any] | None:
    return (value.get("min"), value.get("max")) if isinstance(value, dict) else None


def _gold_about(about: Any) -> str | None:
    if not isinstance(about, str):
        return None
    base = about.casefold()
    for qualifier in _ABOUT_QUALIFIERS:
        base = base.removesuffix(qualifier)
    return _GOLD_ABOUT.get(base)


# ---------------------------------------------------------------------------------------------- spans

def _locate(text: str, evidence: Any) -> tuple[int, int] | None:
    if not isinstance(evidence, str) or not evidence.strip():
        return None
    start = text.find(evidence)
    if start >= 0:
        return start, start + len(evidence)
    pattern = r"\s+".join(re.escape(token) for token in evidence.split())
    found = re.search(pattern, text, flags=re.IGNORECASE)
    return (found.start(), found.end()) if found else None


def _predicted_span(text: str, item: Mapping[str, Any]) -> tuple[int, int] | None:
    span = item.get("evidence_span")
    if (isinstance(span, (list, tuple)) and len(span) == 2 and all(isinstance(x, int) for x in span)
            and 0 <= span[0] < span[1] <= len(text)):
        return span[0], span[1]
    return _locate(text, item.get("evidence"))


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> float:
    if a is None or b is None:
        return 0.0
    shared = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shared / shorter if shared > 0 and shorter > 0 else 0.0


def _greedy_match(scores: Mapping[tuple[int, int], float]) -> list[tuple[int, int]]:
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for (g, p), _ in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return sorted(pairs)


# ------------------------------------------------------------------------------------ field checks

def _same_if_gold(key: str, fold: Callable[[Any], Any] = lambda v: v) -> Callable[[dict, dict], bool | None]:
    def check(gold: dict, pred: dict) -> bool | None:
        if gold.get(key) is None:
            return None
        return fold(gold.get(key)) == fold(pred.get(key))
    return check


def _always(key: str, fold: Callable[[Any], Any]) -> Callable[[dict, dict], bool | None]:
    return lambda gold, pred: fold(gold.get(key)) == fold(pred.get(key))


def _place(gold: dict, pred: dict) -> bool | None:
    gold_names = _names(gold)
    return bool(gold_names & _names(pred)) if gold_names else None


def _min_of(value: Any) -> Any:
    q = _quantity(value)
    return q[0] if q else None


def _upper(value: Any) -> Any:
    return value.upper() if isinstance(value, str) else value


# name -> check(gold_event, predicted_event): True hit, False miss, None not scored for this pair
_FIELD_CHECKS: tuple[tuple[str, Callable[[dict, dict], bool | None]], ...] = (
    ("event_type", _always("event_type", _fold_name)),
    ("sub_event_type", _always("sub_event_type", _fold_name)),
    ("country", _same_if_gold("country", _upper)),
    ("admin1", _same_if_gold("admin1", normalise_place)),
    ("place", _place),
    ("date", _same_if_gold("date")),
    ("date_precision", _same_if_gold("date_precision")),
    ("actor1", _always("actor1", _fold_name)),
    ("actor1_lenient", _always("actor1", _actor_lenient)),
    ("actor2", _always("actor2", _fold_name)),
    ("actor2_lenient", _always("actor2", _actor_lenient)),
    ("fatalities_exact", _always("fatalities", _quantity)),
    ("fatalities_min_exact", _always("fatalities", _min_of)),
    ("injured_exact", _always("injured", _quantity)),
)


def _shown(event: dict, score_name: str) -> Any:
    if score_name == "place":
        return event.get("location"), event.get("location_detail")
    key = score_name.removesuffix("_exact").removesuffix("_lenient").removesuffix("_min")
    return event.get(key)


def _pair_score(gold: dict, pred: dict, overlap: float) -> float | None:
    same_type = _fold_name(gold.get("event_type")) == _fold_name(pred.get("event_type"))
    same_place = bool(_place(gold, pred))
    if overlap <= 0 and not (same_type and same_place):
        return None
    same_sub_type = _fold_name(gold.get("sub_event_type")) == _fold_name(pred.get("sub_event_type"))
    same_date = gold.get("date") is not None and gold.get("date") == pred.get("date")
    same_country = gold.get("country") is not None and _upper(gold["country"]) == _upper(pred.get("country"))
    return (3 * overlap + same_type + 0.5 * same_sub_type + 0.5 * same_date + 0.5 * same_place
            + 0.25 * same_country)


def _claim_tuples(claims: Any, *, gold: bool) -> Counter:
    tuples: Counter = Counter()
    for claim in claims or ():
        if not isinstance(claim, dict):
            continue
        about = _gold_about(claim.get("about")) if gold else claim.get("about")
        if about in CLAIM_ABOUT:
            tuples[(about, claim.get("claimant_type"), claim.get("min"), claim.get("max"))] += 1
    return tuples


def _gold_coords(gold: dict, gazetteer: PlaceLookup) -> tuple[float, float] | None:
    name = gold.get("location")
    if not isinstance(name, str) or not name:
        return None
    candidates = [p for p in gazetteer.lookup(name)
                  if gold.get("country") is None or p.country == _upper(gold.get("country"))]
    if not candidates:
        return None
    best = max(candidates, key=lambda p: p.population)  # the gold names the place a gazetteer would pick
    return best.latitude, best.longitude


# ----------------------------------------------------------------------------------------- scoring

class _Tally:
    """Hits and denominators per score name while walking the corpus."""

    def __init__(self) -> None:
        self.hits: Counter = Counter()
        self.n: Counter = Counter()

    def add(self, name: str, hit: bool | None) -> None:
        if hit is not None:
            self.n[name] += 1
            self.hits[name] += int(hit)

    def ratio(self, name: str) -> float | None:
        return self.hits[name] / self.n[name] if self.n[name] else None


def _prf(tp: int, predicted: int, gold: int) -> tuple[float | None, float | None, float | None]:
    precision = tp / predicted if predicted else None
    recall = tp / gold if gold else None
    f1 = 2 * tp / (predicted + gold) if predicted + gold else None
    return precision, recall, f1


def _match_events(text: str, *, gold_events: list[dict], pred_events: list[dict],
                  asserted: list[int]) -> tuple[list[tuple[int, int]], list[str]]:
    gold_spans = [_locate(text, e["evidence"]) for e in gold_events]
    candidates: dict[tuple[int, int], float] = {}
    for g, gold_event in enumerate(gold_events):
        for j in asserted:
            overlap = _overlap(gold_spans[g], _predicted_span(text, pred_events[j]))
            score = _pair_score(gold_event, pred_events[j], overlap)
            if score is not None:
                candidates[(g, j)] = score
    pairs = _greedy_match(candidates)
    matched_gold, matched_pred = {g for g, _ in pairs}, {j for _, j in pairs}
    notes = [f"gold evidence {g} not found in text" for g, s in enumerate(gold_spans) if s is None]
    notes += [f"missed gold {g}: {e['event_type']} / {e.get('sub_event_type')}"
              for g, e in enumerate(gold_events) if g not in matched_gold]
    notes += [f"extra pred {j}: {pred_events[j].get('event_type')} / {pred_events[j].get('sub_event_type')}"
              for j in asserted if j not in matched_pred]
    return pairs, notes


def _match_statements(text: str, *, gold_statements: list[dict],
                      pred_statements: list[Any]) -> list[tuple[int, int]]:
    candidates: dict[tuple[int, int], float] = {}
    for g, statement in enumerate(gold_statements):
        gold_span = _locate(text, statement["evidence"])
        for j, predicted in enumerate(pred_statements):
            if isinstance(predicted, dict) and _upper(predicted.get("type")) == _upper(statement["type"]):
                overlap = _overlap(gold_span, _predicted_span(text, predicted))
                if overlap > 0:
                    candidates[(g, j)] = overlap
    return _greedy_match(candidates)


def _score_pair(gold_event: dict, *, pred_event: dict, tally: _Tally, totals: Counter,
                gazetteer: PlaceLookup | None) -> list[str]:
    """Field, claim and coordinate scores for one matched pair; returns the fields that disagree."""
    wrong = []
    for name, check in _FIELD_CHECKS:
        hit = check(gold_event, pred_event)
        tally.add(name, hit)
        if hit is False:
            wrong.append(f"{name}: {_shown(gold_event, name)!r} != {_shown(pred_event, name)!r}")
    gold_claims = _claim_tuples(gold_event.get("claims"), gold=True)
    pred_claims = _claim_tuples(pred_event.get("claims"), gold=False)
    totals["matched_claims"] += sum((gold_claims & pred_claims).values())
    totals["gold_claims"] += sum(gold_claims.values())
    totals["predicted_claims"] += sum(pred_claims.values())
    where = _gold_coords(gold_event, gazetteer) if gazetteer is not None else None
    if where is not None:
        lat, lon = pred_event.get("latitude"), pred_event.get("longitude")
        tally.add("coords_within_25km", isinstance(lat, (int, float)) and isinstance(lon, (int, float))
                  and haversine_km(*where, float(lat), float(lon)) <= COORD_TOLERANCE_KM)
    return wrong


def _score_article(gold: dict, *, prediction: dict | None, tally: _Tally, totals: Counter,
                   gazetteer: PlaceLookup | None, clusters: tuple[dict, dict],
                   incidents: Mapping[str, str] | None) -> ArticleScore:
    coded = prediction if prediction is not None and not prediction.get("skipped") else {}
    pred_events, pred_statements = coded.get("events") or [], coded.get("statements") or []
    asserted = [j for j, e in enumerate(pred_events)
                if isinstance(e, dict) and e.get("modality", "asserted") == "asserted"]
    gold_events, gold_statements = gold["events"], gold.get("statements", [])
    pairs, notes = _match_events(gold["text"], gold_events=gold_events, pred_events=pred_events,
                                 asserted=asserted)
    for g, j in pairs:
        wrong = _score_pair(gold_events[g], pred_event=pred_events[j], tally=tally, totals=totals,
                            gazetteer=gazetteer)
        notes += [f"gold {g} ~ pred {j} {field}" for field in wrong]
        if isinstance(gold_events[g].get("cluster"), str):
            pred_event = pred_events[j]
            label = (incidents.get(pred_event.get("id")) if incidents is not None
                     else pred_event.get("cluster") or pred_event.get("incident"))
            clusters[0][(gold["id"], g)] = gold_events[g]["cluster"]
            if label is not None:
                clusters[1][(gold["id"], g)] = str(label)
    statement_pairs = _match_statements(gold["text"], gold_statements=gold_statements,
                                        pred_statements=pred_statements)

    for stem, n_gold, n_pred, n_matched in (("events", len(gold_events), len(asserted), len(pairs)),
                                            ("statements", len(gold_statements), len(pred_statements),
                                             len(statement_pairs))):
        totals[f"gold_{stem}"] += n_gold
        totals[f"predicted_{stem}"] += n_pred
        totals[f"matched_{stem}"] += n_matched
    if not gold_events:
        totals["gold_empty_articles"] += 1
        totals["false_events_in_empty_articles"] += len(asserted)
        tally.add("empty_articles_clean", not asserted)
    return ArticleScore(
        id=gold["id"], gold_events=len(gold_events), predicted_events=len(asserted), matched_events=len(pairs),
        gold_statements=len(gold_statements), predicted_statements=len(pred_statements),
        matched_statements=len(statement_pairs), prediction_missing=prediction is None,
        pairs=tuple(pairs), notes=tuple(notes),
    )


def evaluate(gold: Sequence[dict], predictions: Mapping[str, dict], *,
             gazetteer: PlaceLookup | None = None, incidents: Mapping[str, str] | None = None) -> EvalReport:
    """Score predictions (keyed by article id) against gold articles; see the module docstring for rules.

    ``gazetteer`` resolves gold locations for ``coords_within_25km`` (pass ``default_gazetteer()``);
    without it that score is ``None``. ``incidents`` maps predicted event id -> incident id (from
    ``cluster_events``); without it, clusters are read from events' ``cluster`` or ``incident`` field.
    B-cubed is computed only when some matched prediction has a cluster. Gold articles with no
    prediction count as coded with no output.
    """
    tally = _Tally()
    totals: Counter = Counter()
    clusters: tuple[dict, dict] = ({}, {})
    per_article = []
    for article in gold:
        prediction = predictions.get(article["id"])
        totals["articles"] += 1
        totals["articles_without_prediction"] += prediction is None
        totals["skipped_articles"] += bool(prediction and prediction.get("skipped"))
        per_article.append(_score_article(article, prediction=prediction, tally=tally, totals=totals,
                                          gazetteer=gazetteer, clusters=clusters, incidents=incidents))
    gold_ids = {a["id"] for a in gold}
    totals["unscored_predictions"] = sum(1 for article_id in predictions if article_id not in gold_ids)

    scores: dict[str, float | None] = dict.fromkeys(SCORE_NAMES)
    counts: dict[str, int] = dict.fromkeys(SCORE_NAMES, 0)
    for name in SCORE_NAMES:
        if tally.n[name]:
            scores[name], counts[name] = tally.ratio(name), tally.n[name]
    for prefix, stem in (("event_detection", "events"), ("claims", "claims"), ("statements", "statements")):
        n_pred, n_gold = totals[f"predicted_{stem}"], totals[f"gold_{stem}"]
        p, r, f = _prf(totals[f"matched_{stem}"], n_pred, n_gold)
        scores.update({f"{prefix}_precision": p, f"{prefix}_recall": r, f"{prefix}_f1": f})
        counts.update({f"{prefix}_precision": n_pred, f"{prefix}_recall": n_gold,
                       f"{prefix}_f1": n_pred + n_gold})
    if totals["gold_empty_articles"]:
        scores["false_events_per_empty_article"] = (
            totals["false_events_in_empty_articles"] / totals["gold_empty_articles"])
        counts["false_events_per_empty_article"] = totals["gold_empty_articles"]
    gold_clusters, pred_clusters = clusters
    if pred_clusters:
        p, r, f = bcubed(pred_clusters, gold_clusters)  # an unclustered prediction counts as a singleton
        scores.update({"cluster_bcubed_precision": p, "cluster_bcubed_recall": r, "cluster_bcubed_f1": f})
        for name in ("cluster_bcubed_precision", "cluster_bcubed_recall", "cluster_bcubed_f1"):
            counts[name] = len(gold_clusters)
    for name in ("articles", "articles_without_prediction", "skipped_articles", "unscored_predictions",
                 "gold_events", "predicted_events", "matched_events", "gold_statements",
                 "predicted_statements", "matched_statements", "gold_empty_articles"):
        counts[name] = totals[name]
    return EvalReport(scores=scores, counts=counts, per_article=tuple(per_article))


# ------------------------------------------------------------------------------------------ floors

def load_floors(path: Path | None = None) -> dict[str, float]:
    """Pinned floors: a JSON object ``{score name: value}`` after ``#`` header comment lines."""
    path = Path(path) if path is not None else DEFAULT_FLOORS_PATH
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"cannot read floors file {path}: {exc.strerror}", hint="check the path") from exc
    body = "\n".join(line for line in lines if not line.lstrip().startswith("#"))
    try:
        floors = json.loads(body)
    except json.JSONDecodeError as exc:
        raise EvalError(f"{path}: floors are not valid JSON ({exc.msg})",
                        hint="write '# comment' lines, then one JSON object of score -> number") from exc
    if not isinstance(floors, dict) or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in floors.values()):
        raise EvalError(f"{path}: floors must map score names to numbers",
                        hint=f"names: {', '.join(SCORE_NAMES)}")
    return {str(k): float(v) for k, v in floors.items()}


def check_floors(report: EvalReport, floors: Mapping[str, float]) -> list[str]:
    """Names of scores that fell below their floor (above it, for LOWER_IS_BETTER scores).

    A score the run could not measure (``None``, e.g. no gazetteer for coordinates) is not flagged.
    """
    unknown = sorted(set(floors) - set(report.scores))
    if unknown:
        raise EvalError(f"floors name unknown scores: {', '.join(unknown)}",
                        hint=f"valid names: {', '.join(SCORE_NAMES)}")
    failed = []
    for name, floor in floors.items():
        score = report.scores[name]
        if score is None:
            continue
        worse = score > floor + 1e-9 if name in LOWER_IS_BETTER else score < floor - 1e-9
        if worse:
            failed.append(name)
    return failed


def pin_floors(report: EvalReport, *, margin: float = 0.02) -> dict[str, float]:
    """Floors from a run: each measured score minus ``margin`` (plus, for LOWER_IS_BETTER), on 3 decimals."""
    floors = {}
    for name, score in report.scores.items():
        if score is None:
            continue
        if name in LOWER_IS_BETTER:
            floors[name] = math.ceil((score + margin) * 1000) / 1000
        else:
            floors[name] = max(0.0, math.floor((score - margin) * 1000) / 1000)
    return floors


def save_floors(floors: Mapping[str, float], path: Path | None = None, *, note: str = "") -> Path:
    path = Path(path) if path is not None else DEFAULT_FLOORS_PATH
    header = ["# eval_floors.json: minimum scores `eventwatch eval` must reach on the dev gold; CI fails below them.",
              "# Format: '#' comment lines, then one JSON object score name -> floor (a ceiling for "
              + ", ".join(sorted(LOWER_IS_BETTER)) + ")."]
    if note:
        header.append(f"# {note}")
    path.write_text("\n".join(header) + "\n" + json.dumps(dict(floors), indent=2) + "\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------------------- sentence labels

def is_sentence_label_file(first_row: dict) -> bool:
    """True for sentence classification rows (``text`` + boolean ``labels``), e.g. IndiaPoliceEvents."""
    labels = first_row.get("labels") if isinstance(first_row, dict) else None
    return (isinstance(first_row, dict) and isinstance(first_row.get("text"), str)
            and "events" not in first_row and isinstance(labels, dict) and bool(labels)
            and all(isinstance(v, bool) for v in labels.values()))


def evaluate_sentences(rows: Sequence[dict], predict: Callable[[str], set[str]], *,
                       labels: Sequence[str] = ("KILL", "ARREST")) -> dict:
    """Sentence-level precision/recall/F1 per label of ``predict(text) -> labels it fires``.

    Returns ``{"sentences": n, "labels": {label: {precision, recall, f1, tp, fp, fn, support}}}``.
    """
    counts = {label: Counter() for label in labels}
    for index, row in enumerate(rows):
        if not is_sentence_label_file(row):
            raise EvalError(f"row {index} ({row.get('id') if isinstance(row, dict) else '?'}): "
                            "needs 'text' and boolean 'labels'", hint="use a sentence-label file")
        fired = predict(row["text"])
        for label in labels:
            gold, pred = bool(row["labels"].get(label)), label in fired
            counts[label]["tp" if gold and pred else "fp" if pred else "fn" if gold else "tn"] += 1
    result: dict[str, Any] = {"sentences": len(rows), "labels": {}}
    for label, c in counts.items():
        precision, recall, f1 = _prf(c["tp"], c["tp"] + c["fp"], c["tp"] + c["fn"])
        result["labels"][label] = {"precision": precision, "recall": recall, "f1": f1, "tp": c["tp"],
                                   "fp": c["fp"], "fn": c["fn"], "support": c["tp"] + c["fn"]}
    return result

