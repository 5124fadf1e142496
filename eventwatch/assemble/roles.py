"""Who did what to whom: actor1 and actor2 of a draft event from the parse, then ACLED defaults.

Each actor mention in the event's sentence gets a role from the parse and from the few fixed phrasings news uses
for agents and victims, independent of word order:

* agent: the subject of an active verb that governs the trigger ("gunmen killed 12"), the "by" phrase of a passive
  ("were shot dead by police"), a noun modifying a nominal of force ("killed in police firing", "PKK attacks"), the
  subject of a "when" clause that caused the deaths ("were killed when troops opened fire");
* patient: a passive subject or the object of a verb of harm ("soldiers were killed", "killed 12 villagers"), the
  object of "on/against/targeting" ("an attack on the army");
* neither: whoever only speaks ("Reuters", "state media said", "according to the army"), whoever is blamed by
  someone else ("Washington blamed IS for the attack"), and an institution named only as a place ("near a police
  station" makes the police a possible target, never an agent).

Article-wide rules then apply in ``finish_actors``: a claim of responsibility ("X claimed responsibility for the
bombing", "X staged the attack") names actor1 of the attack it claims; "the militants" refers back to the one
armed group the article names; a generic actor takes the country of the event's place; and ACLED's defaults per
event type fill what the text leaves open (ACLED codebook: protesters are actor1 of protests, civilians are only
ever victims, a battle has two armed sides).
"""
from __future__ import annotations

import re
import weakref

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..extract.claims import Attribution
from ..nlp import Gated, doc_text, span_text
from ..records import Actor, ActorMention, Span
from ..resolve import countries
from .context import Context
from .drafts import Draft, head_token

__all__ = ["actor_for", "actor_name", "finish_actors", "mention_role"]

_VIOLENT = frozenset({"Explosions/Remote violence", "Battles", "Violence against civilians"})
_SPEECH = frozenset({"say", "tell", "report", "add", "confirm", "announce", "state", "write", "tweet", "post",
                     "quote", "cite", "describe", "note", "explain", "insist", "allege", "warn", "reveal", "estimate",
                     "put", "give", "provide", "show", "record", "document", "count", "publish", "broadcast",
                     "urge", "call", "demand", "appeal", "condemn", "criticise", "criticize", "deny", "accuse",
                     "blame", "fear", "believe", "suspect"})
_HARM = frozenset({"kill", "shoot", "wound", "injure", "attack", "target", "ambush", "hit", "arrest", "detain",
                   "abduct", "kidnap", "behead", "execute", "massacre", "murder", "slaughter", "burn", "torture",
                   "rape", "beat", "stab", "lynch", "bomb", "shell", "hurt", "maim", "hack", "gun", "strike",
                   "capture", "round", "nab", "hold", "apprehend", "book", "pound", "bombard", "raid", "storm",
                   "besiege", "disperse", "chase", "assault", "intercept", "repel", "fire", "resort", "lob",
                   "throw", "hurl", "detonate", "explode", "plant", "launch", "overrun", "seize", "recapture",
                   "retake", "clash", "fight", "engage"})
_DYING = frozenset({"die", "perish", "succumb", "fall"})
_DEFINITE = frozenset({"the", "these", "those", "this", "that"})
# text right after a mention that makes it the agent of a nominal of force ("police firing", "army shelling")
_FORCE_AFTER = re.compile(
    r"^\s*(?:-\s*)?(?:firing|firings|fire|gunfire|shooting|shootings|bullets?|action|crackdown|raids?|attacks?|"
    r"assaults?|offensive|operations?|strikes?|air ?strikes?|airstrikes?|drone strikes?|shelling|bombardment|"
    r"bombings?|ambush|custody|encounters?|lathi-?charges?|baton charges?|rockets?|mortars?|snipers?|gunmen)\b",
    re.IGNORECASE)
# text right after a mention that makes it the victim ("soldiers killed in", "police were attacked")
_HARMS = (r"(?:killed|shot|shot dead|gunned down|wounded|injured|hurt|arrested|detained|abducted|kidnapped|murdered|"
          r"lynched|burnt|burned|hacked|stabbed|beaten|executed|massacred|beheaded|ambushed|attacked|targeted|"
          r"taken hostage|held hostage|rounded up|picked up)")
# text right after a mention that makes it the victim: a passive ("police were attacked"), a headline's bare participle
# followed by no object ("soldiers killed in ...", "two shot dead, ..."), or dying ("three villagers died")
_HARMED_AFTER = re.compile(
    r"^\s*(?:who\s+)?(?:(?:were|was|have been|has been|had been|are|is|being|been|got)\s+(?:reportedly\s+|allegedly\s+)?"
    + _HARMS + r"\b|" + _HARMS + r"(?=\s*(?:$|[,.;:]|\b(?:in|by|when|after|during|as|on|near|while|and|overnight)\b"
    r"|\bat\b(?!\s+least)))|(?:have\s+|had\s+|has\s+)?(?:died|dead|perished|martyred|succumbed)\b)",
    re.IGNORECASE)
_BY_BEFORE = re.compile(r"\b(?:by|from)\s+(?:the\s+|a\s+|an\s+|some\s+|armed\s+)?$", re.IGNORECASE)
_TARGET_BEFORE = re.compile(r"\b(?:on|against|targeting|targeted|at|upon)\s+(?:the\s+|a\s+|an\s+|two\s+|some\s+)?$",
                            re.IGNORECASE)
_SPEAKER_AFTER = re.compile(
    r"^\s*(?:\)\s*)?(?:,[^,]{1,80},\s*)?(?:has\s+|have\s+|had\s+)?(?:said|says|told|tells|reported|reports|added|"
    r"confirmed|announced|wrote|tweeted|stated|quoted|cited|claimed\s+(?!responsibility|credit))\b", re.IGNORECASE)
_SPEAKER_BEFORE = re.compile(
    r"(?:according to|citing|quoting|told|cited by|quoted by|reported by|\(|said|says)\s+(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE)
_PLACE_AFTER = re.compile(
    r"^\s*(?:'s\s+)?(?:stations?|posts?|outposts?|chowki|headquarters|hq|control room|lines|barracks|academy|"
    r"checkpoints?|compound|premises|building|offices?|base|bases|camp|camps|convoy|vehicles?|bus|patrol van)\b",
    re.IGNORECASE)
# asked of every sentence of an article with events, behind its literal gate
_RESPONSIBILITY = Gated(re.compile(
    r"\b(?:claim(?:ed|s|ing)?|took|takes|taken|accept(?:ed|s)?|assumed?)\s+(?:full\s+|sole\s+)?(?:responsibility|credit)\b"
    r"|\b(?:carried out|staged|perpetrated|orchestrated|masterminded|(?:was|were|is|are) behind)\s+"
    r"(?:the|this|that|these|those|\w+day's|yesterday's|last \w+'s)\s+(?:\w+\s+){0,2}"
    r"(?:attacks?|bombings?|blasts?|explosions?|ambush|assault|raid|killings?|massacre|shooting|abduction|kidnapping)\b",
    re.IGNORECASE))
_RIVALS = re.compile(r"\b(?:rivals?|rivalry|infighting|in-fighting|factional|feuding|between|among themselves)\b",
                     re.IGNORECASE)
_ON_CROWD = re.compile(
    r"\b(?:open(?:ed|s|ing)?\s+fire|fir(?:ed|es|ing)|sho(?:t|oting))\s+(?:on|at|upon|into|towards)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?"
    r"(?:rioters|protesters|protestors|demonstrators|mobs?|crowds?|agitators|stone[- ]?pelters|marchers)\b",
    re.IGNORECASE)
_DENIAL = re.compile(r"\b(?:den(?:y|ied|ies|ying)|not|never|no)\b", re.IGNORECASE)
_BLAME_BEFORE = re.compile(r"\b(?:blam(?:ed|es|ing|e)|accus(?:ed|es|ing|e)|suspect(?:ed|s)?|held|holds)\s+"
                           r"(?:the\s+|a\s+)?$", re.IGNORECASE)
# nouns news uses to refer back to a group it has named ("the militants", "the insurgents"); "gunmen" and
# "attackers" are left out because news uses them exactly when it does not know who attacked
_ANAPHORIC_HEADS = frozenset({"militants", "jihadists", "insurgents", "rebels", "extremists", "islamists", "fighters",
                              "guerrillas", "guerrilla group", "terrorists", "insurgent group", "rebel group",
                              "militant group", "jihadist group", "armed group", "terrorist group"})


def _head_of(doc_span: SpacySpan) -> Token:
    for token in doc_span:
        if token.head.i < doc_span.start or token.head.i >= doc_span.end or token.head.i == token.i:
            return token
    return doc_span[-1]


def _governs(verb: Token, trigger: Token) -> bool:
    """Is ``verb`` the trigger or a verb whose clause the trigger belongs to ("opened fire, killing three")?"""
    token, steps = trigger, 0
    while steps < 4:
        if token.i == verb.i:
            return True
        if token.dep_ not in ("advcl", "xcomp", "conj", "dobj", "pobj", "pcomp", "prep", "acl", "ccomp", "nsubj",
                              "nsubjpass", "compound", "npadvmod", "attr"):
            return False
        token, steps = token.head, steps + 1
    return False


def _speaks(head: Token) -> bool:
    """Is the mention (part of) the subject of a verb of speech ("the head of the tribal police said")?"""
    token, steps = head, 0
    while token.dep_ in ("pobj", "prep", "appos", "compound", "amod", "poss", "conj") and steps < 5:
        token, steps = token.head, steps + 1
    return token.dep_ == "nsubj" and token.head.lemma_ in _SPEECH


def mention_role(ctx: Context, mention: ActorMention, trigger: Token) -> str | None:
    """'agent', 'patient', 'speaker', 'place' (a possible target, never an agent), 'blamed' or None."""
    doc = ctx.doc
    text = doc_text(doc)
    sentence = trigger.sent
    before = text[max(sentence.start_char, mention.span.start - 40):mention.span.start]
    after = text[mention.span.end:min(sentence.end_char, mention.span.end + 90)]
    if _SPEAKER_AFTER.match(after) or _SPEAKER_BEFORE.search(before):
        return "speaker"
    if _BLAME_BEFORE.search(before):
        return "blamed"
    if _PLACE_AFTER.match(after):
        return "place"
    if trigger.dep_ == "relcl" and trigger.head.idx <= mention.span.start < trigger.head.idx + len(trigger.head) + 1 \
            and any(c.dep_ == "nsubj" and c.lower_ in ("who", "that", "which") for c in trigger.children):
        return "agent"  # "action against the policemen who killed a protester": the relative clause's subject
    if _BY_BEFORE.search(before):
        return "agent"
    if _FORCE_AFTER.match(after):
        return "agent"
    if _TARGET_BEFORE.search(before):
        return "patient"
    if _HARMED_AFTER.match(after):
        return "patient"
    doc_span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if doc_span is None or len(doc_span) == 0:
        return None
    head = _head_of(doc_span)
    governor = head.head
    if _speaks(head):
        return "speaker"
    if head.dep_ == "pobj" and governor.lower_ == "of" and governor.head.pos_ in ("NUM", "PRON") \
            and governor.head.dep_ in ("nsubjpass", "dobj", "nsubj"):
        head = governor.head  # "two of the militants were killed", "killed one of the gunmen": the part's role
        governor = head.head
    if head.dep_ == "nsubjpass" and (governor.lemma_ in _HARM or governor.i == trigger.i):
        return "patient"
    if head.dep_ == "dobj" and (governor.lemma_ in _HARM or governor.i == trigger.i):
        return "patient"
    if head.dep_ == "nsubj" and governor.lemma_ in _DYING:
        return "patient"
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in _HARM for c in head.children):
        return "patient"  # headline ellipsis: "Two soldiers killed in PKK attacks"
    if head.dep_ == "nsubj" and governor.pos_ in ("VERB", "AUX") and governor.lemma_ not in _SPEECH:
        # the subject of another harm verb acts in this event too ("troops stormed the village and shot ten"),
        # unless the event is a passive with victims of its own that the verb's clause does not explain ("two
        # men were stabbed to death and police fired in the air"; but "... were killed when police fired")
        passive = governor.i != trigger.i and any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children) \
            and not (governor.dep_ == "advcl" and trigger.left_edge.i <= governor.i <= trigger.right_edge.i)
        if _governs(governor, trigger) or (governor.lemma_ in _HARM and not passive) or any(
                c.dep_ == "advcl" and c.i == governor.i for c in trigger.children):
            return "agent"
    if head.dep_ in ("compound", "amod", "poss") and governor.i == trigger.i:
        return "agent"
    return None


def actor_for(ctx: Context, draft: Draft, attribution: Attribution | None) -> None:
    trigger = head_token(ctx.doc, draft.hit)
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubj", "pobj", "attr") and trigger.head.pos_ == "VERB" \
            and trigger.head.lemma_ not in _SPEECH:
        trigger = trigger.head  # "opened fire", "carried out an attack"
    violent = draft.event_type in _VIOLENT
    mentions = [m for m in ctx.actors_in(draft.sentence)
                if m.actor.inter is not None and not (attribution and attribution.span.overlaps(m.span))
                and not (violent and (m.actor.cameo or "").endswith("GOV"))]  # a government acts through its forces
    roles = {m.span: mention_role(ctx, m, trigger) for m in mentions}
    claimant = _responsibility(ctx).get(draft.sentence.start_char)
    if claimant is not None and violent:
        draft.actor1 = claimant
    elif draft.actor1 is None:
        draft.actor1 = _force_of_modifier(ctx, draft) if violent else None
        draft.actor1 = draft.actor1 or _state_subject(ctx, draft, trigger)
    for mention in mentions:
        role = roles[mention.span]
        if draft.actor1 is None and role == "agent" and mention.actor.inter != 7:
            draft.actor1 = (mention.actor, mention.span)
        elif draft.actor2 is None and role in ("patient", "place") and not _same(draft.actor1, mention) \
                and not (draft.sub_event_type == "Agreement" and mention.actor.inter in (6, 7)):
            draft.actor2 = (mention.actor, mention.span)
    if draft.actor1 is not None and draft.actor2 is None and draft.event_type == "Battles" \
            or draft.sub_event_type == "Agreement":
        # a battle has two armed sides and an agreement two parties: the other one named in the sentence
        other = [m for m in mentions if m.actor.inter in (1, 2, 3, 4, 8) and not _same(draft.actor1, m)
                 and roles[m.span] not in ("speaker", "blamed")]
        if other and draft.actor2 is None:
            draft.actor2 = (other[0].actor, other[0].span)
    # No parse role: the nearest actor before the trigger acts on the nearest after it, leaving out speakers,
    # places, the blamed, and governments (which act through their forces, not by proximity).
    free = [m for m in mentions if roles[m.span] is None and not m.actor.name.startswith("Government")
            and not _same(draft.actor1, m) and not _same(draft.actor2, m)]
    trigger_at = ctx.doc[draft.hit.start].idx
    before = [m for m in free if m.span.start < trigger_at and m.actor.inter != 7]
    after = [m for m in free if m.span.start >= trigger_at]
    if draft.actor1 is None and before:
        draft.actor1 = (before[-1].actor, before[-1].span)
    if draft.actor2 is None and after and draft.event_type not in ("Protests", "Riots"):
        draft.actor2 = (after[0].actor, after[0].span)


def _state_subject(ctx: Context, draft: Draft, trigger: Token) -> tuple[Actor, Span | None] | None:
    """A country named as the subject ("Israel launched strikes", "Syria agreed to the plan") acts through its
    military in violence and through its government otherwise."""
    verb, subject = trigger, None
    for _ in range(6):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None or verb.head.i == verb.i:
            break
        verb = verb.head
    if subject is None or subject.pos_ != "PROPN":
        return None
    start, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
    found = countries.find_countries(doc_text(ctx.doc)[start:end])
    if len(found) != 1 or found[0][1] - found[0][0] != end - start:
        return None
    role = "military" if draft.event_type in _VIOLENT else "government"
    return ctx.actors.generic(role, found[0][2]), Span(start, end)


def _same(side: tuple[Actor, Span | None] | None, mention: ActorMention) -> bool:
    return side is not None and (side[0].name == mention.actor.name or side[1] == mention.span)


_RESPONSIBLE: weakref.WeakKeyDictionary[Context, dict[int, tuple[Actor, Span]]] = weakref.WeakKeyDictionary()


def _responsibility(ctx: Context) -> dict[int, tuple[Actor, Span]]:
    """Sentence start -> the armed actor that claims (or is said to have carried out) the attack it names."""
    if ctx not in _RESPONSIBLE:
        found: dict[int, tuple[Actor, Span]] = {}
        text = doc_text(ctx.doc)
        for sentence in ctx.sentences:
            match = _RESPONSIBILITY.search(span_text(sentence))
            if match is None:
                continue
            at = sentence.start_char + match.start()
            clause = text[max(sentence.start_char, at - 60):at]
            if _DENIAL.search(clause.rsplit(",", 1)[-1]):
                continue  # "denied carrying out", "no group has claimed responsibility"
            armed = [m for m in ctx.actors_in(sentence) if m.span.end <= at and m.actor.inter in (2, 3, 4)]
            if armed:
                found[sentence.start_char] = (armed[-1].actor, armed[-1].span)
        _RESPONSIBLE[ctx] = found
    return _RESPONSIBLE[ctx]


def _sole_armed_group(ctx: Context) -> Actor | None:
    """The one named non-state armed group an article names, if it names exactly one."""
    named = {m.actor.name: m.actor for m in ctx.actor_mentions if m.actor.kind == "named" and m.actor.inter in (2, 3, 4)}
    return next(iter(named.values())) if len(named) == 1 else None


def _refers_back(ctx: Context, span: Span | None) -> bool:
    """A generic "the militants", "the insurgents", "jihadists" (no country, no 'unidentified') naming a group."""
    if span is None:
        return False
    text = doc_text(ctx.doc)
    surface = span.text(text).casefold()
    words = surface.split()
    context = text[max(0, span.start - 30):span.start].casefold()
    if not words or any(w in ("unidentified", "unknown", "masked", "pro-government") for w in words) \
            or re.search(r"\b(?:unidentified|unknown|number of|masked)\b", context):
        return False
    if countries.find_countries(span.text(doc_text(ctx.doc))):
        return False
    head = " ".join(words[-2:]) if " ".join(words[-2:]) in _ANAPHORIC_HEADS else words[-1]
    return head in _ANAPHORIC_HEADS


def _recountry(ctx: Context, side: tuple[Actor, Span | None] | None, country: str | None) -> tuple[Actor, Span | None] | None:
    """A generic actor written without a country ("militants") belongs to the country of the event's place."""
    if side is None or country is None:
        return side
    actor, span = side
    if actor.kind != "generic" or actor.country == country or span is None:
        return side
    surface = span.text(doc_text(ctx.doc))
    if countries.find_countries(surface):
        return side  # "US troops" keep their country wherever they act
    again = [m.actor for m in ctx.actors.find(surface, focus_country=country)]
    return (again[0], span) if len(again) == 1 else side


def _force_of_modifier(ctx: Context, draft: Draft) -> tuple[Actor, Span] | None:
    """"Israeli airstrikes", "US drone strike", "Russian shelling": the military of the demonym's country."""
    trigger = head_token(ctx.doc, draft.hit)
    start = min([trigger.i] + [c.i for c in trigger.lefts if c.dep_ in ("amod", "compound", "nmod", "poss")])
    if start >= draft.hit.start:
        return None
    modifiers = ctx.doc[start:draft.hit.start]
    found = countries.find_countries(modifiers.text)
    if not found:
        return None
    begin = modifiers.start_char + found[-1][0]
    return ctx.actors.generic("military", found[-1][2]), Span(begin, modifiers.start_char + found[-1][1])


def _fires_on_crowd(draft: Draft) -> bool:
    """The sentence tells of firing on rioters, a mob or protesters and no one is named as firing: news leaves
    out the shooter when it is the police ("orders to open fire on rioters", "firing on the mob left two dead");
    an armed group is named as such ("gunmen opened fire on the crowd")."""
    return _ON_CROWD.search(span_text(draft.sentence)) is not None


def finish_actors(ctx: Context, draft: Draft, country: str | None) -> None:
    generic = ctx.actors.generic
    draft.actor1 = _recountry(ctx, draft.actor1, country)
    draft.actor2 = _recountry(ctx, draft.actor2, country)
    if draft.actor1 and draft.actor2 and draft.actor1[0].name == draft.actor2[0].name:
        draft.actor2 = None  # one actor is not both sides of an event
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
        if a2 is not None and a2.inter == 5:
            draft.actor2 = None
        return
    if draft.event_type in _VIOLENT:
        if a1 is not None and a1.inter == 7:  # civilians are victims in ACLED, never perpetrators
            if draft.actor2 is None:
                draft.actor2 = draft.actor1
            draft.actor1, a1 = None, None
            a2 = draft.actor2[0] if draft.actor2 else None
        sole = _sole_armed_group(ctx)
        if sole is not None and a1 is not None and a1.kind == "generic" and a1.inter in (2, 3) \
                and _refers_back(ctx, draft.actor1[1] if draft.actor1 else None):
            draft.actor1, a1 = (sole, draft.actor1[1] if draft.actor1 else None), sole
        if sole is not None and a2 is not None and a2.kind == "generic" and a2.inter in (2, 3) \
                and _refers_back(ctx, draft.actor2[1] if draft.actor2 else None):
            draft.actor2, a2 = (sole, draft.actor2[1] if draft.actor2 else None), sole
        if a1 is None or (a1.kind == "generic" and a1.inter in (2, 3, 4)):
            at = draft.sentence.start_char
            claimed = [side for start, side in sorted(_responsibility(ctx).items()) if start >= at]
            if claimed:
                draft.actor1, a1 = claimed[0], claimed[0][0]
    if draft.event_type == "Battles" and a2 is not None and a2.inter == 7:
        # civilians are never a side of a battle (ACLED): the other armed side named in the sentence, if any
        armed = [m for m in ctx.actors_in(draft.sentence) if m.actor.inter in (1, 2, 3, 4, 8)
                 and not _same(draft.actor1, m)]
        draft.actor2 = (armed[0].actor, armed[0].span) if armed else None
        a2 = draft.actor2[0] if draft.actor2 else None
    if draft.sub_event_type == "TERRITORY":
        draft.sub_event_type = "Government regains territory" if a1 and a1.inter == 1 else "Non-state actor overtakes territory"
    if draft.event_type == "Violence against civilians" and a1 is None and _fires_on_crowd(draft):
        draft.actor1 = (generic("police", country), None)
        a1 = draft.actor1[0]
    if draft.event_type == "Violence against civilians":
        if a2 is None or a2.inter != 7:
            draft.actor2 = (generic("civilians", country), None)
        if a1 is None:
            draft.actor1 = (generic("unidentified_armed", country), None)
        return
    if draft.sub_event_type == "Arrests" and a1 is None:
        draft.actor1 = (generic("police", country), None)
    if draft.sub_event_type == "Change to group/activity":
        if a1 is None or a1.inter == 1:
            draft.actor1 = (generic("defectors", country), draft.actor1[1] if draft.actor1 else None)
        draft.actor2 = None  # a defection or a change of a group's activity is coded as one actor's act
    if draft.event_type == "Explosions/Remote violence" and a1 is None:
        role = "military" if draft.sub_event_type in ("Air/drone strike",) else "unidentified_armed"
        draft.actor1 = (generic(role, country), None)
    if draft.event_type in ("Explosions/Remote violence", "Battles") and draft.actor2 is None and victims_role:
        victim = generic(victims_role, country)
        if not draft.actor1 or victim.name != draft.actor1[0].name:
            draft.actor2 = (victim, None)
    if draft.event_type == "Battles" and draft.actor1 is None:
        # "three militants were killed", no one named as killing them: news reports the deaths of insurgents
        # this way when security forces killed them (ACLED: state forces vs the group); a fight between rival
        # groups names them ("in clashes between rival factions")
        victim = draft.actor2[0] if draft.actor2 else None
        insurgents = victim is not None and victim.inter in (2, 3) and not _RIVALS.search(span_text(draft.sentence))
        draft.actor1 = (generic("military" if insurgents else "unidentified_armed", country), None)


def actor_name(ctx: Context, phrase: tuple[str, Span] | None) -> str | None:
    if phrase is None:
        return None
    text, span = phrase
    inside = [m for m in ctx.actor_mentions if span.start <= m.span.start and m.span.end <= span.end]
    if inside:
        return inside[0].actor.name
    return text
