"""Attribution: who asserts what a sentence reports.

News attributes facts with a small set of constructions, all read here from the parse of one sentence:
"X said (that) ...", "..., X said.", "X told Reuters", "according to X", "X reported", "citing X" (the cited
source is the claimant: "Al Arabiya reported, citing Syrian authorities" -> Syrian authorities).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..nlp import doc_text
from ..records import Span

__all__ = ["Attribution", "find_attribution", "REPORTING_VERBS"]

REPORTING_VERBS = {
    "say", "tell", "report", "claim", "state", "announce", "confirm", "add", "estimate", "put", "quote",
    "allege", "insist", "declare", "note", "explain", "show", "reveal", "indicate", "write", "tweet", "post",
    "count", "record", "document", "accuse", "blame", "warn", "deny", "describe", "contend", "maintain",
}
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;:()\"“”]+?)(?=\s*(?:[,.;:()\"“”]|$|\bwho\b|\bwhich\b))", re.IGNORECASE)
_CITING = re.compile(r"\bciting\s+(?P<who>[^,.;:()\"“”]+?)(?=\s*(?:[,.;:()\"“”]|$))", re.IGNORECASE)
_QUOTE_TRAIL = re.compile(r"[\"”]\s*,?\s*(?P<who>[A-Z][^,.;\"“”]{1,60}?)\s+(?:said|says|told|added|reported)\b")


@dataclass(frozen=True)
class Attribution:
    claimant: str
    span: Span


def _phrase(token: Token) -> tuple[int, int]:
    """Character extent of a noun phrase headed by ``token`` (its subtree, trimmed of relative clauses)."""
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "advcl", "punct", "cc", "conj", "appos") or child.lower_ in (",", "who"):
            break
        right = child.right_edge.i
    doc = token.doc
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners and surrounding spaces from a claimant phrase."""
    piece = text[start:end]
    lead = re.match(r"\s*(?:the|a|an)\s+", piece, re.IGNORECASE)
    if lead and end - start - lead.end() > 2:
        start += lead.end()
    while end > start and text[end - 1] in " ,":
        end -= 1
    return start, end


def find_attribution(sentence: SpacySpan) -> Attribution | None:
    """The claimant of a sentence, or None when the sentence states facts in the outlet's own voice."""
    doc = sentence.doc
    text = doc_text(doc)
    base = sentence.start_char
    sent_text = sentence.text
    citing = _CITING.search(sent_text)
    if citing:
        start, end = _trim(text, base + citing.start("who"), base + citing.end("who"))
        return Attribution(text[start:end], Span(start, end))
    according = _ACCORDING.search(sent_text)
    if according:
        start, end = _trim(text, base + according.start("who"), base + according.end("who"))
        return Attribution(text[start:end], Span(start, end))
    best: Token | None = None
    for token in sentence:
        lemma = token.lemma_.lower() or token.lower_
        if lemma in REPORTING_VERBS and token.pos_ in ("VERB", "AUX"):
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects and subjects[0].lower_ not in ("it", "this", "that", "which", "there"):
                if best is None or token.dep_ == "ROOT":
                    best = subjects[0]
    if best is not None:
        if best.lower_ in ("he", "she", "they", "i", "we"):
            return Attribution(best.text, Span(best.idx, best.idx + len(best.text)))
        start, end = _trim(text, *_phrase(best))
        return Attribution(text[start:end], Span(start, end))
    trail = _QUOTE_TRAIL.search(sent_text)
    if trail:
        start, end = _trim(text, base + trail.start("who"), base + trail.end("who"))
        return Attribution(text[start:end], Span(start, end))
    return None
