"""Verbal interactions (PLOVER statements) of a sentence, with source and target named as actors."""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from ..extract.claims import find_attribution
from ..extract.statements import find_statements
from ..records import Span, Statement, content_id
from .context import Context
from .roles import actor_name

__all__ = ["LastSpeaker", "distinct_statements", "sentence_statements", "speaker_resolver"]


class LastSpeaker:
    """The last speaker named in the sentences read so far ("he said" continues it).

    The sentences' attributions are looked up when a statement asks, not as each sentence is read: most articles
    never ask."""

    def __init__(self, sentences: list[SpacySpan]) -> None:
        self._sentences = sentences
        self._read = 0  # sentences whose attribution has been looked up
        self._done = 0  # sentences read so far
        self._named: tuple[str, Span] | None = None

    def sentence_done(self) -> None:
        self._done += 1

    def __call__(self) -> tuple[str, Span] | None:
        while self._read < self._done:
            attribution = find_attribution(self._sentences[self._read])
            self._read += 1
            if attribution and attribution.claimant.lower() not in ("he", "she", "they", "it", "i", "we"):
                self._named = (attribution.claimant, attribution.span)
        return self._named


def speaker_resolver(ctx: Context, last_speaker: LastSpeaker):
    def speaker(sentence: SpacySpan) -> tuple[str, Span] | None:
        attribution = find_attribution(sentence)
        if attribution and attribution.claimant.lower() not in ("he", "she", "they", "i", "we"):
            return attribution.claimant, attribution.span
        return last_speaker()
    return speaker


def sentence_statements(ctx: Context, sentence: SpacySpan, speaker) -> list[Statement]:
    if ctx.sport:
        return []  # "conceded a corner", "denied his effort", "hosted Newcastle": match reports, not politics
    text = ctx.article.text
    statements = []
    for mention in find_statements(sentence, speaker=speaker):
        source = actor_name(ctx, mention.source)
        target = actor_name(ctx, mention.target)
        statements.append(Statement(
            id=content_id(ctx.article.id, "statement", mention.evidence_span.start, mention.trigger.i, mention.type),
            type=mention.type, cameo=mention.cameo, source=source, target=target,
            evidence=mention.evidence_span.text(text), evidence_span=mention.evidence_span,
            source_span=mention.source[1] if mention.source else None,
            target_span=mention.target[1] if mention.target else None, trigger=mention.trigger.text,
        ))
    return statements


def distinct_statements(statements: list[Statement]) -> list[Statement]:
    """One statement per thing said: a headline and the lede that repeats it (same type, source, target and
    trigger word) are one statement, reported at its fullest sentence."""
    best: dict[tuple, Statement] = {}
    order: list[tuple] = []
    for statement in statements:
        key = (statement.type, statement.source, statement.target, statement.trigger.lower()[:5])
        kept = best.get(key)
        if kept is None:
            order.append(key)
            best[key] = statement
        elif len(statement.evidence.strip()) > len(kept.evidence.strip()):
            best[key] = statement
    return [best[key] for key in order]
