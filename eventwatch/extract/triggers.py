"""Event triggers: words and phrases in the parse that report a physical event, from ``data/event_triggers.tsv``.

Matching is on lower-cased lemmas with a fall-back to lower-cased surface forms, so it also works on a blank
pipeline (no lemmatizer). Longest match wins at each position ("suicide car bomb" over "car bomb" over "bomb").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..nlp import doc_words

__all__ = ["TriggerEntry", "TriggerHit", "load_triggers", "find_triggers", "acled_cameo", "acled_subtypes"]


@dataclass(frozen=True)
class TriggerEntry:
    phrase: tuple[str, ...]
    family: str  # EXPL:<sub-type> | BATTLE | VIOLENCE | PROTEST | ...
    weight: float


@dataclass(frozen=True)
class TriggerHit:
    entry: TriggerEntry
    start: int  # token index in the doc
    end: int  # exclusive token index

    @property
    def family(self) -> str:
        return self.entry.family.split(":", 1)[0]

    @property
    def explosion_subtype(self) -> str | None:
        parts = self.entry.family.split(":", 1)
        return parts[1] if len(parts) == 2 else None


@lru_cache(maxsize=1)
def load_triggers() -> dict[str, list[TriggerEntry]]:
    """First word of each phrase -> entries, longest phrase first."""
    index: dict[str, list[TriggerEntry]] = {}
    with resources.files("eventwatch.data").joinpath("event_triggers.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            phrase, family, weight = line.rstrip("\n").split("\t")
            words = tuple(phrase.lower().split())
            index.setdefault(words[0], []).append(TriggerEntry(words, family, float(weight)))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e.phrase))
    return index


@lru_cache(maxsize=1)
def _acled_table() -> dict[tuple[str, str], str | None]:
    table: dict[tuple[str, str], str | None] = {}
    with resources.files("eventwatch.data").joinpath("acled_types.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            event_type, sub_type, cameo = (line.rstrip("\n").split("\t") + [""])[:3]
            table[(event_type, sub_type)] = cameo or None
    return table


def acled_cameo(event_type: str, sub_event_type: str) -> str | None:
    return _acled_table().get((event_type, sub_event_type))


def acled_subtypes() -> list[tuple[str, str]]:
    return list(_acled_table())


def _forms(token: Token) -> tuple[str, ...]:
    lower = token.lower_
    lemma = token.lemma_.lower() if token.lemma_ else ""
    if lemma and lemma != lower:
        return (lemma, lower)
    return (lower,)


# Verbs that report a protest only when intransitive: "they demonstrated" vs "they demonstrated their skills".
_INTRANSITIVE_ONLY = {"demonstrate", "march", "rally"}
_MEDICAL_ARREST = {"cardiac", "respiratory", "heart"}
_MONTH_BEFORE = {"on", "in", "since", "till", "until", "of", "by", "from", "to", "early", "late", "mid", "last",
                 "next", "this", "during", "before", "after", "between", "and"}


@lru_cache(maxsize=1)
def _people_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """(nouns naming people, nouns naming the police), single words, from the casualty-noun and agent lexicons."""
    people: set[str] = set()
    police: set[str] = set()
    for name, role_column in (("casualty_nouns.tsv", None), ("agents.tsv", 2)):
        with resources.files("eventwatch.data").joinpath(name).open(encoding="utf-8") as fh:
            for line in fh:
                cells = line.rstrip("\n").split("\t")
                if line.startswith("#") or len(cells) < 3 or cells[0] == "noun" or " " in cells[0]:
                    continue
                if role_column is not None and cells[1] != "noun":
                    continue
                people.add(cells[0].lower())
                if role_column is not None and cells[role_column] == "police":
                    police.add(cells[0].lower())
    return frozenset(people | _PEOPLE_EXTRA), frozenset(police)


# Verbs that report an arrest only when people are taken, and taken by the police: passive with a person subject
# ("50 persons were held", "he was picked up", "two were caught by the police") or active with a police subject
# and a person object ("the police picked them up") -- but not "elections were held" or "caught in the crossfire".
_CUSTODY_VERBS = {("hold",), ("catch",), ("pick", "up"), ("book",)}
_PEOPLE_EXTRA = frozenset({"activist", "activists", "youth", "youths", "accused", "leader", "leaders", "supporter",
                           "supporters", "volunteers", "volunteer", "culprits", "culprit", "miscreants", "miscreant",
                           "criminals", "criminal", "agent", "agents", "boys", "boy", "persons", "people"})
_PERSON_PRONOUNS = {"he", "she", "they", "we", "i", "him", "her", "them", "us", "me", "some", "all", "both",
                    "several", "many", "few", "others", "one", "two", "three", "four", "five", "six", "seven",
                    "eight", "nine", "ten", "dozens", "hundreds", "scores"}
_STATE_CAPTORS = {"army", "troops", "soldiers", "jawans", "forces", "authorities", "officials", "administration",
                  "agency", "agencies"}
_RECORDINGS = {"camera", "cameras", "tape", "video", "film"}


def _names_people(token: Token) -> bool:
    if token.lower_ in ("who", "that") and token.head.head is not token.head:
        token = token.head.head  # "the two men who were caught": the relative clause's head
    people, _police = _people_nouns()
    if token.lemma_.lower() in ("hostage", "captive"):
        return False
    if token.lower_ in _PERSON_PRONOUNS or token.lower_ in people or token.lemma_.lower() in people:
        return True
    if token.ent_type_ in ("PERSON", "NORP") or (token.pos_ == "PROPN" and not token.ent_type_):
        return True  # a name; lower-case names often go untagged
    return token.pos_ == "NUM" and token.dep_ in ("nsubjpass", "dobj")  # "two were held"


def _names_police(token: Token) -> bool:
    _people, police = _people_nouns()
    return any(t.lower_ in police for t in token.subtree)


def _custody_verb_is_arrest(verb: Token) -> bool:
    children = list(verb.children)
    if any(c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") for c in children):
        return False  # "held hostage", "held responsible", "caught unawares"
    if verb.lemma_.lower() == "pick":
        if not any(c.dep_ == "prt" and c.lower_ == "up" for c in children):
            return False
    elif any(c.dep_ == "prt" for c in children):
        return False  # "held up", "held back", "caught up"
    agents = [c for c in children if c.dep_ == "agent"]
    if agents and not (_names_police(agents[0]) or any(t.lower_ in _STATE_CAPTORS for t in agents[0].subtree)):
        return False  # "held by the gang": captives, not arrests
    if verb.lemma_.lower() == "catch" and not agents and any(
            c.dep_ == "prep" and ((c.lower_ in ("in", "between") and not any(t.lower_ == "connection" for t in c.subtree))
                                  or any(t.lower_ in _RECORDINGS for t in c.subtree))
            for c in children):
        return False  # "caught in the crossfire", "caught on camera"
    passive_subjects = [c for c in children if c.dep_ == "nsubjpass"]
    if passive_subjects:
        return _names_people(passive_subjects[0])
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.lemma_.lower() != "hold":
        return _names_people(verb.head)  # "two activists caught by the police"
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj":  # "the police acted and caught some of them"
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    objects = [c for c in children if c.dep_ == "dobj"]
    return bool(subjects and objects and _names_police(subjects[0]) and _names_people(objects[0]))


def _is_month(token: Token) -> bool:
    """"march" naming the month: next to a day number or a year, or after a preposition of time."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    return bool((after is not None and after.like_num) or (before is not None and before.lower_ in _MONTH_BEFORE)
                or (before is not None and before.like_num))


def _not_an_event(token: Token, entry: TriggerEntry, index: dict[str, list[TriggerEntry]]) -> bool:
    """Uses of a trigger word that do not report an event; needs a parse, so a blank pipeline keeps every hit."""
    if token.lower_ == "according":  # "according to reports": attribution, not an accord
        return True
    if token.lower_ == "march" and _is_month(token):
        return True  # "on march 1", "since March 2011": the month
    if token.lemma_.lower() == "shell" and any(t.lower_ in ("gas", "teargas", "tear-gas", "smoke")
                                               for t in token.doc[max(token.i - 2, 0):token.i]):
        return True  # "fired tear gas shells": crowd control, not artillery
    if token.lemma_.lower() == "die" and any(c.dep_ == "prt" and c.lower_ in ("down", "out", "away") for c in token.children):
        return True  # "the riots had died down": subsided, nobody died
    if token.lemma_.lower() == "arrest" and any(c.lower_ in _MEDICAL_ARREST for c in token.children):
        return True  # "died of cardiac arrest"
    if len(entry.phrase) == 1 and token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN") \
            and not any(len(e.phrase) == 1 for form in _forms(token.head) for e in index.get(form, ())) \
            and not (token.lower_.endswith("ing") and entry.family in ("PROTEST", "RIOT", "MOB")):
        return True  # "riot police", "attack helicopter", "protest leaders": a modifier naming a kind of thing
    if len(entry.phrase) == 1 and token.dep_ == "amod" and token.tag_ in ("VBG", "VBN") and token.head.pos_ == "NOUN" \
            and entry.family not in ("PROTEST", "RIOT", "MOB", "ARREST"):  # "rioting youths" is the riot, and
        # "the arrested workers" were arrested
        return True  # "defecting soldiers", "wounded survivors": a participle describing people, not an event
    if entry.family == "ARREST" and entry.phrase[0] in ("hold", "catch", "pick", "book") \
            and token.pos_ not in ("VERB", "AUX"):
        return True  # "45 books under preparation": the noun
    if entry.family == "ARREST" and entry.phrase in _CUSTODY_VERBS:
        return not _custody_verb_is_arrest(token)
    if token.lemma_.lower() in _INTRANSITIVE_ONLY and token.pos_ == "VERB" and any(c.dep_ == "dobj" for c in token.children):
        return True
    return False


def _doc_forms(doc: Doc) -> list[tuple[str, ...]]:
    """:func:`_forms` of every token of the doc, made once from :func:`doc_words`: most words start no trigger, so
    they need no Token at all."""
    forms = doc.user_data.get("eventwatch_trigger_forms")
    if forms is None:
        forms = doc.user_data["eventwatch_trigger_forms"] = [
            (lemma, lower) if lemma and lemma != lower else (lower,)
            for lemma, lower, _pos, _dep, _head in doc_words(doc)]
    return forms


def find_triggers(sentence: SpacySpan) -> list[TriggerHit]:
    """Trigger hits in one sentence, left to right, longest match at each position, no overlaps.

    The assembler asks before drafting (to know whether the sentence's figures are needed), so the answer is kept
    on the doc."""
    cache = sentence.doc.user_data.setdefault("eventwatch_triggers", {})
    key = (sentence.start, sentence.end)
    if key not in cache:
        cache[key] = _find_triggers(sentence)
    return cache[key]


def _find_triggers(sentence: SpacySpan) -> list[TriggerHit]:
    index = load_triggers()
    doc = sentence.doc
    forms = _doc_forms(doc)
    end = sentence.end
    hits: list[TriggerHit] = []
    i = sentence.start
    while i < end:
        matched: TriggerHit | None = None
        for form in forms[i]:
            for entry in index.get(form, ()):
                n = len(entry.phrase)
                if i + n > end:
                    continue
                if all(entry.phrase[k] in forms[i + k] for k in range(1, n)):
                    if _not_an_event(doc[i], entry, index):
                        break
                    matched = TriggerHit(entry, i, i + n)
                    break
            if matched:
                break
        if matched:
            hits.append(matched)
            i += len(matched.entry.phrase)
        else:
            i += 1
    return hits
