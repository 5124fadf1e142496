"""Who did what to whom: actor1 and actor2 of a draft event from the parse, then ACLED defaults."""
from __future__ import annotations

from spacy.tokens import Token

from ..extract.claims import Attribution
from ..records import Actor, Span
from .context import Context
from .drafts import Draft, head_token

__all__ = ["actor_for", "actor_name", "finish_actors"]


def _role_spans(head: Token) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character ranges of the agent side and the patient side of a trigger, from the parse."""
    agents: list[tuple[int, int]] = []
    patients: list[tuple[int, int]] = []
    verb = head
    if head.pos_ == "NOUN" and head.dep_ in ("dobj", "nsubj", "pobj", "attr") and head.head.pos_ == "VERB":
        verb = head.head
    for child in verb.children:
        extent = (child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text))
        if child.dep_ == "nsubj":
            agents.append(extent)
        elif child.dep_ in ("nsubjpass", "dobj"):
            patients.append(extent)
        elif child.dep_ == "agent":
            agents.append(extent)
        elif child.dep_ == "prep" and child.lower_ in ("on", "against", "at", "targeting"):
            patients.append(extent)
    for child in head.children:
        extent = (child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text))
        if child.dep_ == "prep" and child.lower_ in ("by",):
            agents.append(extent)
        elif child.dep_ == "prep" and child.lower_ in ("on", "against", "targeting"):
            patients.append(extent)
        elif child.dep_ == "prep" and child.lower_ == "between":
            agents.append(extent)
        elif child.dep_ in ("compound", "amod", "poss") and child.pos_ in ("PROPN", "NOUN", "ADJ"):
            agents.append(extent)
    return agents, patients


def _inside(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= span.start and span.end <= end for start, end in ranges)

def actor_for(ctx: Context, draft: Draft, attribution: Attribution | None) -> None:
    head = head_token(ctx.doc, draft.hit)
    agents, patients = _role_spans(head)
    mentions = [m for m in ctx.actors_in(draft.sentence)
                if not (attribution and attribution.span.overlaps(m.span))]
    for mention in mentions:
        if draft.actor1 is None and _inside(mention.span, agents):
            draft.actor1 = (mention.actor, mention.span)
        elif draft.actor2 is None and _inside(mention.span, patients):
            draft.actor2 = (mention.actor, mention.span)
    if draft.actor1 is None and draft.actor2 is None and mentions:
        trigger_at = ctx.doc[draft.hit.start].idx
        before = [m for m in mentions if m.span.start < trigger_at]
        after = [m for m in mentions if m.span.start >= trigger_at]
        if before:
            draft.actor1 = (before[-1].actor, before[-1].span)
        if after and draft.event_type not in ("Protests", "Riots"):
            draft.actor2 = (after[0].actor, after[0].span)


def _role_of(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return {1: "state", 2: "rebels", 3: "militia", 4: "militia", 5: "rioters", 6: "protesters", 7: "civilians", 8: "external"}.get(actor.inter or 0)


def finish_actors(ctx: Context, draft: Draft, country: str | None) -> None:
    generic = ctx.actors.generic
    a1 = draft.actor1[0] if draft.actor1 else None
    a2 = draft.actor2[0] if draft.actor2 else None
    victims_role = {"military": "military", "police": "police", "civilians": "civilians", "protesters": "protesters",
                    "armed": "unidentified_armed"}.get(draft.victims or "")
    if draft.event_type == "Protests":
        protesters = generic("protesters", country)
        if draft.sub_event_type == "Excessive force against protesters":
            force = a1 if a1 and a1.inter == 1 else (a2 if a2 and a2.inter == 1 else generic("military", country))
            draft.actor1, draft.actor2 = (force, draft.actor1[1] if draft.actor1 and a1 is force else None), (protesters, None)
        else:
            draft.actor1 = (protesters, draft.actor1[1] if draft.actor1 and a1 and a1.inter == 6 else None)
            if draft.sub_event_type == "Protest with intervention" and not (a2 and a2.inter == 1):
                draft.actor2 = (generic("police", country), None)
            elif draft.sub_event_type == "Peaceful protest":
                draft.actor2 = None
        return
    if draft.event_type == "Riots":
        if not (a1 and a1.inter == 5):
            draft.actor1 = (generic("rioters", country), None)
        return
    if draft.sub_event_type == "TERRITORY":
        draft.sub_event_type = "Government regains territory" if a1 and a1.inter == 1 else "Non-state actor overtakes territory"
    if draft.event_type == "Violence against civilians":
        if a2 is None or a2.inter != 7:
            draft.actor2 = (generic("civilians", country), None)
        if a1 is None or a1.inter == 7:
            draft.actor1 = (generic("unidentified_armed", country), None)
        return
    if draft.sub_event_type == "Arrests" and a1 is None:
        draft.actor1 = (generic("police", country), None)
    if draft.sub_event_type == "Change to group/activity" and (a1 is None or a1.inter == 1):
        draft.actor1 = (generic("defectors", country), draft.actor1[1] if draft.actor1 else None)
    if draft.event_type == "Explosions/Remote violence" and a1 is None:
        role = "military" if draft.sub_event_type in ("Air/drone strike",) else "unidentified_armed"
        draft.actor1 = (generic(role, country), None)
    if draft.event_type in ("Explosions/Remote violence", "Battles") and draft.actor2 is None and victims_role:
        victim = generic(victims_role, country)
        if not draft.actor1 or victim.name != draft.actor1[0].name:
            draft.actor2 = (victim, None)
    if draft.event_type == "Battles" and draft.actor1 is None:
        draft.actor1 = (generic("unidentified_armed", country), None)


def actor_name(ctx: Context, phrase: tuple[str, Span] | None) -> str | None:
    if phrase is None:
        return None
    text, span = phrase
    inside = [m for m in ctx.actor_mentions if span.start <= m.span.start and m.span.end <= span.end]
    if inside:
        return inside[0].actor.name
    return text
