"""``eventwatch eval``: code gold articles (or read predictions) and print the scores of ``evaluate``."""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any, Iterable, Sequence

from .errors import EvalError
from .evaluate import (
    check_floors as floors_failed, default_gazetteer, evaluate, evaluate_sentences, is_sentence_label_file, load_floors, load_gold, load_predictions,
)
from .evaluate_plover import evaluate_plover, format_plover, is_plover_file
from .ingest.readers import article_from_text
from .records import Article, Event, Result
from .settings import Settings

__all__ = ["run_eval", "gold_articles", "police_labels"]


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def gold_articles(gold: Iterable[dict]) -> list[Article]:
    """Articles as the coder sees them: text and metadata only, never the annotations."""
    return [Article(id=str(row["id"]), text=row["text"], published=_date(row.get("published")),
                    url=row.get("url"), title=row.get("title"), outlet=row.get("outlet"))
            for row in gold]


_DEATH_TRIGGERS = ("kill", "shot", "shoot", "gun", "died", "die", "dead", "death", "perish", "succumb", "fell to")


def _reported_as_done(event: Event) -> bool:
    """The event happened, now or in the past: IndiaPoliceEvents asks whether police killed or arrested anyone,
    so a killing recalled as background ("in 1990, two men were killed in police firing") counts too. Negated,
    future and hypothetical events do not."""
    return event.modality in ("asserted", "historical")


_CLASH_TRIGGERS = ("clash", "encounter", "skirmish", "exchange", "gunfight", "gun battle", "fight")
_STATE_VICTIMS = re.compile(r"\b(?:police(?:m[ae]n)?|constables?|officers?|jawans?|soldiers?|troops|personnel|"
                            r"cops?|troopers?|guards?|commandos?)\b", re.IGNORECASE)


def _own_men_dead(event: Event, text: str) -> bool:
    """The event's death toll counts police or soldiers ("two policemen were killed in the clash")."""
    return any(_STATE_VICTIMS.search(text[span.start:span.end]) for name, span in event.spans if name == "fatalities")


_DEATHS_BEFORE = re.compile(r"\b(?:deaths?|killings?|killed|died|dead|perished)\s+(?:in|due to|from|by|during|"
                            r"caused by)\s+(?:the\s+|a\s+)?$", re.IGNORECASE)


def _deaths_caused_by_trigger(event: Event, text: str) -> bool:
    """Deaths without a number laid to the event's trigger ("the number of deaths in police firing")."""
    trigger = next((span for name, span in event.spans if name == "event_type"), None)
    return trigger is not None and _DEATHS_BEFORE.search(text[max(0, trigger.start - 30):trigger.start]) is not None


def police_labels(result: Result) -> set[str]:
    """IndiaPoliceEvents questions answered from coded events: did police kill someone / arrest someone?"""
    labels: set[str] = set()
    for event in result.events:
        if not _reported_as_done(event):
            continue
        state_side = event.actor1 is not None and event.actor1.inter == 1
        if event.event_type == "Battles":
            # in a clash with the police or army, the dead are the state's doing unless they are its own men
            clash_with_state = event.actor2 is not None and event.actor2.inter == 1 \
                and event.trigger.lower().startswith(_CLASH_TRIGGERS)
            state_side = (state_side or clash_with_state) and not _own_men_dead(event, result.article.text)
        if state_side and (event.event_type in ("Violence against civilians", "Battles")
                           or event.sub_event_type == "Excessive force against protesters"):
            if event.fatalities is None or (event.fatalities.max is None or event.fatalities.max > 0):
                # the event reports deaths: a killed claim, a positive toll, or a trigger that is itself a death
                if any(c.about == "killed" for c in event.claims) or (event.fatalities and event.fatalities.min) \
                        or event.trigger.lower().startswith(_DEATH_TRIGGERS) \
                        or _deaths_caused_by_trigger(event, result.article.text):
                    labels.add("KILL")
        if event.sub_event_type == "Arrests" or any(c.about == "arrested" for c in event.claims):
            labels.add("ARREST")
    return labels


def _read_rows(paths: Sequence[Path]) -> list[dict]:
    rows: list[dict] = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        rows.append(json.loads(line))
                    except json.JSONDecodeError as exc:
                        raise EvalError(f"{path}:{number}: not JSON ({exc.msg})", hint="one JSON object per line") from exc
    return rows


def _first_row(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise EvalError(f"{path}: first line is not JSON", hint="one JSON object per line") from exc
                return row if isinstance(row, dict) else {}
    raise EvalError(f"{path} is empty", hint="give a gold JSONL file")


def run_eval(gold_paths: Sequence[Path], *, pred: Path | None, settings: Settings, as_json: bool,
             check_floors: bool = False, limit: int | None = None, details: bool = False) -> int:
    from .pipeline import Pipeline

    for path in gold_paths:
        if not path.exists():
            raise EvalError(f"gold file {path} does not exist", hint="pass ../shared/devset/*.jsonl")
    if is_plover_file(_first_row(gold_paths[0])):
        rows = _read_rows(gold_paths)[: limit or None]
        pipeline = Pipeline(settings=settings)
        articles = [Article(id=str(r.get("id", i)), text=r["text"], published=None) for i, r in enumerate(rows)]
        coded = {res.article.id: [s.to_dict() for s in res.statements] for res in pipeline.code_many(articles)}
        ids = iter(a.id for a in articles)
        plover = evaluate_plover(rows, lambda _text: coded[next(ids)])
        print(json.dumps(plover) if as_json else format_plover(plover))
        return 0
    if is_sentence_label_file(_first_row(gold_paths[0])):
        rows = _read_rows(gold_paths)[: limit or None]
        pipeline = Pipeline(settings=settings)
        # through ingest as in production (mojibake repaired, non-English skipped), keeping each row's id
        items = [article_from_text(r["text"], id=str(r.get("id", i)), published=_date(r.get("date")))
                 for i, r in enumerate(rows)]
        fired = {res.article.id: police_labels(res) for res in pipeline.code_many(items)}
        ids = iter(item.id for item in items)
        report = evaluate_sentences(rows, lambda _text: fired[next(ids)])
        print(json.dumps(report, indent=2))
        return 0
    gold = load_gold(list(gold_paths))
    if pred is not None:
        predictions = load_predictions([pred])
    else:
        pipeline = Pipeline(settings=settings)
        predictions = {r.article.id: r.to_dict() for r in pipeline.code_many(gold_articles(gold))}
    report = evaluate(gold, predictions, gazetteer=default_gazetteer())
    if details:
        for article in report.per_article:
            if article.notes:
                print(f"== {article.id}: gold {article.gold_events}, predicted {article.predicted_events}, "
                      f"matched {article.matched_events}")
                print("\n".join(f"   {note}" for note in article.notes))
    if as_json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        print(report.table())
        print(json.dumps(report.to_json()))
    if check_floors:
        failed = floors_failed(report, load_floors())
        if failed:
            print("below floor: " + ", ".join(failed), file=sys.stderr)
            return 1
    return 0
