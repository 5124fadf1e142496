"""Mentions -> one Event per real event in the article.

Per sentence: trigger hits are grouped into events by ACLED decision rules (an explosion that kills is one
Explosions event, not an explosion plus a killing; killed protesters make "Excessive force against protesters";
clashes and a bombing in one sentence stay two events). Across sentences, a later mention merges into an earlier
event when it refers back ("the blast", "the attack") or agrees on type, place and date, so each real event is
reported once with all its casualty claims.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Protocol, Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .extract.claims import Attribution, find_attribution
from .extract.modality import is_aggregate_toll, trigger_modality
from .extract.quantities import Count, find_counts, victim_category
from .extract.statements import find_statements
from .extract.triggers import TriggerHit, acled_cameo, find_triggers
from .nlp import doc_text
from .records import (
    Actor, ActorMention, Article, Claim, Event, PlaceMention, Quantity, Span, Statement, content_id,
)
from .resolve.dates import SAME_DAY, DateMention, find_dates

__all__ = ["assemble", "ActorLookup", "PlaceLookup"]


class PlaceLookup(Protocol):
    def country_focus(self, text: str, *, title: str | None = None,
                      candidates: Sequence[tuple[int, int, str]] = ()) -> list[str]: ...

    def find(self, text: str, *, candidates: Sequence[tuple[int, int, str]] = (),
             focus: Sequence[str] = ()) -> list[PlaceMention]: ...


class ActorLookup(Protocol):
    def find(self, text: str, *, focus_country: str | None = None) -> list[ActorMention]: ...

    def generic(self, role: str, country: str | None) -> Actor: ...

    def government(self, country: str | None) -> Actor: ...

    def claimant_type(self, phrase: str, *, focus_country: str | None = None) -> str: ...


_NON_CONFLICT = re.compile(
    r"\b(?:accident|crash(?:ed|es)?|collid\w+|drown\w*|flood\w*|earthquake|landslide|cholera|outbreak|disease|epidemic|"
    r"pandemic|covid|coronavirus|virus|malaria|heatwave|cyclone|hurricane|typhoon|wildfire|stampede|"
    r"goals?|penalt(?:y|ies)|league|striker|midfielder|goalkeeper|tournament|championship|scored|fixture|"
    r"cup final|semi-final|quarter-final|innings|wicket|stocks?|shares|investors|earnings|quarterly|box office|"
    r"training exercise|military exercise|military training|training accident|drills?)\b",
    re.IGNORECASE,
)
_SPORT = re.compile(
    r"\b(?:goals?|penalt(?:y|ies)|league|striker|midfielder|goalkeeper|defender|tournament|championship|scored|"
    r"fixture|kick-off|coach|manager|season|match|matches|cup|club|fans|stadium|referee|squad|innings|wickets?)\b",
    re.IGNORECASE,
)
# A weapon word alone ("artillery", "rockets") is an event only with a verb of use or a casualty figure.
_WEAPON_USE = re.compile(
    r"\b(?:fired?|firing|hit|hits|struck|strikes?|pound(?:ed|ing)?|launch(?:ed|es|ing)?|land(?:ed|ing)?|slamm(?:ed|ing)|"
    r"target(?:ed|ing)?|rain(?:ed|ing)?|shell(?:ed|ing)|bomb(?:ed|ing)|destroy(?:ed|ing)?|attack(?:ed|ing)?|kill(?:ed|ing)?|"
    r"wound(?:ed|ing)?|drop(?:ped|ping)?)\b",
    re.IGNORECASE,
)
_FILMING = re.compile(r"\b(?:video|film(?:ed)?|footage|photo(?:graph)?s?|movie|scene)\b", re.IGNORECASE)
_AIR_CONTEXT = re.compile(r"\b(?:warplanes?|jets?|aircraft|air force|helicopters?|drones?|planes?|aerial|air)\b", re.IGNORECASE)
_SHELL_CONTEXT = re.compile(r"\b(?:shells?|shelling|artillery|mortars?|rockets?|missiles?|tank fire)\b", re.IGNORECASE)
_SUICIDE_CONTEXT = re.compile(r"\bsuicide\b|\bblew (?:himself|herself|themselves) up\b", re.IGNORECASE)
_INTERVENTION = re.compile(
    r"\b(?:tear ?gas|water cannons?|rubber bullets?|batons?|disperse[ds]?|dispersing|baton-charged|beat(?:en|ing)?|"
    r"arrest(?:ed|s)?|detain(?:ed|s)?|stun grenades?|pepper spray|charged)\b",
    re.IGNORECASE,
)
_LETHAL = re.compile(r"\b(?:kill(?:ed|ing|s)?|shot dead|live (?:ammunition|fire|rounds)|opened fire|fired on|dead|died)\b", re.IGNORECASE)
_RIOT_CONTEXT = re.compile(r"\b(?:riot\w*|torched|set (?:fire|ablaze)|stones?|petrol bombs?|molotov|looted|vandali[sz]ed|burned cars)\b", re.IGNORECASE)
_ANAPHOR_DET = {"the", "this", "that", "these", "those", "its"}
_SPEAKER_PLACE = re.compile(r"\b(?:speaking|told|said|spoke|talking|interview\w*)\b[^.]{0,40}\bfrom\s*$|\bfrom\s*$", re.IGNORECASE)
_WEAK_ALONE = 0.6
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:as|while|after|when|but|and|before|amid)\b", re.IGNORECASE)


@dataclass
class _Draft:
    event_type: str
    sub_event_type: str
    modality: str
    sentence: SpacySpan
    hit: TriggerHit
    counts: list[tuple[Count, Attribution | None, SpacySpan]] = field(default_factory=list)
    place: PlaceMention | None = None
    date: DateMention | None = None
    actor1: tuple[Actor, Span | None] | None = None
    actor2: tuple[Actor, Span | None] | None = None
    anaphoric: bool = False
    indefinite: bool = False
    confidence: float = 0.5
    victims: str | None = None
    state_agent: bool = False


def _head(doc: Doc, hit: TriggerHit) -> Token:
    tokens = doc[hit.start:hit.end]
    for token in tokens:
        if token.head.i < hit.start or token.head.i >= hit.end or token.head is token:
            return token
    return tokens[-1]


def _is_anaphoric(token: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and (c.lower_ in _ANAPHOR_DET or c.ent_type_ == "DATE" or c.lower_.endswith("day"))
               for c in token.children)


def _is_indefinite(token: Token) -> bool:
    """"an explosion", "a bomb", "two blasts": a newly introduced event, not a reference back."""
    return token.pos_ == "NOUN" and any(
        (c.dep_ == "det" and c.lower_ in ("a", "an", "another")) or c.dep_ == "nummod" for c in token.children)


_REASON_PROTEST = re.compile(r"in protest (?:against|at|over|of)|as a protest", re.IGNORECASE)


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


class _Context:
    """Everything resolved once per article that the per-sentence rules consult."""

    def __init__(self, article: Article, doc: Doc, places: PlaceLookup, actors: ActorLookup) -> None:
        self.article = article
        self.doc = doc
        self.actors = actors
        entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        self.focus = places.country_focus(article.text, title=article.title, candidates=entities)
        self.country = self.focus[0] if self.focus else None
        self.actor_mentions = actors.find(article.text, focus_country=self.country)
        # A place name inside a person's name ("David Hartwell") or a named organisation ("SANA") is not a place.
        blocked = [Span(s, e) for s, e, label in entities if label == "PERSON" and " " in doc_text(doc)[s:e].strip()]
        blocked += [m.span for m in self.actor_mentions if m.actor.kind == "named"]
        self.places = [m for m in places.find(article.text, candidates=entities, focus=self.focus)
                       if m.place and not any(b.overlaps(m.span) for b in blocked)]
        self.sport = len(_SPORT.findall(article.text)) >= 3
        self.lede_date = self._lede_date()

    def _lede_date(self) -> DateMention | None:
        for sentence in list(self.doc.sents)[:3]:
            for mention in find_dates(sentence.text, published=self.article.published, offset=sentence.start_char):
                if mention.date and mention.relative and mention.precision == "day":
                    return mention
        return None

    def places_in(self, sentence: SpacySpan) -> list[PlaceMention]:
        return [m for m in self.places if sentence.start_char <= m.span.start < sentence.end_char]

    def actors_in(self, sentence: SpacySpan) -> list[ActorMention]:
        return [m for m in self.actor_mentions if sentence.start_char <= m.span.start < sentence.end_char]


def _explosion_subtype(hits: list[TriggerHit], text: str) -> str:
    subtypes = [h.explosion_subtype for h in hits if h.explosion_subtype]
    for preferred in ("Chemical weapon", "Suicide bomb", "Air/drone strike", "Grenade", "Shelling/artillery/missile attack"):
        if preferred in subtypes:
            return preferred
    if _SUICIDE_CONTEXT.search(text):
        return "Suicide bomb"
    if _AIR_CONTEXT.search(text) and re.search(r"\bbomb(?:ed|ing|s)?\b|\bstrikes?\b|\braids?\b", text, re.IGNORECASE):
        return "Air/drone strike"
    if _SHELL_CONTEXT.search(text):
        return "Shelling/artillery/missile attack"
    return "Remote explosive/landmine/IED"


def _sentence_drafts(ctx: _Context, sentence: SpacySpan, counts: list[Count]) -> list[_Draft]:
    doc = ctx.doc
    text = sentence.text
    hits = find_triggers(sentence)
    if not hits:
        return []
    non_conflict = bool(_NON_CONFLICT.search(text))
    aggregate = is_aggregate_toll(text)
    published = ctx.article.published
    by_modality: dict[str, list[TriggerHit]] = {}
    for hit in hits:
        if hit.entry.family == "EXPL:Air/drone strike" and hit.entry.phrase == ("strike",) and not _AIR_CONTEXT.search(text):
            continue
        modality = trigger_modality(sentence, _head(doc, hit), published=published)
        by_modality.setdefault(modality, []).append(hit)
    drafts: list[_Draft] = []
    for modality, group in by_modality.items():
        drafts.extend(_group_drafts(ctx, sentence, group, modality, counts, non_conflict=non_conflict, aggregate=aggregate))
    if "asserted" in by_modality:
        asserted_types = {d.event_type for d in drafts if d.modality == "asserted"}
        drafts = [d for d in drafts if d.modality == "asserted" or d.event_type not in asserted_types]
    return drafts


def _group_drafts(ctx: _Context, sentence: SpacySpan, hits: list[TriggerHit], modality: str, counts: list[Count],
                  *, non_conflict: bool, aggregate: bool) -> list[_Draft]:
    text = sentence.text
    families: dict[str, list[TriggerHit]] = {}
    for hit in hits:
        families.setdefault(hit.family, []).append(hit)
    lethal_counts = [c for c in counts if c.about in ("killed", "injured") and not c.subgroup]
    if aggregate:
        lethal_counts = []
    victims = next((victim_category(c.victim) for c in lethal_counts if victim_category(c.victim)), None)
    out: list[tuple[str, str, TriggerHit]] = []

    def strongest(name: str) -> TriggerHit:
        return max(families[name], key=lambda h: h.entry.weight)

    def usable(name: str) -> bool:
        if name not in families:
            return False
        weight = strongest(name).entry.weight
        if weight >= _WEAK_ALONE:
            return True
        if name == "EXPL" and _WEAPON_USE.search(text):
            return True
        if name == "PROTEST" and (_INTERVENTION.search(text) or any(
                ctx.doc[h.start].pos_ == "VERB" for h in families[name])):
            return True  # "marched", or protesters dispersed with tear gas
        return bool(lethal_counts and name in ("VIOLENCE", "EXPL", "BATTLE", "PROTEST"))

    if "VIOLENCE" in families and _FILMING.search(text):
        families["VIOLENCE"] = [h for h in families["VIOLENCE"] if h.entry.phrase[0] not in ("shoot", "shot")]
        if not families["VIOLENCE"]:
            families.pop("VIOLENCE")
    if non_conflict or ctx.sport:
        for name in ("VIOLENCE", "BATTLE", "TERRITORY"):
            families.pop(name, None)
        if "EXPL" in families and all(h.entry.weight < 1.0 for h in families["EXPL"]):
            families.pop("EXPL")
    if usable("PROTEST"):
        if usable("VIOLENCE") and (victims in (None, "protesters", "civilians") and _LETHAL.search(text)):
            out.append(("Protests", "Excessive force against protesters", strongest("PROTEST")))
        elif "RIOT" in families or "MOB" in families or _RIOT_CONTEXT.search(text):
            out.append(("Riots", "Violent demonstration", strongest("PROTEST")))
        elif _INTERVENTION.search(text):
            out.append(("Protests", "Protest with intervention", strongest("PROTEST")))
        else:
            out.append(("Protests", "Peaceful protest", strongest("PROTEST")))
        for consumed in ("VIOLENCE", "ARREST", "RIOT", "MOB", "BATTLE"):
            families.pop(consumed, None)
    if usable("EXPL"):
        out.append(("Explosions/Remote violence", _explosion_subtype(families["EXPL"], text), strongest("EXPL")))
        for consumed in ("VIOLENCE", "LOOT", "BODIES"):
            families.pop(consumed, None)
    if usable("TERRITORY"):
        out.append(("Battles", "TERRITORY", strongest("TERRITORY")))
        families.pop("BATTLE", None)
        families.pop("VIOLENCE", None)
    if usable("BATTLE"):
        out.append(("Battles", "Armed clash", strongest("BATTLE")))
        families.pop("VIOLENCE", None)
    if usable("ABDUCT"):
        out.append(("Violence against civilians", "Abduction/forced disappearance", strongest("ABDUCT")))
        if not lethal_counts:
            families.pop("VIOLENCE", None)
    if usable("SEXUAL"):
        out.append(("Violence against civilians", "Sexual violence", strongest("SEXUAL")))
    if usable("VIOLENCE"):
        if victims in ("military", "police", "armed"):
            out.append(("Battles", "Armed clash", strongest("VIOLENCE")))
        else:
            out.append(("Violence against civilians", "Attack", strongest("VIOLENCE")))
        families.pop("LOOT", None)
    if usable("MOB"):
        out.append(("Riots", "Mob violence", strongest("MOB")))
    elif usable("RIOT"):
        out.append(("Riots", "Violent demonstration", strongest("RIOT")))
    simple = {
        "ARREST": "Arrests", "DEFECT": "Change to group/activity", "DISRUPT": "Disrupted weapons use",
        "LOOT": "Looting/property destruction", "BASE": "Headquarters or base established",
    }
    for family, sub_type in simple.items():
        if usable(family):
            out.append(("Strategic developments", sub_type, strongest(family)))
    if "AGREE" in families and re.search(r"\b(?:sign(?:ed|s|ing)?|agreed|reached|brokered|accepted|struck)\b", text, re.IGNORECASE):
        out.append(("Strategic developments", "Agreement", strongest("AGREE")))
    if usable("TRANSFER") and re.search(r"\b(?:control|town|city|territory|district|area|base|positions?)\b", text, re.IGNORECASE):
        out.append(("Strategic developments", "Non-violent transfer of territory", strongest("TRANSFER")))
    if "BODIES" in families and re.search(r"\b(?:found|discovered|uncovered|unearthed|exhumed|recovered)\b", text, re.IGNORECASE):
        out.append(("Strategic developments", "Other", strongest("BODIES")))
    drafts = []
    for event_type, sub_type, hit in out:
        if aggregate and modality == "asserted" and hit.family in ("VIOLENCE", "PROTEST"):
            modality_here = "historical"  # a period or nationwide toll/crackdown, not an incident
        else:
            modality_here = modality
        head = _head(ctx.doc, hit)
        if event_type == "Protests" and hit.family == "PROTEST" and _REASON_PROTEST.search(
                ctx.doc[max(hit.start - 1, sentence.start):hit.end + 1].text):
            continue  # "defected in protest against ...": the reason for another act, not a protest event
        draft = _Draft(event_type, sub_type, modality_here, sentence, hit, anaphoric=_is_anaphoric(head),
                       indefinite=_is_indefinite(head),
                       confidence=min(0.95, 0.45 + 0.4 * hit.entry.weight + (0.1 if lethal_counts else 0.0)),
                       victims=victims)
        drafts.append(draft)
    return drafts


def _attach_counts(drafts: list[_Draft], counts: list[Count], attribution: Attribution | None, sentence: SpacySpan,
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


def _place_for(ctx: _Context, draft: _Draft) -> PlaceMention | None:
    candidates = []
    for mention in ctx.places_in(draft.sentence):
        before = ctx.article.text[max(draft.sentence.start_char, mention.span.start - 50):mention.span.start]
        if _SPEAKER_PLACE.search(before):
            continue
        candidates.append(mention)
    if not candidates:
        return None
    trigger_at = ctx.doc[draft.hit.start].idx

    text = ctx.article.text

    def rank(m: PlaceMention) -> tuple[int, int, int]:
        feature = m.place.feature if m.place else "country"
        level = {"city": 0, "supplement": 0, "admin1": 1, "country": 2}.get(feature, 1)
        # a place before the trigger with a clause boundary in between belongs to another clause
        crossed = m.span.end <= trigger_at and bool(_CLAUSE_BREAK.search(text[m.span.end:trigger_at]))
        return int(crossed), level, abs(m.span.start - trigger_at)

    return min(candidates, key=rank)


def _date_for(ctx: _Context, draft: _Draft, previous: DateMention | None) -> DateMention | None:
    sentence = draft.sentence
    mentions = find_dates(sentence.text, published=ctx.article.published, offset=sentence.start_char)
    if not mentions:
        return None
    trigger_at = ctx.doc[draft.hit.start].idx
    best = min(mentions, key=lambda m: abs(m.span.start - trigger_at))
    if best.precision == SAME_DAY:
        if previous and previous.date:
            return DateMention(best.span, previous.date, previous.precision, True)
        return None
    return best


def _actor_for(ctx: _Context, draft: _Draft, attribution: Attribution | None) -> None:
    head = _head(ctx.doc, draft.hit)
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


def _finish_actors(ctx: _Context, draft: _Draft, country: str | None) -> None:
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


def _compatible(a: _Draft, b: _Draft) -> bool:
    """May ``b`` (later) be another mention of the event ``a``?"""
    if a.modality != b.modality:
        return False
    same_type = a.event_type == b.event_type
    violent = {"Explosions/Remote violence", "Battles", "Violence against civilians"}
    generic_later = b.hit.family == "VIOLENCE" and a.event_type in violent
    if not (same_type or generic_later or (b.anaphoric and a.event_type in violent and b.event_type in violent)):
        return False
    if b.indefinite and not (a.place and b.place and a.place.place and b.place.place
                             and a.place.place.name == b.place.place.name):
        return False
    if a.place and b.place and a.place.place and b.place.place:
        pa, pb = a.place.place, b.place.place
        if pa.geonameid != pb.geonameid and pa.name != pb.name and pb.feature == pa.feature == "city":
            return False
    if a.date and b.date and a.date.date and b.date.date and a.date.date != b.date.date:
        return False
    if same_type and a.sub_event_type != b.sub_event_type and not (b.anaphoric or generic_later):
        specific = {"Suicide bomb", "Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon", "Grenade"}
        if a.sub_event_type in specific and b.sub_event_type in specific:
            return False
    return True


def _merge(into: _Draft, other: _Draft) -> None:
    into.counts.extend(other.counts)
    if into.place is None or (other.place and into.place.place and other.place.place and (
            (into.place.place.feature != "city" and other.place.place.feature == "city")
            or (other.place.detail and not into.place.detail and other.place.place.name == into.place.place.name))):
        into.place = other.place or into.place
    into.date = into.date or other.date
    if into.actor1 is None or (into.actor1[1] is None and other.actor1 and other.actor1[1] is not None):
        into.actor1 = other.actor1 or into.actor1
    if into.actor2 is None or (into.actor2[1] is None and other.actor2 and other.actor2[1] is not None):
        into.actor2 = other.actor2 or into.actor2
    specific_rank = ["Remote explosive/landmine/IED", "Shelling/artillery/missile attack", "Grenade", "Air/drone strike", "Suicide bomb", "Chemical weapon"]
    if into.event_type == other.event_type == "Explosions/Remote violence":
        if specific_rank.index(other.sub_event_type) > specific_rank.index(into.sub_event_type):
            into.sub_event_type = other.sub_event_type
    into.victims = into.victims or other.victims
    into.confidence = min(0.98, max(into.confidence, other.confidence) + 0.03)


def _range(claims: list[Claim], counts: list[Count], about: str) -> Quantity | None:
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


def _speaker_resolver(ctx: _Context, last_speaker: list[tuple[str, Span] | None]):
    def speaker(sentence: SpacySpan) -> tuple[str, Span] | None:
        attribution = find_attribution(sentence)
        if attribution and attribution.claimant.lower() not in ("he", "she", "they", "i", "we"):
            return attribution.claimant, attribution.span
        return last_speaker[0]
    return speaker


def _actor_name(ctx: _Context, phrase: tuple[str, Span] | None) -> str | None:
    if phrase is None:
        return None
    text, span = phrase
    inside = [m for m in ctx.actor_mentions if span.start <= m.span.start and m.span.end <= span.end]
    if inside:
        return inside[0].actor.name
    return text


def assemble(article: Article, doc: Doc, *, places: PlaceLookup, actors: ActorLookup) -> tuple[list[Event], list[Statement]]:
    ctx = _Context(article, doc, places, actors)
    text = article.text
    events: list[_Draft] = []
    statements: list[Statement] = []
    last_speaker: list[tuple[str, Span] | None] = [None]
    speaker = _speaker_resolver(ctx, last_speaker)
    previous: DateMention | None = None  # the last date named before this sentence ("on the same day")
    for sentence in doc.sents:
        attribution = find_attribution(sentence)
        for mention in find_statements(sentence, speaker=speaker):
            source = _actor_name(ctx, mention.source)
            target = _actor_name(ctx, mention.target)
            statements.append(Statement(
                id=content_id(article.id, "statement", mention.evidence_span.start, mention.trigger.i, mention.type),
                type=mention.type, cameo=mention.cameo, source=source, target=target,
                evidence=mention.evidence_span.text(text), evidence_span=mention.evidence_span,
                source_span=mention.source[1] if mention.source else None,
                target_span=mention.target[1] if mention.target else None, trigger=mention.trigger.text,
            ))
        if attribution and attribution.claimant.lower() not in ("he", "she", "they", "it", "i", "we"):
            last_speaker[0] = (attribution.claimant, attribution.span)
        counts = find_counts(sentence.text, offset=sentence.start_char)
        drafts = _sentence_drafts(ctx, sentence, counts)
        _attach_counts(drafts, counts, attribution, sentence, aggregate=is_aggregate_toll(sentence.text))
        for draft in drafts:
            draft.place = _place_for(ctx, draft)
            draft.date = _date_for(ctx, draft, previous)
            _actor_for(ctx, draft, attribution)
            merged = False
            for existing in reversed(events):
                if _compatible(existing, draft):
                    _merge(existing, draft)
                    merged = True
                    break
            if not merged:
                events.append(draft)
        for mention in find_dates(sentence.text, published=article.published, offset=sentence.start_char):
            if mention.date:
                previous = mention
    return [_to_event(ctx, draft) for draft in events], statements


def _to_event(ctx: _Context, draft: _Draft) -> Event:
    article = ctx.article
    text = article.text
    place = draft.place.place if draft.place else None
    country = place.country if place else ctx.country
    _finish_actors(ctx, draft, country)
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
    evidence_span = Span(draft.sentence.start_char, draft.sentence.end_char)
    spans: list[tuple[str, Span]] = [("event_type", Span(ctx.doc[draft.hit.start].idx, ctx.doc[draft.hit.end - 1].idx + len(ctx.doc[draft.hit.end - 1].text)))]
    if draft.place:
        spans.append(("location", draft.place.span))
        if draft.place.detail_span:
            spans.append(("location_detail", draft.place.detail_span))
    date_mention = draft.date
    if date_mention and date_mention.date:
        date, precision = date_mention.date, date_mention.precision
        spans.append(("date", date_mention.span))
    elif ctx.lede_date and ctx.lede_date.date:
        date, precision = ctx.lede_date.date, "day"
        spans.append(("date", ctx.lede_date.span))
    elif article.published:
        date, precision = article.published, "week"
    else:
        date, precision = None, None
    if draft.actor1 and draft.actor1[1]:
        spans.append(("actor1", draft.actor1[1]))
    if draft.actor2 and draft.actor2[1]:
        spans.append(("actor2", draft.actor2[1]))
    fatalities = _range(claims, used_counts, "killed")
    injured = _range(claims, used_counts, "injured")
    if fatalities and fatalities.span:
        spans.append(("fatalities", fatalities.span))
    if injured and injured.span:
        spans.append(("injured", injured.span))
    return Event(
        id=content_id(article.id, evidence_span.start, draft.hit.start, draft.event_type, draft.sub_event_type, draft.modality),
        event_type=draft.event_type,
        sub_event_type=draft.sub_event_type,
        modality=draft.modality,  # type: ignore[arg-type]
        evidence=evidence_span.text(text),
        evidence_span=evidence_span,
        date=date,
        date_precision=precision,  # type: ignore[arg-type]
        location=place.name if place and place.feature != "country" else None,
        location_detail=draft.place.detail if draft.place else None,
        admin1=place.admin1 if place else None,
        country=country,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geonameid=place.geonameid if place else None,
        geo_precision=draft.place.geo_precision if draft.place else (3 if country else None),
        actor1=draft.actor1[0] if draft.actor1 else None,
        actor2=draft.actor2[0] if draft.actor2 else None,
        fatalities=fatalities,
        injured=injured,
        claims=tuple(claims),
        cameo=acled_cameo(draft.event_type, draft.sub_event_type),
        confidence=draft.confidence,
        trigger=ctx.doc[draft.hit.start:draft.hit.end].text,
        spans=tuple(spans),
    )
