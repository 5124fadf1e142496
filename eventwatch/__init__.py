"""eventwatch: news reports of political violence and unrest -> sourced, geolocated ACLED/CAMEO/PLOVER records.

>>> import eventwatch
>>> result = eventwatch.code_text("Gunmen killed 12 villagers in Borno state on Friday.", published="2015-06-10")
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator

from .errors import ConfigError, EventwatchError
from .pipeline import Pipeline
from .records import Article, Event, Result, Skipped, Statement, content_id

__all__ = ["code_text", "code_articles", "Pipeline", "Article", "Result", "Event", "Statement", "Skipped",
           "EventwatchError"]
__version__ = "0.1.0"

_DEFAULT: Pipeline | None = None


def _default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"published={value!r} is not a date", hint="use YYYY-MM-DD") from exc


def code_text(text: str, *, published: str | dt.date | None = None, id: str | None = None,
              title: str | None = None, outlet: str | None = None, url: str | None = None,
              pipeline: Pipeline | None = None) -> Result:
    """Code one article given as plain text."""
    from .ingest import article_from_text

    item = article_from_text(text, id=id, published=_as_date(published), title=title, outlet=outlet, url=url)
    return (pipeline or _default_pipeline()).code(item)


def code_articles(items: Iterable[Article | Skipped], *, pipeline: Pipeline | None = None,
                  batch_size: int | None = None, n_process: int | None = None) -> Iterator[Result]:
    """Code many articles (``nlp.pipe`` batching); one Result per input, in order."""
    return (pipeline or _default_pipeline()).code_many(items, batch_size=batch_size, n_process=n_process)
