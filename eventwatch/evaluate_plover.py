"""Score statement types against PLOVER gold-standard sentences (one PLOVER event per sentence).

Rows look like the OEDA PLOVER GSR converted to JSONL: ``text``, ``event`` (the PLOVER category), ``mode``,
``actor`` / ``recipient`` lists of ``{"actorText": ...}``. Each sentence is coded as a one-sentence article; a
type is predicted for a sentence when any of its statements has that type. PLOVER 0.5 calls eventwatch's ACCUSE
"DISAPPROVE" and its REQUEST "DEMAND"; gold names are mapped to eventwatch names before scoring.

Per statement type: precision, recall, F1 over sentences. Source is scored leniently on the true positives: the
predicted source (its name or the text span it came from) contains one of the gold source actor words.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Iterable, Mapping, Sequence

__all__ = ["PLOVER_NAMES", "STATEMENT_TYPES", "VERBAL_TYPES", "is_plover_file", "evaluate_plover", "format_plover"]

# PLOVER 0.5 category -> the eventwatch statement type that codes it.
PLOVER_NAMES = {"DISAPPROVE": "ACCUSE", "DEMAND": "REQUEST"}
# Verbal interactions: what is said, not what is done.
VERBAL_TYPES = ("ACCUSE", "REJECT", "REQUEST", "THREATEN", "AGREE", "SUPPORT", "CONSULT", "CONCEDE")
# Every type eventwatch codes as a statement; ASSAULT, FIGHT and PROTEST are events, INVESTIGATE is not coded.
STATEMENT_TYPES = VERBAL_TYPES + ("COOPERATE", "AID", "RETREAT", "SANCTION", "MOBILIZE", "COERCE")


def is_plover_file(first_row: Mapping[str, Any]) -> bool:
    """True for PLOVER gold rows: a sentence with one ``event`` category and actor lists, no ``events``."""
    return (isinstance(first_row, Mapping) and isinstance(first_row.get("text"), str)
            and isinstance(first_row.get("event"), str) and "events" not in first_row
            and isinstance(first_row.get("actor", []), list))


def _gold_type(row: Mapping[str, Any]) -> str:
    event = str(row.get("event") or "").upper()
    return PLOVER_NAMES.get(event, event)


def _actor_words(actors: Any) -> list[str]:
    words = []
    for actor in actors or []:
        text = actor.get("actorText") if isinstance(actor, Mapping) else actor
        if isinstance(text, str) and text.strip():
            words.append(text.strip().lower())
    return words


def _source_hit(row: Mapping[str, Any], statement: Mapping[str, Any]) -> bool | None:
    gold = _actor_words(row.get("actor"))
    if not gold:
        return None
    shown = [str(statement.get("source") or "").lower()]
    span = statement.get("source_span")
    if isinstance(span, (list, tuple)) and len(span) == 2:
        shown.append(row["text"][span[0]:span[1]].lower())
    return any(word in text or (text and text in word) for word in gold for text in shown if text)


def evaluate_plover(rows: Sequence[Mapping[str, Any]],
                    predict: Callable[[str], Iterable[Mapping[str, Any]]]) -> dict:
    """Per-type precision/recall/F1 of ``predict(text) -> statement dicts`` over PLOVER sentences.

    Returns ``{"sentences", "types": {type: {precision, recall, f1, tp, fp, fn, support}},
    "verbal": micro-averaged over VERBAL_TYPES, "all": micro-averaged over STATEMENT_TYPES,
    "source_right": share of true positives whose source matches, "confusions": [[gold, predicted, n], ...]}``.
    """
    counts = {name: Counter() for name in STATEMENT_TYPES}
    source = Counter()
    confusions: Counter = Counter()
    for row in rows:
        gold = _gold_type(row)
        statements = [s for s in predict(row["text"]) if isinstance(s, Mapping)]
        fired = {str(s.get("type") or "").upper() for s in statements}
        for name in STATEMENT_TYPES:
            hit, wanted = name in fired, name == gold
            counts[name]["tp" if hit and wanted else "fp" if hit else "fn" if wanted else "tn"] += 1
        if gold in STATEMENT_TYPES and gold in fired:
            right = [_source_hit(row, s) for s in statements if str(s.get("type") or "").upper() == gold]
            if any(r is not None for r in right):
                source["scored"] += 1
                source["right"] += any(right)
        for name in fired - {gold}:
            if name in STATEMENT_TYPES:
                confusions[(gold, name)] += 1
    types = {name: _prf(c) for name, c in counts.items()}
    return {
        "sentences": len(rows),
        "types": types,
        "verbal": _prf(sum((counts[n] for n in VERBAL_TYPES), Counter())),
        "all": _prf(sum((counts[n] for n in STATEMENT_TYPES), Counter())),
        "source_right": round(source["right"] / source["scored"], 3) if source["scored"] else None,
        "confusions": [[g, p, n] for (g, p), n in confusions.most_common(15)],
    }


def _prf(counts: Counter) -> dict:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = (2 * precision * recall / (precision + recall)
          if precision is not None and recall is not None and precision + recall else None)
    return {"precision": _round(precision), "recall": _round(recall), "f1": _round(f1),
            "tp": tp, "fp": fp, "fn": fn, "support": tp + fn}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def format_plover(report: Mapping[str, Any]) -> str:
    """The report as a table: one line per statement type, then the micro averages."""
    def cell(value: float | None) -> str:
        return "  n/a" if value is None else f"{value:.3f}"

    lines = [f"PLOVER sentences: {report['sentences']}",
             f"{'type':<12}{'precision':>10}{'recall':>9}{'f1':>8}{'support':>9}{'predicted':>11}"]
    rows = [(name, report["types"][name]) for name in STATEMENT_TYPES]
    rows += [("verbal", report["verbal"]), ("all", report["all"])]
    for name, score in rows:
        lines.append(f"{name:<12}{cell(score['precision']):>10}{cell(score['recall']):>9}{cell(score['f1']):>8}"
                     f"{score['support']:>9}{score['tp'] + score['fp']:>11}")
    lines.append(f"source right on true positives: {cell(report['source_right'])}")
    if report["confusions"]:
        lines.append("confusions (gold -> predicted): "
                     + ", ".join(f"{g}->{p} {n}" for g, p, n in report["confusions"]))
    return "\n".join(lines)
