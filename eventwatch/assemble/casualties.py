"""Casualty and arrest figures: which draft event a sentence's counts belong to, each figure as a claim with
its claimant, and the event's fatality/injury range from its claims.

The range follows the README: every figure stays a claim; the event's range runs from the lowest stated minimum
to the highest stated maximum (open when some claim's minimum exceeds it); a later "death toll rose to N" replaces earlier totals; figures the text calls
initial or earlier give way to the others; "another N died" adds to the total. Sub-group figures never reach here.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span as SpacySpan

from ..extract.claims import Attribution, claimant_for, is_background_figure
from ..extract.quantities import Count
from ..nlp import doc_text, span_text
from ..records import Claim, Quantity, Span
from .context import Context
from .drafts import Draft

__all__ = ["attach_counts", "casualty_range", "draft_claims"]

# A sentence that only gives figures ("More than 40 people were killed and 100 wounded.") continues the event
# reported just before it when it follows within this many characters.
_CONTINUATION_CHARS = 600
_CONTINUED = ("killed", "injured", "missing")
_HEADING_END = re.compile(r"[.!?:;\"”’')]\s*$")
# "the attack comes two weeks after", "came just days after": background on an earlier event follows
_COMES_AFTER = re.compile(r"\b(?:comes?|came|coming)\s+(?:(?:just|only|barely|a|an|one|two|three|four|five|six|"
                          r"several|few|\d+|days?|weeks?|months?|hours?)\s+){0,3}(?:after|since)\b", re.IGNORECASE)
# "a second official confirmed the death toll", "giving the same toll as the governor": a speaker repeating the toll
_RESTATED = re.compile(r"\b(?:confirm(?:ed|s|ing)?|gave|gives|giving|repeated|repeating|cited|citing)\s+"
                       r"(?:the|this|that)\s+(?:same\s+)?(?:(?:death|casualty)\s+)?(?:toll|figure|tally)\b", re.IGNORECASE)


def attach_counts(drafts: list[Draft], counts: list[Count], attribution: Attribution | None, sentence: SpacySpan,
                  *, aggregate: bool, previous: Draft | None = None) -> None:
    """Casualty counts of a sentence go to its violent event (or its arrest event for arrest counts); a sentence
    without an event of its own gives its killed/injured/missing figures to ``previous``, the event just before.
    A sentence that only restates the toll with a new speaker ("a second official confirmed the toll") gives
    that speaker the latest death toll of ``previous``."""
    if aggregate:
        return
    if attribution is not None and previous is not None and not any(c.about == "killed" for c in counts) \
            and _continues(previous, sentence):
        restated = _restated(previous, sentence)
        violent = _violent(drafts)
        if violent:  # the sentence's own mention refers back to the event whose toll it repeats
            violent[0].counts.extend((count, attribution, sentence) for count in restated)
        else:
            counts = restated + counts
    if not drafts:
        if previous is not None and _continues(previous, sentence):
            for count in counts:
                if count.about in _CONTINUED and not count.subgroup:
                    previous.counts.append((count, attribution, sentence))
        return
    for count in counts:
        if count.subgroup:
            continue
        if count.about == "arrested":
            target = next((d for d in drafts if d.sub_event_type in ("Arrests", "Protest with intervention")), None)
        elif count.about == "bodies_found":
            target = next((d for d in drafts if d.sub_event_type == "Other"), None)
        else:
            violent = _violent(drafts)
            if not violent:
                continue
            # deaths go to the act of force of the sentence rather than to the crowd it was used on ("police opened
            # fire on rioters, killing 12"), then to the trigger closest to the count by characters
            target = min(violent, key=lambda d: (_crowd_only(d), abs(sentence.doc[d.hit.start].idx - count.span.start)))
        if target is not None:
            target.counts.append((count, attribution, sentence))


def _crowd_only(draft: Draft) -> bool:
    """A riot or protest event that is not itself the use of force against the crowd."""
    return draft.event_type == "Riots" or (draft.event_type == "Protests"
                                          and draft.sub_event_type != "Excessive force against protesters")


def _violent(drafts: list[Draft]) -> list[Draft]:
    return [d for d in drafts if d.event_type != "Strategic developments" or d.sub_event_type == "Looting/property destruction"]


def _restated(previous: Draft, sentence: SpacySpan) -> list[Count]:
    """The latest death toll of ``previous`` as this sentence's own count when the sentence only repeats it
    ("confirmed the death toll", "giving the same toll as ..."), spanning the words that repeat it."""
    said = _RESTATED.search(span_text(sentence))
    if said is None:
        return []
    tolls = [count for count, _, _ in previous.counts if count.about == "killed" and not count.subgroup
             and not count.initial and not count.additional]
    if not tolls:
        return []
    latest = max(tolls, key=lambda count: count.span.start)
    span = Span(sentence.start_char + said.start(), sentence.start_char + said.end())
    return [replace(latest, quantity=replace(latest.quantity, span=span), span=span, toll_update=False)]


def _continues(previous: Draft, sentence: SpacySpan) -> bool:
    if previous.modality != "asserted" or (previous.event_type == "Strategic developments"
                                           and previous.sub_event_type != "Disrupted weapons use"):
        return False
    last = max([previous.sentence.end_char] + [s.end_char for _, _, s in previous.counts])
    return 0 <= sentence.start_char - last <= _CONTINUATION_CHARS and not _is_heading(sentence)


def _is_heading(sentence: SpacySpan) -> bool:
    """A headline or crosshead: a line of its own without closing punctuation."""
    text = doc_text(sentence.doc)
    follows = text[sentence.end_char:sentence.end_char + 1]
    return not _HEADING_END.search(span_text(sentence)) and follows in ("\n", "")


def draft_claims(ctx: Context, draft: Draft) -> tuple[list[Claim], list[Count]]:
    """Each count attached to the draft as a Claim (claimant, claimant type, figure, quote), with its Count.

    The same figure from the same claimant is kept once, and a headline's figure gives way to the body's."""
    article = ctx.article
    text = article.text
    sentences = ctx.sentences if draft.counts else []
    starts = {s.start_char: i for i, s in enumerate(sentences)}
    rows: list[tuple[Claim, Count, bool]] = []
    seen: set[tuple[str, str, int | None, int | None]] = set()
    for count, _, sentence in draft.counts:
        if sentence.start_char != draft.sentence.start_char and _earlier_event_figure(count, sentence):
            continue
        attribution = claimant_for(sentences, starts[sentence.start_char]) if sentence.start_char in starts else None
        if attribution is not None and is_background_figure(sentence, count.span.start, attribution.span):
            attribution = None  # the speaker blames; the toll of the attack blamed is the outlet's
        if attribution:
            attribution, claimant_type = _claimant(ctx, attribution)
            claimant, claimant_span = attribution.claimant, attribution.span
        else:
            claimant = article.outlet or "unattributed report"
            claimant_span = None
            claimant_type = "media"
        key = (claimant.lower(), count.about, count.quantity.min, count.quantity.max)
        if any(_same_source(key, other) for other in seen):
            continue
        seen.add(key)
        sent_span = Span(sentence.start_char, sentence.end_char)
        claim = Claim(claimant, claimant_type, count.about, count.quantity.min, count.quantity.max,
                      count.quantity.approximate, sent_span.text(text), sent_span, claimant_span)
        rows.append((claim, count, _is_heading(sentence)))
    body_about = {claim.about for claim, _, heading in rows if not heading}
    kept = [(claim, count) for claim, count, heading in rows if not (heading and claim.about in body_about)]
    return [claim for claim, _ in kept], [count for _, count in kept]


def _earlier_event_figure(count: Count, sentence: SpacySpan) -> bool:
    """"The blast comes two weeks after bombings in the city killed 44 people": a toll inside the clause that
    places the event after an earlier one belongs to that earlier event, not to the one this sentence refers back to."""
    after = _COMES_AFTER.search(span_text(sentence))
    return after is not None and count.span.start >= sentence.start_char + after.end()


def _same_source(a: tuple[str, str, int | None, int | None], b: tuple[str, str, int | None, int | None]) -> bool:
    """The same figure from the same source named twice: "state military police" and later "the military police",
    "Jane Doe" and "Doe"."""
    if a[1:] != b[1:]:
        return False
    short, long = sorted((a[0], b[0]), key=len)
    return short == long or long.endswith(" " + short)


def _claimant(ctx: Context, attribution: Attribution) -> tuple[Attribution, str]:
    """The claimant of a figure and its type. "X said, citing Y" gives Y's figure when X is a news outlet passing
    it on, but X's own when X compiled it from what it cites (a monitoring group "citing survivors")."""
    claimant_type = _claimant_type(ctx, attribution)
    relay = attribution.relayed_by
    if relay is not None and relay.claimant.lower() not in _PRONOUNS:
        relay_type = _claimant_type(ctx, relay)
        if relay_type not in ("media", "unknown"):
            return relay, relay_type
    return attribution, claimant_type


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


def _claimant_type(ctx: Context, attribution: Attribution) -> str:
    if attribution.described:
        described = ctx.actors.claimant_type(attribution.described, focus_country=ctx.country)
        if described != "unknown":
            return described
    claimant_type = ctx.actors.claimant_type(attribution.claimant, focus_country=ctx.country)
    if claimant_type == "unknown" and _private_person(ctx, attribution):
        return "witnesses"
    return claimant_type


def _private_person(ctx: Context, attribution: Attribution) -> bool:
    """A person named without any title or affiliation. News style names officials, spokespeople and fighters
    with their role at first mention; someone quoted by name alone is a resident, survivor or relative."""
    if attribution.described:
        return False
    words = attribution.claimant.split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    span = attribution.span
    persons = [e for e in ctx.doc.ents if e.label_ == "PERSON"]
    if not any(e.start_char <= span.start and span.end <= e.end_char for e in persons):
        return False
    # every mention of the person (by surname) must lack a title before it
    for ent in persons:
        if ent.text.split()[-1] != words[-1]:
            continue
        before = ctx.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.pos_ == "NOUN" and before.text[:1].islower():
            return False  # "police chief Jane Doe", "spokesman John Smith"
    return True


def casualty_range(claims: list[Claim], counts: list[Count], about: str) -> Quantity | None:
    """The event's range for ``about`` from its claims (see the module docstring for the rule)."""
    relevant = sorted(((c, k) for c, k in zip(claims, counts) if c.about == about), key=lambda p: p[1].span.start)
    if not relevant:
        return None
    current = [(c, k) for c, k in relevant if not k.initial] or relevant
    base = [(c, k) for c, k in current if not k.additional]
    extra = [(c, k) for c, k in current if k.additional]
    updates = [i for i, (_, k) in enumerate(base) if k.toll_update]
    if updates:
        base = base[updates[-1]:]  # the latest "toll rose to N" and what is said after it
        extra = [(c, k) for c, k in extra if k.span.start > base[0][1].span.start]
    if not base:
        base, extra = extra, []
    mins = [c.min for c, _ in base if c.min is not None]
    maxes = [c.max for c, _ in base if c.max is not None]
    low = min(mins) if mins else None
    high = max(maxes) if maxes else None
    if high is not None and mins and high < max(mins):
        high = None  # a claim's minimum above every stated maximum leaves the top open
    if extra:
        low = None if low is None else low + sum(c.min or 0 for c, _ in extra)
        high = None if high is None or any(c.max is None for c, _ in extra) else high + sum(c.max or 0 for c, _ in extra)
    span = base[0][1].span
    return Quantity(low, high, approximate=any(c.approximate for c, _ in base + extra), span=span)
