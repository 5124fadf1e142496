"""Casualty counts with bounds: "at least 26 killed", "killing twenty-six", "dozens wounded", "between 20 and 30 dead".

A count becomes a :class:`Count` only when a casualty word (killed, wounded, missing, arrested, displaced, bodies)
is bound to it by the usual news constructions:

* verb before the number: "killing at least 26 people", "wounded more than 20";
* number before the participle or adjective: "32 people were killed", "11 soldiers dead", "100 wounded",
  "a civilian died" (one);
* coordinated groups add up: "two soldiers and a civilian were killed" is 3; "five police officers and others
  were injured" is at least 6;
* toll phrases: "the death toll rose to 40", "a toll of 12";
* explicit zero: "no one was killed", "there were no casualties", "did not cause any casualties".

Numbers after "including", "among them", "of whom" describe a sub-group and are flagged ``subgroup`` so they
never set an event total. "killing and wounding dozens" does not say how many died, so it gives no count.
Figures the sentence marks as superseded ("the initial toll was 24", "earlier reports had eight killed") are
flagged ``initial``; "another protester died" is flagged ``additional`` (it adds to the toll already given).
The modifier words ("at least", "up to", ...) and the counted nouns are data files in ``eventwatch/data``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from ..nlp import prefix_tree_pattern, quick_reject
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
    initial: bool = False  # "the initial toll was 24": superseded by later figures
    additional: bool = False  # "another protester died": on top of the toll already given


def _rows(name: str) -> list[list[str]]:
    """Data rows of a tab-separated file in ``eventwatch.data`` (comments and the header line skipped)."""
    rows = []
    with resources.files("eventwatch.data").joinpath(name).open(encoding="utf-8") as fh:
        lines = [line.rstrip("\n") for line in fh if line.strip() and not line.startswith("#")]
    for line in lines[1:] if name != "number_words.tsv" else lines:
        rows.append(line.split("\t"))
    return rows


@lru_cache(maxsize=1)
def _number_words() -> dict[str, tuple[int, str]]:
    return {word: (int(value), kind) for word, value, kind in _rows("number_words.tsv")}


@lru_cache(maxsize=1)
def _modifiers() -> dict[str, str]:
    """Modifier phrase -> bound rule (min | above | max | near | below | approx | exact | additional)."""
    return {phrase.lower(): bound for phrase, bound in _rows("quantity_modifiers.tsv")}


@lru_cache(maxsize=1)
def _nouns() -> dict[str, tuple[str, str]]:
    """Counted noun -> (sg | pl, category)."""
    return {noun.lower(): (number, category) for noun, number, category in _rows("casualty_nouns.tsv")}


def _alternation(words: list[str]) -> str:
    return prefix_tree_pattern(set(words), space=r"\s+")


_KILL = (
    r"killed|killing|kills|kill|dead|died|die|dies|deaths?|slain|shot dead|gunned down|massacred|"
    r"executed|beheaded|perished|fatalities|lost their lives|lives|murdered|left dead|have died|has died|"
    r"burnt alive|burned alive|burnt to death|burned to death|hacked to death|stabbed to death|lynched"
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
# Past forms that are also active transitive verbs: "gunmen killed five people" counts the five, not the gunmen.
_TRANSITIVE = re.compile(r"^(?:killed|wounded|injured|hurt|shot dead|gunned down|murdered|executed|beheaded|"
                         r"massacred|arrested|detained|maimed|displaced)$", re.IGNORECASE)
_OBJECT_AFTER = re.compile(r"^\s+(?:\d|a\b|an\b|the\b|his\b|her\b|their\b|its\b|two\b|three\b|four\b|five\b|six\b|"
                           r"seven\b|eight\b|nine\b|ten\b|dozens\b|scores\b|hundreds\b|several\b|many\b|at least\b|"
                           r"more than\b|some\b|about\b|around\b|nearly\b|up to\b)", re.IGNORECASE)
_MIXED_AFTER = re.compile(r"^\s+(?:and|or)\s+(?:wounded|injured|killed|dead|hurt|wounding|injuring|killing)\b",
                          re.IGNORECASE)

_WORD = r"[A-Za-z0-9']+(?:-[A-Za-z0-9']+)*"  # a modifier of the counted noun ("25-year-old")
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
# "Photo: ReutersFifteen people were killed": scraped pages glue a caption or credit onto the lede's first word;
# a capitalised number word right after a lower-case letter starts a new word
_GLUED = r"(?<=(?-i:[a-z]))(?=(?-i:[A-Z]))"
_SPECIAL_NUMBERS = {
    "half a dozen": (6, False), "a dozen": (12, False), "a couple of": (2, False), "a few": (3, True),
    "a handful of": (3, True), "tens of thousands": (20000, True), "hundreds of thousands": (200000, True),
}


@dataclass(frozen=True)
class _Patterns:
    number: re.Pattern[str]
    indefinite: re.Pattern[str]
    after: re.Pattern[str]
    victim_only: re.Pattern[str]
    join: re.Pattern[str]
    and_others: re.Pattern[str]  # "five police officers and others": at least one more than the number


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    nouns = _nouns()
    person = _alternation(list(nouns))
    singular = _alternation([n for n, (number, _) in nouns.items() if number == "sg"])
    modifier = _alternation(list(_modifiers()))
    number = re.compile(
        rf"(?:(?<![\w.,-])|{_GLUED})(?:(?P<mod>{modifier})\s+)?(?:between\s+(?P<lo>{_CORE})\s+and\s+(?P<hi>{_CORE})|"
        rf"(?P<lo2>\d[\d,]*)\s*(?:-|–|to|or)\s*(?P<hi2>\d[\d,]*)(?=\s)|"
        rf"(?P<lo3>{_CORE})\s+(?:to|or)\s+(?P<hi3>{_CORE})(?=\s)|(?P<num>{_CORE}))(?![\w-])",
        re.IGNORECASE,
    )
    # "a civilian", "another protester": one person, written with an article
    indefinite = re.compile(rf"(?<![\w-])(?P<det>an?|another)(?=\s+(?:[\w'-]+\s+){{0,2}}?(?:{singular})\b)",
                            re.IGNORECASE)
    victim = rf"(?:(?:{_WORD})\s+){{0,2}}?(?:{person})"
    after = re.compile(
        rf"^\s+(?P<victim>{victim})?(?P<others>\s+and\s+others)?(?:\s+(?:from|in|of|at)\s+(?:the\s+)?(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)?)?"
        rf"(?:\s*,?\s*(?:mostly|mainly|all|most of them|many of them)\s+{_WORD})?"
        rf"(?:\s*,\s*(?:including|among them|mostly|many of them)\b[^,;.]{{1,60}},)?\s*"
        rf"(?P<aux>(?:(?:were|was|have|has|had|are|is|been|being|got|reportedly|also|later|allegedly|"
        rf"were reported|are reported|are feared|feared|confirmed|left|found|so far|in all|in total|remain|"
        rf"remained|still|had been|have been|been)\s+){{0,3}})",
        re.IGNORECASE,
    )
    victim_only = re.compile(rf"^\s+{victim}\b", re.IGNORECASE)
    and_others = re.compile(rf"^\s+{victim}\s+and\s+others\b", re.IGNORECASE)
    join = re.compile(rf"^\s+{victim}\s*(?:,\s*(?:and\s+)?|\s+and\s+)$", re.IGNORECASE)
    return _Patterns(quick_reject(number), quick_reject(indefinite), after, victim_only, join, and_others)


_SUBGROUP_BEFORE = quick_reject(re.compile(
    r"(?:including|among them|among whom|of whom|of them|among the dead were|among the victims were|"
    r"among those killed were|among those)\s*(?:were\s+)?$",
    re.IGNORECASE,
))
_ZERO = quick_reject(re.compile(
    r"\b(?:no one|nobody|no-one|no person|none)\s+(?:(?:was|were|had been|has been|is|are|got)\s+)?"
    rf"(?:(?:reported|reportedly|immediately|seriously)\s+)?(?P<a>{_KILL}|{_INJURE})\b"
    r"|\b(?:no|zero|without(?:\s+any)?|(?:not|n't|never)\s+(?:\w+\s+)?any)\s+(?:(?:immediate|reported|further)\s+)?"
    r"(?:reports?\s+of\s+)?(?:(?:damage|injuries|deaths)\s+(?:or|and)\s+)?"
    r"(?P<b>casualties|deaths|fatalities|injuries|one (?:was )?(?:hurt|injured|killed))\b",
    re.IGNORECASE,
))
_TOLL_VERBS = (r"rose|risen|rising|climbed|jumped|reached|hit|stands at|stood at|increased|is|was|has risen|"
               r"had risen|to|of|at")
# "the death toll from the bombing has risen to ", "put the number of dead at " written right before a number
_TOLL_BEFORE = quick_reject(re.compile(rf"\b(?:toll|number of (?:the )?(?:dead|deaths|fatalities|people killed|those killed))\b[^.;:]{{0,60}}?\b(?P<verb>{_TOLL_VERBS})\s+(?:(?:to|at|of)\s+)?$", re.IGNORECASE))
_TOLL_CHANGE = frozenset({"rose", "risen", "rising", "climbed", "jumped", "reached", "hit", "increased",
                          "has risen", "had risen", "to", "stands at"})
# "the initial toll", "earlier reports had eight killed": figures the article itself says were superseded
_INITIAL = quick_reject(re.compile(r"\b(?:initial|preliminary|earlier|previous|first)\s+(?:\w+\s+)?(?:toll|reports?|figures?|"
                      r"counts?|estimates?|tally)\b|\breports?\s+earlier\b|\bearlier\s+in\s+the\s+day\b",
                      re.IGNORECASE))
_AGE_OR_UNIT = re.compile(
    r"^\s*(?:-?year|years?\b|-year-old|percent|%|km|kilomet|miles?\b|metres?|meters?|hours?\b|minutes?\b|days?\b|"
    r"weeks?\b|months?\b|am\b|pm\b|a\.m|p\.m|dollars?|euros?|pounds?|times\b|st\b|nd\b|rd\b|th\b)",
    re.IGNORECASE,
)
_MONTHS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december"
_DATE_BEFORE = quick_reject(re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.IGNORECASE))
_NO_BEFORE = quick_reject(re.compile(r"\bno\s*$", re.IGNORECASE))
_QUOTE_MARKS = str.maketrans({"“": " ", "”": " ", '"': " "})
_COMBINED_VERB = quick_reject(re.compile(r"\band\b|\bor\b", re.IGNORECASE))


def _word_value(words: str) -> tuple[int, bool] | None:
    """Value of a run of number words, and whether it is a vague lower bound ("dozens")."""
    table = _number_words()
    text = words.lower().replace("-", " ")
    text = re.sub(r"\s+", " ", text)
    if text in _SPECIAL_NUMBERS:
        return _SPECIAL_NUMBERS[text]
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


def _apply_modifier(value: int, vague: bool, rule: str | None, span: Span) -> Quantity:
    if vague:  # "dozens" is a lower bound whatever is written before it
        return Quantity(value + 1 if rule == "above" else value, None, approximate=True, span=span)
    if rule == "min":
        return Quantity(value, None, span=span)
    if rule == "above":
        return Quantity(value + 1, None, span=span)
    if rule == "max":
        return Quantity(None, value, span=span)
    if rule == "near":
        return Quantity(None, value, approximate=True, span=span)
    if rule == "below":
        return Quantity(None, max(value - 1, 0), span=span)
    if rule == "approx":
        return Quantity(value, value, approximate=True, span=span)
    return Quantity(value, value, span=span)


def _bounds(match: re.Match[str]) -> Quantity | None:
    mod = re.sub(r"\s+", " ", (match.group("mod") or "").lower())
    rule = _modifiers().get(mod) if mod else None
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
    return _apply_modifier(parsed[0], parsed[1], rule, span)


_CLASS_RES = {about: re.compile(rf"^(?:{pattern})\b", re.IGNORECASE) for about, pattern in _CLASSES}
_BEFORE_VERB = quick_reject(re.compile(
    rf"\b(?P<verb>{_KILL}|{_INJURE}|{_ARREST}|{_DISPLACED}|left|leaving|claimed the lives of|claiming the lives of|"
    rf"lost|losing|killing and wounding|killed and wounded|wounding and killing|killing or wounding|"
    rf"killed or wounded|killed or injured|killing or injuring|killing and injuring|killed and injured)"
    rf"\s+(?:(?:an|the)\s+)?$",
    re.IGNORECASE,
))


def _classify(word: str) -> str | None:
    for about, regex in _CLASS_RES.items():
        if regex.match(word):
            return about
    return None


def victim_category(victim: str | None) -> str | None:
    """Coarse category of a counted noun: military | police | civilians | armed | protesters | None."""
    if not victim:
        return None
    words = victim.lower().split()
    nouns = _nouns()
    for size in (2, 1):
        entry = nouns.get(" ".join(words[-size:]))
        if entry:
            return None if entry[1] == "-" else entry[1]
    return None


@dataclass(frozen=True)
class _Figure:
    """A number (or a coordinated group of numbers) in a sentence, before it is bound to a casualty word."""

    quantity: Quantity
    start: int
    end: int
    mod: str | None
    additional: bool


def _figures(text: str) -> list[_Figure]:
    """Numbers and indefinite singulars in reading order, coordinated groups summed."""
    patterns = _patterns()
    singles: list[_Figure] = []
    for match in patterns.number.finditer(text):
        core = match.group("num") or ""
        if core.lower() in ("some", "few", "an", "a"):
            continue
        before, after = text[: match.start()], text[match.end():]
        if _AGE_OR_UNIT.match(after) or _DATE_BEFORE.search(before):
            continue
        if core.isdigit() and len(core) == 4 and 1900 <= int(core) <= 2100 and not match.group("mod"):
            continue  # a year
        if _NO_BEFORE.search(before):
            continue  # "no one was hurt" is handled as an explicit zero
        quantity = _bounds(match)
        if quantity is None:
            continue
        mod = re.sub(r"\s+", " ", (match.group("mod") or "").lower()) or None
        singles.append(_Figure(quantity, match.start(), match.end(), mod,
                               additional=_modifiers().get(mod or "") == "additional"))
    taken = [(f.start, f.end) for f in singles]
    for match in patterns.indefinite.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        det = match.group("det").lower()
        span = Span(match.start(), match.end())
        singles.append(_Figure(Quantity(1, 1, span=span), match.start(), match.end(), None,
                               additional=det == "another"))
    singles.sort(key=lambda f: f.start)
    figures: list[_Figure] = []
    i = 0
    while i < len(singles):
        group = [singles[i]]
        while i + 1 < len(singles) and patterns.join.match(text[group[-1].end:singles[i + 1].start]) \
                and patterns.victim_only.match(text[singles[i + 1].end:]):
            i += 1
            group.append(singles[i])
        i += 1
        if len(group) == 1:
            figures.append(group[0])
            continue
        mins = [f.quantity.min for f in group]
        maxes = [f.quantity.max for f in group]
        low = sum(m for m in mins if m is not None) if all(m is not None for m in mins) else None
        high = sum(m for m in maxes if m is not None) if all(m is not None for m in maxes) else None
        first, last = group[0], group[-1]
        figures.append(_Figure(Quantity(low, high, any(f.quantity.approximate for f in group),
                                        Span(first.start, last.end)),
                               first.start, last.end, first.mod, first.additional))
    return figures


# "two of the three militants": the text between a part and the whole it is taken from
_PARTITIVE = re.compile(r"\s+of\s+(?:the|these|those|its|their|all)?\s*", re.IGNORECASE)
_PREDICATE = re.compile(r"\s+(?:(?:also|reportedly|later|then)\s+)?(?:were|was|have|has|had|are|is|died|perished)\b",
                        re.IGNORECASE)
# "40 of these deaths were due to police firing": the share of a toll that the sentence goes on to explain
_SHARE_OF_DEATHS = re.compile(r"\s+of\s+(?:the|these|those|its)\s+(?:deaths|killings|fatalities)\b", re.IGNORECASE)


def find_counts(text: str, *, offset: int = 0) -> list[Count]:
    """All casualty counts in ``text`` (usually one sentence); spans are shifted by ``offset``."""
    text = text.translate(_QUOTE_MARKS)  # 'killed "scores" of fighters'; same length, so offsets hold
    counts: list[Count] = []

    def shift(span: Span) -> Span:
        return Span(span.start + offset, span.end + offset)

    figures = _figures(text)
    for index, figure in enumerate(figures):
        quantity = figure.quantity
        before, after = text[: figure.start], text[figure.end:]
        if index > 0 and _PARTITIVE.fullmatch(text, figures[index - 1].end, figure.start):
            # "two of the three militants were killed": the verb is said of the part; not "two of the four
            # soldiers killed were officers" or "one of the 12 injured later died", where it names the whole
            victim = _patterns().victim_only.match(after)
            if victim and _PREDICATE.match(after, victim.end()):
                quantity = figures[index - 1].quantity
        subgroup = bool(_SUBGROUP_BEFORE.search(before))
        toll = _TOLL_BEFORE.search(before[-90:])
        share = _SHARE_OF_DEATHS.match(after)
        verb = _BEFORE_VERB.search(before)
        found = _bind_before(verb, after) or _bind_after(after) or (("killed", None, 0) if toll else None) or (
            ("killed", None, share.end()) if share else None)
        if found is None:
            continue
        about, victim, end = found
        if quantity.min is not None and _patterns().and_others.match(after):
            quantity = Quantity(quantity.min + 1, None, quantity.approximate, quantity.span)
        toll_update = bool(about == "killed" and toll and toll.group("verb").lower() in _TOLL_CHANGE)
        initial = bool(_INITIAL.search(before[-80:])) and not toll_update
        start = figure.start
        if verb:
            start = verb.start()
        elif toll and end == 0:
            start = len(before) - len(before[-90:]) + toll.start()
        qspan = shift(quantity.span) if quantity.span else None
        counts.append(Count(about, replace(quantity, span=qspan), Span(start + offset, figure.end + end + offset),
                            victim, subgroup=subgroup, toll_update=toll_update, initial=initial,
                            additional=figure.additional))
    for match in _ZERO.finditer(text):
        word = (match.group("a") or match.group("b") or "").lower()
        span = Span(match.start() + offset, match.end() + offset)
        zero = Quantity(0, 0, span=span)
        if word == "casualties":
            counts.append(Count("killed", zero, span))
            counts.append(Count("injured", zero, span))
        elif _classify(word.split()[-1]) == "injured" or word == "injuries":
            counts.append(Count("injured", zero, span))
        else:
            counts.append(Count("killed", zero, span))
    return counts


def _bind_before(verb: re.Match[str] | None, after: str) -> tuple[str, str | None, int] | None:
    """'killing at least 26 people' -> ('killed', 'people', end offset after the victim noun); ``verb`` is the
    casualty verb right before the number (a _BEFORE_VERB match), found once by the caller."""
    if not verb:
        return None
    word = re.sub(r"\s+", " ", verb.group("verb").lower())
    victim_match = _patterns().victim_only.match(after)
    victim = victim_match.group(0).strip() if victim_match else None
    end = victim_match.end() if victim_match else 0
    if _COMBINED_VERB.search(word):
        return None  # "killing and wounding dozens": the text does not say how many died
    if word in ("left", "leaving", "claimed the lives of", "claiming the lives of", "lost", "losing"):
        # "left 12 dead", "leaving 3 people injured"; "claimed the lives of 9"; "we lost 15 people"
        bound = _bind_after(after)
        if bound:
            return bound
        if word.startswith("claim") or (word.startswith("los") and victim):
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


def _bind_after(after: str) -> tuple[str, str | None, int] | None:
    """'32 people were killed', '11 soldiers dead', '100 wounded', '460 bodies'."""
    match = _patterns().after.match(after)
    if match is None:
        return None
    victim = (match.group("victim") or "").strip() or None
    if victim and not match.group("aux").strip():
        lead = re.match(r"\s*([A-Za-z]+)", after)
        lead_class = _classify(lead.group(1)) if lead else None
        if lead_class in ("killed", "injured") and lead.group(1).lower() not in ("lives", "deaths", "injuries"):
            return lead_class, None, lead.end()  # "two killed in police firing": the verb, not a victim noun
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
    first = word.group(0).split()[0]
    if about == "arrested" and first.lower().startswith("held"):
        return None
    if about == "killed" and first.lower() == "lives" and not re.search(r"\blost\b", after[: match.end() + 12]):
        return None
    verb_end = match.end() + len(first)
    if not match.group("aux").strip() and _TRANSITIVE.match(first) and _OBJECT_AFTER.match(after[verb_end:]):
        return None  # "two gunmen killed five people": the two are the killers
    if _MIXED_AFTER.match(after[verb_end:]) and about in ("killed", "injured"):
        return None  # "dozens killed and wounded": dead and wounded together
    return about, victim, verb_end
