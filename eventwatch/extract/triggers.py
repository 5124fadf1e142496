"""Event triggers: words and phrases in the parse that report a physical event, from ``data/event_triggers.tsv``.

Matching is on lower-cased lemmas with a fall-back to lower-cased surface forms, so it also works on a blank
pipeline (no lemmatizer). Longest match wins at each position ("suicide car bomb" over "car bomb" over "bomb").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

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
    if token.lemma_.lower() == "arrest" and any(c.lower_ in _MEDICAL_ARREST for c in token.children):
        return True  # "died of cardiac arrest"
    if len(entry.phrase) == 1 and token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN") \
            and not any(len(e.phrase) == 1 for form in _forms(token.head) for e in index.get(form, ())) \
            and not (token.lower_.endswith("ing") and entry.family in ("PROTEST", "RIOT", "MOB")):
        return True  # "riot police", "attack helicopter", "protest leaders": a modifier naming a kind of thing
    if len(entry.phrase) == 1 and token.dep_ == "amod" and token.tag_ in ("VBG", "VBN") and token.head.pos_ == "NOUN" \
            and entry.family not in ("PROTEST", "RIOT", "MOB"):  # but "rioting youths smashed..." is the riot
        return True  # "defecting soldiers", "wounded survivors": a participle describing people, not an event
    if token.lemma_.lower() in _INTRANSITIVE_ONLY and token.pos_ == "VERB" and any(c.dep_ == "dobj" for c in token.children):
        return True
    return False


def find_triggers(sentence: SpacySpan) -> list[TriggerHit]:
    """Trigger hits in one sentence, left to right, longest match at each position, no overlaps."""
    index = load_triggers()
    tokens = list(sentence)
    hits: list[TriggerHit] = []
    i = 0
    while i < len(tokens):
        matched: TriggerHit | None = None
        for form in _forms(tokens[i]):
            for entry in index.get(form, ()):
                n = len(entry.phrase)
                if i + n > len(tokens):
                    continue
                if all(entry.phrase[k] in _forms(tokens[i + k]) for k in range(1, n)):
                    if _not_an_event(tokens[i], entry, index):
                        break
                    matched = TriggerHit(entry, tokens[i].i, tokens[i + n - 1].i + 1)
                    break
            if matched:
                break
        if matched:
            hits.append(matched)
            i += len(matched.entry.phrase)
        else:
            i += 1
    return hits
