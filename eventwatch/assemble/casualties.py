"""Casualty and arrest figures: which draft event a sentence's counts belong to, each figure as a claim with
its claimant, and the event's fatality/injury range from its claims."""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from ..extract.claims import Attribution
from ..extract.quantities import Count
from ..records import Claim, Quantity, Span
from .context import Context
from .drafts import Draft

__all__ = ["attach_counts", "casualty_range", "draft_claims"]


def attach_counts(drafts: list[Draft], counts: list[Count], attribution: Attribution | None, sentence: SpacySpan,
                   *, aggregate: bool) -> None:
    """Casualty counts of a sentence go to its violent event (or its arrest event for arrest counts)."""
    if aggregate or not drafts:
        return
    for count in counts:
        if count.subgroup:
            continue
        if count.about == "arrested":
            target = next((d for d in drafts if d.sub_event_type in ("Arrests", "Protest with intervention")), None)
        elif count.about == "bodies_found":
            target = next((d for d in drafts if d.sub_event_type == "Other"), None)
        else:
            violent = [d for d in drafts if d.event_type not in ("Strategic developments",) or d.sub_event_type == "Looting/property destruction"]
            target = min(violent, key=lambda d: abs(d.hit.start - count.span.start), default=None) if violent else None
            if target is None:
                continue
            # the count closest to the trigger by characters
            target = min(violent, key=lambda d: abs(sentence.doc[d.hit.start].idx - count.span.start))
        if target is not None:
            target.counts.append((count, attribution, sentence))


def draft_claims(ctx: Context, draft: Draft) -> tuple[list[Claim], list[Count]]:
    """Each count attached to the draft as a Claim (claimant, claimant type, figure, quote), with its Count."""
    article = ctx.article
    text = article.text
    claims: list[Claim] = []
    used_counts: list[Count] = []
    for count, attribution, sentence in draft.counts:
        if attribution:
            claimant, claimant_span = attribution.claimant, attribution.span
            claimant_type = ctx.actors.claimant_type(claimant, focus_country=ctx.country)
        else:
            claimant = article.outlet or "unattributed report"
            claimant_span = None
            claimant_type = "media"
        sent_span = Span(sentence.start_char, sentence.end_char)
        claims.append(Claim(claimant, claimant_type, count.about, count.quantity.min, count.quantity.max,
                            count.quantity.approximate, sent_span.text(text), sent_span, claimant_span))
        used_counts.append(count)
    return claims, used_counts


def casualty_range(claims: list[Claim], counts: list[Count], about: str) -> Quantity | None:
    relevant = [(c, k) for c, k in zip(claims, counts) if c.about == about]
    if not relevant:
        return None
    updates = [(c, k) for c, k in relevant if k.toll_update]
    if updates:
        relevant = updates[-1:]
    mins = [c.min for c, _ in relevant if c.min is not None]
    maxes = [c.max for c, _ in relevant]
    low = min(mins) if mins else None
    high = None if any(m is None for m in maxes) or not maxes else max(m for m in maxes if m is not None)
    if low is not None and high is not None and high < low:
        high = None
    span = relevant[0][1].span
    return Quantity(low, high, approximate=any(c.approximate for c, _ in relevant), span=span)
