"""Per sentence: trigger hits grouped into draft events by ACLED decision rules.

An explosion that kills is one Explosions event, not an explosion plus a killing; killed protesters make
"Excessive force against protesters"; clashes and a bombing in one sentence stay two events.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..extract.claims import Attribution
from ..extract.modality import is_aggregate_toll, trigger_modality
from ..extract.quantities import Count, victim_category
from ..extract.triggers import TriggerEntry, TriggerHit, find_triggers
from ..nlp import Gated, span_text
from ..records import Actor, PlaceMention, Span
from ..resolve.dates import DateMention
from .context import Context

__all__ = ["AIR_CONTEXT", "Draft", "head_token", "retype_by_target", "sentence_drafts"]

# Sentences about disasters, disease, accidents, markets or drills: deaths there are not political violence.
# (Sport is decided per article in context.py: a per-sentence "league" would also hit "Arab League".) Like the other
# sentence-wide patterns here it runs behind its literal gate: few sentences hold any of its words.
_NON_CONFLICT = Gated(re.compile(
    r"\b(?:accident|crash(?:ed|es)?|collid\w+|drown\w*|flood\w*|earthquake|landslide|cholera|disease|epidemic|"
    r"pandemic|covid|coronavirus|virus|malaria|heatwave|cyclone|hurricane|typhoon|wildfire|stampede|"
    r"outbreak of (?:\w+ )?(?:disease|cholera|measles|ebola|flu|influenza|fever)|"
    r"stock market|investors|earnings|quarterly|box office|"
    r"died (?:of|from) (?:a )?(?:cardiac arrest|heart attack|stroke|illness|natural causes|cancer|old age)|"
    r"training exercise|military exercise|military training|training accident|drills?)\b",
    re.IGNORECASE,
))
# A weapon word alone ("artillery", "rockets") is an event only with a verb of use or a casualty figure.
_WEAPON_USE = re.compile(
    r"\b(?:fired?|firing|hit|hits|struck|strikes?|pound(?:ed|ing)?|launch(?:ed|es|ing)?|land(?:ed|ing)?|slamm(?:ed|ing)|"
    r"target(?:ed|ing)?|rain(?:ed|ing)?|shell(?:ed|ing)|bomb(?:ed|ing)|destroy(?:ed|ing)?|attack(?:ed|ing)?|kill(?:ed|ing)?|"
    r"wound(?:ed|ing)?|drop(?:ped|ping)?)\b",
    re.IGNORECASE,
)
_FILMING = Gated(re.compile(r"\b(?:video|film(?:ed)?|footage|photo(?:graph)?s?|movie|scene)\b", re.IGNORECASE))
AIR_CONTEXT = re.compile(r"\b(?:warplanes?|jets?|aircraft|air force|helicopters?|drones?|planes?|aerial|air)\b", re.IGNORECASE)
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
_WEAK_ALONE = 0.6


@dataclass
class Draft:
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
    summary: bool = False  # "died in clashes and attacks", "two separate attacks": several events in one phrase
    follow_up: bool = False  # "another protester died of his wounds": a later death from an earlier event
    new_topic: bool = False  # the sentence opens with "Also,", "Separately,", "In another attack": a further event
    confidence: float = 0.5
    victims: str | None = None
    state_agent: bool = False


def head_token(doc: Doc, hit: TriggerHit) -> Token:
    """The syntactic head of a trigger phrase. Several rules ask for the same hit, so its index is kept on the doc
    (an index, not the Token, which would tie the doc to its own user data)."""
    heads = doc.user_data.setdefault("eventwatch_trigger_heads", {})
    key = (hit.start, hit.end)
    if key not in heads:
        heads[key] = _head_index(doc, hit)
    return doc[heads[key]]


def _head_index(doc: Doc, hit: TriggerHit) -> int:
    for token in doc[hit.start:hit.end]:
        if token.head.i < hit.start or token.head.i >= hit.end or token.head is token:
            return token.i
    return hit.end - 1


def _is_anaphoric(token: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and (c.lower_ in _ANAPHOR_DET or c.ent_type_ == "DATE" or c.lower_.endswith("day"))
               for c in token.children)


# Nouns that name an event (a numeral counts events: "two blasts"), unlike munitions and people ("fired four
# missiles", "three protesters were killed"), whose numerals count things.
_EVENT_NOUNS = {"attack", "explosion", "blast", "strike", "airstrike", "bombing", "clash", "raid", "ambush", "assault",
                "incident", "shooting", "offensive", "battle", "operation", "massacre", "killing", "protest",
                "demonstration", "rally", "riot", "abduction", "kidnapping"}


def _is_summary(token: Token) -> bool:
    """A counted or paired plural event noun ("two separate attacks", "in clashes and attacks") stands for several
    events that the article details elsewhere ("killed in airstrikes" alone is one day's strikes, one event)."""
    if token.tag_ != "NNS" or token.lemma_.lower() not in _EVENT_NOUNS:
        return False
    counted = [c for c in token.children if c.dep_ == "nummod" and c.lower_ not in ("one", "1")]
    paired = [c for c in token.children if c.dep_ == "conj" and c.lemma_.lower() in _EVENT_NOUNS and c.lemma_ != token.lemma_]
    return bool(counted) or bool(paired)


def _is_indefinite(token: Token) -> bool:
    """"an explosion", "a bomb", "two blasts": a newly introduced event, not a reference back."""
    if any(c.dep_ == "nummod" for c in token.children) and token.lemma_.lower() not in _EVENT_NOUNS:
        return False
    return token.pos_ == "NOUN" and any(
        (c.dep_ == "det" and c.lower_ in ("a", "an", "another")) or c.dep_ == "nummod" for c in token.children)


_REASON_PROTEST = re.compile(r"in protest (?:against|at|over|of)|as a protest", re.IGNORECASE)


_CHEMICAL = re.compile(r"\b(?:chemicals|chemical (?:weapons?|attack|agents?|munitions|bombs?)|chlorine|sarin|nerve agent|mustard gas|toxic gas|poison(?:ous)? gas)\b", re.IGNORECASE)
_AIRBORNE_LAUNCHER = re.compile(r"\b(?:drones?|unmanned|warplanes?|fighter jets?|jets?|helicopters?|gunships?|aircraft)\b",
                                re.IGNORECASE)


def _explosion_subtype(hits: list[TriggerHit], text: str) -> str:
    subtypes = [h.explosion_subtype for h in hits if h.explosion_subtype]
    if "Chemical weapon" not in subtypes and _CHEMICAL.search(text):
        return "Chemical weapon"
    if "Shelling/artillery/missile attack" in subtypes and _AIRBORNE_LAUNCHER.search(text):
        subtypes.append("Air/drone strike")  # missiles fired by drones, jets or helicopters are air strikes
    for preferred in ("Chemical weapon", "Suicide bomb", "Air/drone strike", "Grenade", "Shelling/artillery/missile attack"):
        if preferred in subtypes:
            return preferred
    if _SUICIDE_CONTEXT.search(text):
        return "Suicide bomb"
    if AIR_CONTEXT.search(text) and re.search(r"\bbomb(?:ed|ing|s)?\b|\bstrikes?\b|\braids?\b", text, re.IGNORECASE):
        return "Air/drone strike"
    if _SHELL_CONTEXT.search(text):
        return "Shelling/artillery/missile attack"
    return "Remote explosive/landmine/IED"


_CONCLUDING_VERBS = {"agree", "sign", "reach", "accept", "conclude", "broker", "seal", "strike", "ink"}


def _concluded(head: Token) -> bool:
    """An agreement word governed by a past-tense verb of concluding ("agreed to a truce", "signed an accord")."""
    token = head
    for _ in range(4):
        if token.head is token:
            return False
        token = token.head
        if token.pos_ == "VERB" and token.lemma_.lower() in _CONCLUDING_VERBS:
            return token.tag_ in ("VBD", "VBN") and not any(c.dep_ in ("neg", "aux") and c.lower_ in ("not", "will", "would")
                                                             for c in token.children)
    return False


# Nouns for a campaign rather than an incident: "pressed on with an offensive", "the crackdown continued".
_CAMPAIGN_WORDS = {"offensive", "campaign", "operation", "crackdown", "fight", "war", "struggle", "insurgency"}


def _ongoing_campaign(head: Token, sentence: SpacySpan, counts: list[Count], ctx: Context) -> bool:
    """"Syria claims it is fighting armed groups": a present progressive with no day, place or figure describes
    an ongoing campaign, not an incident."""
    if head.tag_ != "VBG" or not any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am") for c in head.children):
        return False
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    placed = any(start <= m.span.start < end for m in ctx.places_in(sentence))
    return not counts and not ctx.dates_in(sentence) and not placed


def _running_toll(head: Token, sentence: SpacySpan, counts: list[Count], ctx: Context) -> bool:
    """"More than 100 people have been killed in Syria": a large present-perfect toll placed only in a country is a
    running count for the conflict, not one incident."""
    if head.pos_ != "VERB" or not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("have", "has") for c in head.children):
        return False
    if any((m.place.feature if m.place else "country") != "country" for m in ctx.places_in(sentence)):
        return False
    return any(c.about == "killed" and (c.quantity.min or 0) >= 20 for c in counts)


def _generic_plural(head: Token, sentence: SpacySpan, counts: list[Count], ctx: Context) -> bool:
    """"attacks on its positions", "increased offensives": a bare plural noun names a kind of event, not one event,
    and "an offensive", "the crackdown" name a campaign, unless the sentence pins it down with a figure, a date or a
    place of its own."""
    campaign = head.tag_ == "NN" and head.lemma_.lower() in _CAMPAIGN_WORDS
    if not campaign and (head.tag_ != "NNS" or any(c.dep_ in ("nummod", "det", "poss") for c in head.children)):
        return False
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    gov = head.head  # "attacks against a police station in X" or "carried out attacks in X"
    if gov is not head:
        start, end = min(start, gov.left_edge.idx), max(end, gov.right_edge.idx + len(gov.right_edge))
    placed = any(start <= m.span.start < end for m in ctx.places_in(sentence))
    return not counts and not ctx.dates_in(sentence) and not placed


_NEW_TOPIC = re.compile(
    r"^\W*(?:also\b|separately\b|elsewhere\b|in (?:an)?other (?:attack|incident|development)|"
    r"in a (?:separate|second|third|fourth|fifth|similar|related) (?:attack|incident|raid|bombing|strike)|"
    r"in a separate\b)",
    re.IGNORECASE,
)


_CLEARED_BY = {"destroy", "clear", "remove", "demine"}
_SEIZED_BY = {"defuse", "dismantle", "seize", "confiscate", "find", "discover", "recover", "disarm", "neutralize",
              "neutralise"}
_DISRUPTED = TriggerEntry(("defused",), "DISRUPT", 1.0)


_FOLLOW_UP = Gated(re.compile(
    r"\b(?:died|dies|has died|later died) (?:\w+ )?(?:of|from) (?:his|her|their)? ?(?:injuries|wounds)|succumbed to "
    r"(?:his|her|their)? ?(?:injuries|wounds)",
    re.IGNORECASE,
))


@lru_cache(maxsize=256)
def _headline_non_conflict(headline: str) -> bool:
    """Asked for every sentence of an article, answered once per headline."""
    return bool(_NON_CONFLICT.search(headline))


def sentence_drafts(ctx: Context, sentence: SpacySpan, counts: list[Count]) -> list[Draft]:
    doc = ctx.doc
    text = span_text(sentence)
    hits = find_triggers(sentence)
    if not hits:
        return []
    # a story headlined as an accident, outbreak or disaster reports its deaths as such throughout
    non_conflict = bool(_NON_CONFLICT.search(text)) or _headline_non_conflict(ctx.headline)
    aggregate = is_aggregate_toll(text)
    published = ctx.article.published
    by_modality: dict[str, list[TriggerHit]] = {}
    for hit in hits:
        if hit.entry.family == "EXPL:Air/drone strike" and hit.entry.phrase == ("strike",) and not AIR_CONTEXT.search(text):
            continue
        head = head_token(doc, hit)
        if hit.family != "ARREST" and head.dep_ in ("pobj", "pcomp") and head.head.lower_ == "for" and any(
                h.family == "ARREST" for h in hits):
            continue  # "arrested for rioting": the charge, not another event
        if hit.family == "EXPL" and head.dep_ == "dobj" and head.head.lemma_.lower() in _CLEARED_BY:
            continue  # "troops destroyed several IEDs", "cleared mines": ordnance handled, nothing exploded
        if hit.family == "EXPL" and head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in _SEIZED_BY \
                and not any(c.about in ("killed", "injured") for c in counts):  # "killed while dismantling a bomb"
            hit = TriggerHit(_DISRUPTED, hit.start, hit.end)  # a bomb defused or a cache seized
        modality = trigger_modality(sentence, head, published=published)
        if hit.family == "AGREE" and modality == "future" and _concluded(head):
            modality = "asserted"  # "agreed to a ceasefire", "signed a peace deal": the agreement itself happened
        elif modality == "asserted" and _generic_plural(head, sentence, counts, ctx):
            modality = "historical"
        elif modality == "asserted" and _running_toll(head, sentence, counts, ctx):
            modality = "historical"
        elif modality == "asserted" and _ongoing_campaign(head, sentence, counts, ctx):
            modality = "historical"
        by_modality.setdefault(modality, []).append(hit)
    drafts: list[Draft] = []
    for modality, group in by_modality.items():
        drafts.extend(_group_drafts(ctx, sentence, group, modality, counts, non_conflict=non_conflict, aggregate=aggregate))
    if "asserted" in by_modality:
        asserted_types = {d.event_type for d in drafts if d.modality == "asserted"}
        drafts = [d for d in drafts if d.modality == "asserted" or d.event_type not in asserted_types]
    return drafts


def _group_drafts(ctx: Context, sentence: SpacySpan, hits: list[TriggerHit], modality: str, counts: list[Count],
                  *, non_conflict: bool, aggregate: bool) -> list[Draft]:
    text = span_text(sentence)
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
    if usable("DISRUPT"):
        families.pop("EXPL", None)  # a rocket fired and intercepted is one Disrupted weapons use event
    if usable("TERRITORY") and "TRANSFER" in families and not (lethal_counts or {"BATTLE", "EXPL", "VIOLENCE"} & set(families)):
        families.pop("TERRITORY")  # "took control of the city as the rebels left": handed over, not fought for
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
        head = head_token(ctx.doc, hit)
        if event_type == "Protests" and hit.family == "PROTEST" and _REASON_PROTEST.search(
                ctx.doc[max(hit.start - 1, sentence.start):hit.end + 1].text):
            continue  # "defected in protest against ...": the reason for another act, not a protest event
        # "among those killed in the attack": a definite event noun of the same family refers back
        anaphoric = _is_anaphoric(head) or any(
            _is_anaphoric(head_token(ctx.doc, other)) for other in families.get(hit.family, ()) if other is not hit)
        draft = Draft(event_type, sub_type, modality_here, sentence, hit, anaphoric=anaphoric,
                       indefinite=_is_indefinite(head),
                       confidence=min(0.95, 0.45 + 0.4 * hit.entry.weight + (0.1 if lethal_counts else 0.0)),
                       victims=victims)
        draft.new_topic = bool(_NEW_TOPIC.match(span_text(sentence)))
        draft.follow_up = bool(_FOLLOW_UP.search(span_text(sentence)))
        draft.summary = any(_is_summary(head_token(ctx.doc, other)) for other in families.get(hit.family, [hit]))
        drafts.append(draft)
    return drafts


# Security installations: an attack on one is fought with its armed defenders (ACLED: Battles, not an attack on
# civilians).
_SECURITY_TARGET = re.compile(
    r"\b(?:police (?:stations?|posts?|checkpoints?|patrols?|convoys?)|checkpoints?|(?:military|army) (?:bases?|posts?|"
    r"outposts?|camps?|convoys?|patrols?|positions?)|outposts?|barracks|garrisons?)\b",
    re.IGNORECASE,
)
_ARMED_TARGET_NAMES = ("Military Forces", "Police Forces", "Security Forces")


def retype_by_target(ctx: Context, draft: Draft) -> None:
    """An "attack" on soldiers, police or an armed group, or on a base or checkpoint, is an armed clash."""
    if (draft.event_type, draft.sub_event_type) != ("Violence against civilians", "Attack"):
        return
    target = draft.actor2[0] if draft.actor2 else None
    armed_target = target is not None and draft.actor2[1] is not None and (
        target.name.startswith(_ARMED_TARGET_NAMES) or target.inter in (2, 3))
    trigger_at = ctx.doc[draft.hit.start].idx
    after = ctx.article.text[trigger_at:min(draft.sentence.end_char, trigger_at + 80)]
    if armed_target or _SECURITY_TARGET.search(after):
        draft.event_type, draft.sub_event_type = "Battles", "Armed clash"
