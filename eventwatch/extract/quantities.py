"""Casualty counts with bounds: "at least 26 killed", "killing twenty-six", "dozens wounded", "between 20 and 30 dead".

A count becomes a :class:`Count` only when a casualty word (killed, wounded, missing, arrested, displaced, bodies)
is bound to it by the usual news constructions:

* verb before the number: "killing at least 26 people", "wounded more than 20";
* number before the participle or adjective: "32 people were killed", "11 soldiers dead", "100 wounded";
* toll phrases: "the death toll rose to 40", "a toll of 12";
* explicit zero: "no one was killed", "there were no casualties".

Numbers after "including", "among them", "of whom" describe a sub-group and are flagged ``subgroup`` so they
never set an event total.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..records import Quantity, Span

__all__ = ["Count", "find_counts", "parse_number", "victim_category"]


@dataclass(frozen=True)
class Count:
    about: str  # killed | injured | missing | arrested | displaced | bodies_found
    quantity: Quantity
    span: Span  # the whole casualty phrase
    victim: str | None = None  # the noun counted ("soldiers", "people")
    subgroup: bool = False  # "including 11 police": part of a larger total
    toll_update: bool = False  # "the death toll rose to 40"


@lru_cache(maxsize=1)
def _number_words() -> dict[str, tuple[int, str]]:
    table: dict[str, tuple[int, str]] = {}
    with resources.files("eventwatch.data").joinpath("number_words.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            word, value, kind = line.rstrip("\n").split("\t")
            table[word] = (int(value), kind)
    return table


_PERSON_NOUNS = (
    r"people|persons?|civilians?|soldiers?|troops|servicem[ae]n|police(?:m[ae]n|wom[ae]n)?|officers?|"
    r"protesters?|demonstrators?|children|child|kids|wom[ae]n|m[ae]n|boys?|girls?|militants?|rebels?|"
    r"fighters?|insurgents?|gunmen|attackers?|assailants?|members?|workers?|students?|residents?|villagers?|"
    r"worshippers?|pilgrims?|passengers?|personnel|guards?|policemen|jihadists?|militiamen|militia members|"
    r"security forces|family members|relatives|journalists?|farmers?|miners?|migrants?|refugees?|"
    r"bystanders?|pedestrians?|shoppers?|patients?|doctors?|staff|teachers?|others|victims|individuals|"
    r"suspects|deserters|defectors|recruits|cadets|commanders?|terrorists?|bandits?|herders?|"
    r"[a-z]+ (?:soldiers|troops|police(?:men)?|civilians|fighters|militants|rebels|officers|members)"
)

_KILL = (
    r"killed|killing|kills|kill|dead|died|die|dies|deaths?|slain|shot dead|gunned down|massacred|"
    r"executed|beheaded|perished|fatalities|lost their lives|lives|murdered|left dead|have died|has died"
)
_INJURE = r"wounded|wounding|wounds|injured|injuring|injuries|injures|hurt|maimed"
_MISSING = r"missing|unaccounted for"
_ARREST = r"arrested|arresting|arrests|detained|detaining|detains|detentions|rounded up|taken into custody|held"
_DISPLACED = r"displaced|displacing|forced to flee|fled their homes|homeless"
_BODIES = r"bodies|corpses|remains"

_CLASSES: tuple[tuple[str, str], ...] = (
    ("killed", _KILL),
    ("injured", _INJURE),
    ("missing", _MISSING),
    ("arrested", _ARREST),
    ("displaced", _DISPLACED),
    ("bodies_found", _BODIES),
)

_MODIFIER = (
    r"at least|not less than|no fewer than|no less than|a minimum of|more than|over|upwards of|in excess of|"
    r"nearly|almost|close to|up to|as many as|at most|fewer than|less than|about|around|some|approximately|"
    r"roughly|an estimated|estimated|a total of|only|just|another|a further|an additional|at the very least"
)

_WORD = r"[A-Za-z]+(?:-[A-Za-z]+)?"
# A number: digits with thousands separators, or a run of number words ("one hundred and twenty-six").
_CORE = (
    r"\d{1,3}(?:,\d{3})+|\d+|"
    r"(?:tens of thousands|hundreds of thousands|half a dozen|a dozen|a couple of|a few|a handful of|"
    r"(?:(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"thousand|million|dozen|dozens|scores|hundreds|thousands|several|numerous|few)(?:[- ](?:and[- ])?"
    r"(?=(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred|thousand|million)\b))?)+)"
)
_NUMBER = re.compile(
    rf"(?<![\w.,-])(?:(?P<mod>{_MODIFIER})\s+)?(?:between\s+(?P<lo>{_CORE})\s+and\s+(?P<hi>{_CORE})|"
    rf"(?P<lo2>\d[\d,]*)\s*(?:-|–|to|or)\s*(?P<hi2>\d[\d,]*)(?=\s)|"
    rf"(?P<lo3>{_CORE})\s+(?:to|or)\s+(?P<hi3>{_CORE})(?=\s)|(?P<num>{_CORE}))(?![\w-])",
    re.IGNORECASE,
)
_SUBGROUP_BEFORE = re.compile(
    r"(?:including|among them|among whom|of whom|of them|among the dead were|among the victims were|"
    r"among those killed were|among those)\s*(?:were\s+)?$",
    re.IGNORECASE,
)
_ZERO = re.compile(
    r"\b(?:no one|nobody|no-one|no person|none)\s+(?:was|were|had been|has been|is|are)?\s*(?:reported\s+)?"
    rf"(?P<a>{_KILL}|{_INJURE})\b|\bno\s+(?:reports? of\s+)?(?P<b>casualties|deaths|fatalities|injuries|"
    r"one (?:was )?(?:hurt|injured|killed))\b",
    re.IGNORECASE,
)
_TOLL = re.compile(
    r"\b(?:death|casualty|civilian|final|overall|total)?\s*toll\b[^.;:]{0,40}?\b(?:rose|risen|rising|climbed|jumped|"
    r"reached|hit|stands at|stood at|increased|is|was|has risen|had risen|to|of|at)\s+",
    re.IGNORECASE,
)
_AGE_OR_UNIT = re.compile(
    r"^\s*(?:-?year|years?\b|-year-old|percent|%|km|kilomet|miles?\b|metres?|meters?|hours?\b|minutes?\b|days?\b|"
    r"weeks?\b|months?\b|am\b|pm\b|a\.m|p\.m|dollars?|euros?|pounds?|times\b|st\b|nd\b|rd\b|th\b)",
    re.IGNORECASE,
)
_MONTHS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december"
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.IGNORECASE)


def _word_value(words: str) -> tuple[int, bool] | None:
    """Value of a run of number words, and whether it is a vague lower bound ("dozens")."""
    table = _number_words()
    text = words.lower().replace("-", " ")
    special = {
        "half a dozen": 6, "a dozen": 12, "a couple of": 2, "a few": 3, "a handful of": 3,
        "tens of thousands": 20000, "hundreds of thousands": 200000,
    }
    if text in special:
        return special[text], text in ("a few", "a handful of", "tens of thousands", "hundreds of thousands")
    total = 0
    current = 0
    vague = False
    seen = False
    for token in text.split():
        if token == "and":
            continue
        if token not in table:
            return None
        value, kind = table[token]
        seen = True
        if kind == "vague":
            vague = True
            current += value
        elif kind == "scale":
            current = max(current, 1) * value
            if value >= 1000:
                total += current
                current = 0
        else:
            current += value
    if not seen:
        return None
    return total + current, vague


def parse_number(token: str) -> tuple[int, bool] | None:
    """``"1,100"`` -> (1100, False); ``"twenty-six"`` -> (26, False); ``"dozens"`` -> (24, True)."""
    cleaned = token.strip()
    if cleaned.replace(",", "").isdigit():
        return int(cleaned.replace(",", "")), False
    return _word_value(cleaned)


def _bounds(match: re.Match[str]) -> Quantity | None:
    mod = (match.group("mod") or "").lower()
    lo_text = match.group("lo") or match.group("lo2") or match.group("lo3")
    hi_text = match.group("hi") or match.group("hi2") or match.group("hi3")
    span = Span(match.start(), match.end())
    if lo_text and hi_text:
        lo, hi = parse_number(lo_text), parse_number(hi_text)
        if lo is None or hi is None or lo[0] > hi[0]:
            return None
        return Quantity(lo[0], hi[0], approximate=bool(mod), span=span)
    parsed = parse_number(match.group("num"))
    if parsed is None:
        return None
    value, vague = parsed
    if vague:
        if mod in ("more than", "over", "upwards of", "in excess of"):
            return Quantity(value + 1, None, approximate=True, span=span)
        return Quantity(value, None, approximate=True, span=span)
    if mod in ("at least", "not less than", "no fewer than", "no less than", "a minimum of", "at the very least"):
        return Quantity(value, None, span=span)
    if mod in ("more than", "over", "upwards of", "in excess of"):
        return Quantity(value + 1, None, span=span)
    if mod in ("up to", "as many as", "at most"):
        return Quantity(None, value, span=span)
    if mod in ("nearly", "almost", "close to"):
        return Quantity(None, value, approximate=True, span=span)
    if mod in ("fewer than", "less than"):
        return Quantity(None, max(value - 1, 0), span=span)
    if mod in ("about", "around", "some", "approximately", "roughly", "an estimated", "estimated"):
        return Quantity(value, value, approximate=True, span=span)
    return Quantity(value, value, span=span)


_CLASS_RES = {about: re.compile(rf"^(?:{pattern})\b", re.IGNORECASE) for about, pattern in _CLASSES}
_AFTER = re.compile(
    rf"^\s+(?P<victim>(?:(?:{_WORD})\s+){{0,2}}?(?:{_PERSON_NOUNS}))?(?:\s*,?\s*(?:mostly|mainly|all|most of them|"
    rf"many of them)\s+{_WORD})?(?:\s*,\s*(?:including|among them|mostly|many of them)\b[^,;.]{{1,60}},)?\s*(?:(?:were|was|have|has|had|are|is|been|being|got|reportedly|also|later|"
    rf"allegedly|were reported|are reported|are feared|feared|confirmed|left|found|so far|in all|in total|remain|remained|still|"
    rf"had been|have been|been)\s+){{0,3}}",
    re.IGNORECASE,
)
_VICTIM_ONLY = re.compile(rf"^\s+(?:(?:{_WORD})\s+){{0,2}}?(?:{_PERSON_NOUNS})\b", re.IGNORECASE)
_BEFORE_VERB = re.compile(
    rf"\b(?P<verb>{_KILL}|{_INJURE}|{_ARREST}|{_DISPLACED}|left|leaving|claimed the lives of|claiming the lives of|"
    rf"killing and wounding|killed and wounded|wounding and killing)\s+(?:(?:an|the)\s+)?$",
    re.IGNORECASE,
)


def _classify(word: str) -> str | None:
    for about, regex in _CLASS_RES.items():
        if regex.match(word):
            return about
    return None


def victim_category(victim: str | None) -> str | None:
    """Coarse category of a counted noun: military | police | civilians | armed | protesters | None."""
    if not victim:
        return None
    v = victim.lower()
    if re.search(r"police|officers|policem", v):
        return "police"
    if re.search(r"soldier|troops|servicem|personnel|guards|security forces|recruits|cadets", v):
        return "military"
    if re.search(r"militant|rebel|insurgent|gunm|attacker|assailant|jihadist|militia|terrorist|bandit|fighter|deserter|defector", v):
        return "armed"
    if re.search(r"protester|demonstrator", v):
        return "protesters"
    if re.search(r"civilian|child|kid|wom[ae]n|boy|girl|worshipper|pilgrim|passenger|villager|resident|student|farmer|"
                 r"journalist|shopper|pedestrian|bystander|patient|teacher|worker|miner|migrant|refugee|herder", v):
        return "civilians"
    return None


def find_counts(text: str, *, offset: int = 0) -> list[Count]:
    """All casualty counts in ``text`` (usually one sentence); spans are shifted by ``offset``."""
    counts: list[Count] = []
    for match in _NUMBER.finditer(text):
        core = match.group("num") or ""
        if core.lower() in ("some", "few", "an", "a"):
            continue
        before = text[: match.start()]
        after = text[match.end():]
        if _AGE_OR_UNIT.match(after) or _DATE_BEFORE.search(before):
            continue
        if core.isdigit() and len(core) == 4 and 1900 <= int(core) <= 2100 and not match.group("mod"):
            continue  # a year
        quantity = _bounds(match)
        if quantity is None:
            continue
        if re.search(r"\bno\s*$", before, re.IGNORECASE):
            continue  # "no one was hurt" is handled as an explicit zero
        subgroup = bool(_SUBGROUP_BEFORE.search(before))
        found = _bind_before(before, after, quantity) or _bind_after(after, quantity)
        if found is None:
            continue
        about, victim, end = found
        toll_update = False
        if about == "killed" and _TOLL.search(before[-70:]):
            toll_update = True
        start = match.start()
        verb = _BEFORE_VERB.search(before)
        if verb:
            start = verb.start()
        shifted = Quantity(quantity.min, quantity.max, quantity.approximate,
                           Span(quantity.span.start + offset, quantity.span.end + offset) if quantity.span else None)
        counts.append(Count(about, shifted, Span(start + offset, match.end() + end + offset), victim,
                            subgroup=subgroup, toll_update=toll_update))
        if about == "killed" and verb and re.search(r"and wound|and injur", verb.group("verb"), re.IGNORECASE):
            counts.append(Count("injured", shifted, Span(start + offset, match.end() + end + offset), victim,
                                subgroup=subgroup))
    for match in _TOLL.finditer(text):
        rest = text[match.end():]
        lead = re.match(r"(?:to|at|of)\s+", rest)
        skip = lead.end() if lead else 0
        number = _NUMBER.match(rest, skip)
        if number:
            quantity = _bounds(number)
            if quantity and quantity.span:
                qspan = Span(match.end() + quantity.span.start + offset, match.end() + quantity.span.end + offset)
                if any(c.quantity.span == qspan for c in counts):
                    continue
                counts.append(Count("killed", Quantity(quantity.min, quantity.max, quantity.approximate, qspan),
                                    Span(match.start() + offset, qspan.end), None, toll_update=True))
    for match in _ZERO.finditer(text):
        word = (match.group("a") or match.group("b") or "").lower()
        span = Span(match.start() + offset, match.end() + offset)
        zero = Quantity(0, 0, span=span)
        if word in ("casualties",):
            counts.append(Count("killed", zero, span))
            counts.append(Count("injured", zero, span))
        elif _classify(word.split()[-1]) == "injured" or word == "injuries":
            counts.append(Count("injured", zero, span))
        else:
            counts.append(Count("killed", zero, span))
    return counts


def _bind_before(before: str, after: str, quantity: Quantity) -> tuple[str, str | None, int] | None:
    """'killing at least 26 people' -> ('killed', 'people', end offset after the victim noun)."""
    verb = _BEFORE_VERB.search(before)
    if not verb:
        return None
    word = verb.group("verb").lower()
    victim_match = _VICTIM_ONLY.match(after)
    victim = victim_match.group(0).strip() if victim_match else None
    end = victim_match.end() if victim_match else 0
    if word in ("left", "leaving", "claimed the lives of", "claiming the lives of"):
        # "left 12 dead", "leaving 3 people injured"
        bound = _bind_after(after, quantity)
        if bound:
            return bound
        if word.startswith("claim"):
            return "killed", victim, end
        return None
    about = _classify(word)
    if about is None:
        about = "killed"
    if about == "arrested" and word == "held":
        return None
    if about in ("bodies_found",):
        return None
    return about, victim, end


def _bind_after(after: str, quantity: Quantity) -> tuple[str, str | None, int] | None:
    """'32 people were killed', '11 soldiers dead', '100 wounded', '460 bodies'."""
    match = _AFTER.match(after)
    if match is None:
        return None
    victim = (match.group("victim") or "").strip() or None
    rest = after[match.end():]
    word = re.match(r"[A-Za-z]+(?: [a-z]+){0,2}", rest)
    if not word:
        return None
    if victim and re.match(_BODIES, victim.split()[-1], re.IGNORECASE):
        return "bodies_found", victim, match.end()
    about = _classify(word.group(0))
    if about is None:
        # "460 bodies" / "460 corpses" — the noun itself is the class
        lead = re.match(rf"\s*(?:{_BODIES})\b", after, re.IGNORECASE)
        if lead:
            return "bodies_found", lead.group(0).strip(), lead.end()
        return None
    if about == "arrested" and word.group(0).lower().startswith("held"):
        return None
    if about == "killed" and word.group(0).lower() == "lives" and not re.search(r"\blost\b", after[: match.end() + 12]):
        return None
    end = match.end() + len(word.group(0).split()[0])
    return about, victim, end
