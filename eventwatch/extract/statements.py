"""Verbal interactions (PLOVER types with CAMEO codes) from the parse: "X accused Y of ...", "X denied ...",
"X called on Y to ...", "X threatened to ...", "X and Y signed ...".

The source is the grammatical subject of the trigger verb (or the speaker of the quote it sits in); the target is
its object, or the object of "of/on/against/to/with". Negated triggers ("did not accuse") make no statement.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..nlp import doc_text
from ..records import Span

__all__ = ["StatementMention", "find_statements"]

_TARGET_PREPS = {"of", "on", "against", "to", "with", "at", "for"}


@dataclass(frozen=True)
class StatementMention:
    type: str
    cameo: str | None
    trigger: Token
    source: tuple[str, Span] | None
    target: tuple[str, Span] | None
    evidence_span: Span


@lru_cache(maxsize=1)
def _lexicon() -> dict[tuple[str, ...], tuple[str, str | None]]:
    table: dict[tuple[str, ...], tuple[str, str | None]] = {}
    with resources.files("eventwatch.data").joinpath("statement_triggers.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            phrase, plover, cameo = (line.rstrip("\n").split("\t") + [""])[:3]
            table[tuple(phrase.split())] = (plover, cameo or None)
    return table


def _lemma(token: Token) -> str:
    return token.lemma_.lower() or token.lower_


def _np(token: Token) -> tuple[str, Span]:
    left = token.left_edge
    right = token
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "punct", "cc", "conj", "advcl", "appos"):
            break
        right = child.right_edge
    doc = token.doc
    start, end = left.idx, right.idx + len(right.text)
    text = doc_text(doc)[start:end]
    for det in ("the ", "The ", "a ", "an "):
        if text.startswith(det) and len(text) > len(det) + 2:
            start += len(det)
            break
    return doc_text(doc)[start:end], Span(start, end)


def _subject(token: Token, sentence: SpacySpan, speaker: Callable[[SpacySpan], tuple[str, Span] | None]) -> tuple[str, Span] | None:
    current = token
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subj = subjects[0]
            if subj.lower_ in ("we", "i", "us"):
                return speaker(sentence)
            return _np(subj)
        if current.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp") and current.head is not current:
            current = current.head
            continue
        break
    return speaker(sentence)


def _target(token: Token) -> tuple[str, Span] | None:
    for child in token.children:
        if child.dep_ in ("dobj", "dative", "iobj") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            if child.lower_ in ("it", "this", "that", "them"):
                continue
            return _np(child)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and grandchild.pos_ in ("NOUN", "PROPN"):
                    return _np(grandchild)
    return None


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def find_statements(
    sentence: SpacySpan,
    *,
    speaker: Callable[[SpacySpan], tuple[str, Span] | None],
) -> list[StatementMention]:
    """Statements in one sentence. ``speaker`` names who is talking when the subject is "we"/"I" or missing."""
    lexicon = _lexicon()
    found: list[StatementMention] = []
    seen_types: set[tuple[str, str | None]] = set()
    tokens = list(sentence)
    for i, token in enumerate(tokens):
        if token.pos_ not in ("VERB", "NOUN"):
            continue
        lemma = _lemma(token)
        entry = None
        for length in (3, 2, 1):
            key = tuple([lemma] + [_lemma(t) for t in tokens[i + 1:i + length]])
            if len(key) == length and key in lexicon:
                entry = lexicon[key]
                break
        if entry is None or _negated(token):
            continue
        plover, cameo = entry
        if token.pos_ == "NOUN" and plover not in ("COOPERATE", "THREATEN"):
            continue
        if plover == "SUPPORT" and lemma == "back" and not any(c.dep_ == "dobj" for c in token.children):
            continue
        if plover == "AGREE" and lemma == "sign" and not any(
            c.dep_ == "dobj" and _lemma(c) in ("agreement", "deal", "accord", "protocol", "treaty", "ceasefire", "truce", "pact", "memorandum")
            for c in token.children
        ):
            continue
        if plover == "CONSULT" and lemma in ("talk", "brief") and token.pos_ != "VERB":
            continue
        source = _subject(token, sentence, speaker)
        if (plover, source[0] if source else None) in seen_types:
            continue
        seen_types.add((plover, source[0] if source else None))
        target = _target(token)
        found.append(StatementMention(plover, cameo, token, source, target,
                                      Span(sentence.start_char, sentence.end_char)))
    return found
