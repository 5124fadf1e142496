"""Find the places an article names and resolve them against the gazetteer, with ACLED geo-precision.

Candidates come from spaCy entity spans when given (GPE, LOC, FAC, and ORG/PERSON/NORP because the small
model mislabels some towns) or, without a model, from runs of capitalised words. The gazetteer decides.

Disambiguation: a candidate in the article's focus countries wins (the leading country's town, unless a
town of a later focus country is a thousand times bigger); outside them only towns of
``min_foreign_population`` (100,000) or more are accepted, and single common words ("Police", "March",
"Reading") never resolve by themselves. Names the model tags as a person or organisation, words out of a
longer capitalised run ("Nabeel Al Arabi") and words in a title-case headline must be towns of 5,000+ in a
focus country, or very big towns elsewhere.

Precision (ACLED ``geo_precision``): 1 the named town; 2 near or outside a town ("near X", "outside X",
"on the outskirts of X", "10 km north of X", "rural X"), or a part of it the gazetteer lacks ("in Adhamiya, a
Baghdad district", "the al-Midan neighbourhood of Damascus", "Khalidiya, near Homs", a supplement
neighbourhood), coded to the enclosing town with ``detail``, or a curated district ("Mohmand", "Khwaja
Bahauddin district"), coded to itself; 3 only a region ("Idlib province") or a country.
Country names are places only after a locative preposition ("in Syria"); demonyms never are, but both
count as evidence in :meth:`PlaceResolver.country_focus`.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..nlp import Gated, quick_reject
from ..records import Place, PlaceMention, Span
from .countries import country_code, data_rows, find_countries, is_demonym
from .gazetteer import ADMIN_WORDS, Gazetteer

__all__ = ["PlaceResolver", "PLACE_LABELS", "MAYBE_PLACE_LABELS"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The small English model tags some towns as organisations or people ("Hama" as ORG): check them too.
MAYBE_PLACE_LABELS = frozenset({"ORG", "PERSON", "NORP"})

_ARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|an|ed|es|ez|en|er|ul)"
_CAP = r"[A-Z][\w'’‘ʻ]*(?:-[\w'’]+)*"
_WORD = rf"(?:{_ARTICLE}[-‑])?{_CAP}"
_LINK = r"(?: (?:al|el|ez|es|de|du|la|le|ul|bin|ibn|ben|of)[- ]| )"
_RUN = quick_reject(re.compile(rf"(?<![\w'’-]){_WORD}(?:{_LINK}{_WORD})*"))
_PART = r"(?:district|neighbou?rhood|suburb|quarter|area|camp|refugee camp|market|square|bazaar|chowk|crossing|junction)"
_SETTLEMENT = r"(?:village|town|hamlet|settlement|area|district|neighbou?rhood|suburb|camp)"
_SETTLEMENTS = r"(?:villages?|towns?|hamlets?|settlements?|camps?)"
_ADMIN = (r"(?: (?:province|governorate|state|region|prefecture|department|county|oblast"
          r"|Province|Governorate|State|Region))?")
_DIRECTION = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
_COMPASS = rf"(?:{_DIRECTION}(?:ern)?|central)"
_NEARNESS = (
    rf"(?:near|outside|around|close to|next to|(?:on|in|at) the outskirts of|outskirts of|suburbs? of|"
    rf"(?:in )?the vicinity of|countryside of|{_DIRECTION}(?:ern)? of|"
    r"(?:km|kilometers|kilometres|miles)\)?(?: \([^)]{1,20}\))?(?: \w+)? (?:from|of))"
)
_OTHER = rf"(?:the )?{_WORD}(?:{_LINK}{_WORD}){{0,3}}"  # a name the pattern passes over
_SUB = rf"(?:the )?(?P<sub>{_WORD}(?:{_LINK}{_WORD}){{0,3}})"
# The container: "Daraa", "southern Daraa province", "the department of Cauca", "Sagaing's (Pale township)".
_BOX = (rf"(?:the )?(?:{_COMPASS} )?(?P<unit_of>(?:department|province|governorate|state|region|prefecture|county) of )?"
        rf"(?P<box>{_WORD}(?:{_LINK}{_WORD}){{0,3}})")
# Patterns naming a part of a place: (sub-place, container). Order matters: the most specific first. Each runs over
# the whole article, behind its literal gate.
_SUB_PATTERNS = tuple(Gated(quick_reject(pattern)) for pattern in (
    re.compile(rf"{_SUB}, in the {_OTHER} (?:{_PART}|{_SETTLEMENT}|municipality|local government area) of {_BOX}{_ADMIN}"),  # X, in the Y district of Z
    re.compile(rf"{_SUB} {_PART} (?:of|in) {_BOX}{_ADMIN}"),  # the al-Midan neighbourhood of Damascus
    re.compile(rf"{_SUB}, an? (?:[a-z-]+ )?{_BOX} {_PART}"),  # Adhamiya, a northern Baghdad district
    re.compile(rf"{_SUB}, an? (?:[a-z-]+ )?{_SETTLEMENT} (?:of|in|near|outside) {_BOX}{_ADMIN}"),  # Y, a village in Z
    re.compile(rf"{_SETTLEMENT} of {_SUB},? (?:in|near|outside) {_BOX}{_ADMIN}"),  # the village of Y in (southern) Z
    re.compile(rf"{_SUB}(?P<more>(?:, {_OTHER})*,?\s+and {_OTHER})? {_SETTLEMENTS} (?:of|in|near|outside) {_BOX}{_ADMIN}"),  # Y and W villages in Z
    re.compile(rf"{_SUB}, {_NEARNESS} {_BOX}{_ADMIN}"),  # Khalidiya, near Homs
))
_NEAR_BEFORE = quick_reject(re.compile(rf"\b{_NEARNESS}\s+(?:the\s+)?(?:(?:city|town|village|provincial capital) of\s+)?$", re.I))
_RURAL_BEFORE = quick_reject(re.compile(r"\b(?:rural|the countryside of|the suburbs of)\s+$", re.I))
_AREA_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:countryside|suburbs|outskirts|area|environs)\b")
_LOCATIVE_BEFORE = quick_reject(re.compile(
    r"\b(?:in|across|inside|into|throughout|within|to|from)\s+(?:the\s+)?"
    r"(?:(?:(?:north|south|east|west|central)(?:ern)?|(?:north|south)-?(?:east|west)(?:ern)?)\s+)?$",
    re.I,
))
_MAX_FOCUS = 5
# Curated places (places_supplement.tsv): neighbourhoods coded to their town, and districts standing for themselves.
_CURATED = ("supplement", "district")
_PARTIAL_FOCUS_FLOOR = 5_000
_NAMED_AFTER = re.compile(r"\s+(?:Street|St\.|Road|Rd\.|Avenue|Boulevard|Square|Bridge|Mosque|Highway|Gate)\b")
_ADMIN_BEFORE = quick_reject(re.compile(r"\b(?:province|governorate|state|region) of\s+$", re.I))
_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z'’.\- ]{1,40}?)(?:,\s*(?P<region>[A-Z][\w.'’ ]{1,40}?))?"
    r"\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s"
)
_EVIDENCE_BEFORE = quick_reject(re.compile(
    r"\b(?:in|at|near|outside|around|into|across|of)\s+(?:the\s+(?:[a-z]+\s+){0,2}?(?:of\s+)?)?$", re.I))
_PLACE_COMMA_BEFORE = quick_reject(re.compile(r"\b(?:in|at|near|of|outside)\s+(?:the\s+)?[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2},\s*$"))
_CLAUSE_END = re.compile(r"\s*(?:[,.;:)\]\n]|$)")
_LIST_SEP = r"(?:\s*,\s*|\s*,?\s+(?:and|or)\s+)"
# Between two places of one list: separators, and names the gazetteer does not know ("Mondomo").
_LIST_NAME_RE = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}"
_LIST_NAME = re.compile(_LIST_NAME_RE)
_LIST_TAIL = re.compile(rf"(?:{_LIST_SEP}{_LIST_NAME_RE})+")
_LIST_GAP = re.compile(rf"{_LIST_SEP}(?:{_LIST_NAME_RE}{_LIST_SEP})*")
_CAPITAL = quick_reject(re.compile(
    r"\b(?:in|into|across|around|near|outside|at|on|from|to|toward|towards|throughout|of|within)\s+"
    r"(?P<the>the\s+(?:(?P<dem>[A-Z][a-z]+)\s+)?capital)\b(?!,?\s+(?:city\s+)?(?:of\s+)?[A-Z])(?!\s+of\b)(?!\s+cit(?:y|ies)\b)"
))
_SPELLING = re.compile(r"(?:[A-Z][a-z]{0,2}[-‑ ])?[A-Z][A-Za-z'’]+(?:[- ][A-Za-z][A-Za-z'’]*){0,3}")
_RUN_WORD = re.compile(rf"{_WORD}|\S+")
_NAME_WORD = re.compile(_WORD)
_ADMIN_AFTER = re.compile(r" ([A-Za-z]+)\b")
_TITLE_BEFORE = re.compile(r"([A-Z][A-Za-z]*)\.?\s+$")
_LINE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?]['\"”’)]?\s+|\n\s*|[\"“]\s*)$")


@lru_cache(maxsize=1)
def _stopwords() -> dict[str, str]:
    return {row[0]: row[1] for row in data_rows("place_stopwords.tsv")}


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    place: Place | None
    precision: int
    detail: tuple[int, int] | None = None
    blocked: tuple[int, int] | None = None  # more sub-places listed with this one ("X and Y villages")


class PlaceResolver:
    """Finds place mentions in an article and resolves them with the gazetteer and the article's focus."""

    def __init__(self, gazetteer: Gazetteer, *, min_foreign_population: int = 100_000) -> None:
        self.gazetteer = gazetteer
        self.min_foreign_population = min_foreign_population

    # -- country focus -------------------------------------------------------------------------------------

    def country_focus(self, text: str, *, title: str | None = None,
                      candidates: Sequence[tuple[int, int, str]] = ()) -> list[str]:
        """ISO codes of the countries the article is about, best first.

        Evidence, strongest first: the dateline ("DAMASCUS, Syria (AP) —", "BEIRUT —"); the title; a country
        named as a place ("in Syria"); first-level units named as such ("Borno State") and big towns only one
        country has; other country names and demonyms, which often name actors rather than the scene
        ("a US drone strike", "Syrian troops").
        """
        score: dict[str, float] = defaultdict(float)
        dateline = _DATELINE.match(text)
        if dateline:
            for iso in self._dateline_countries(dateline):
                score[iso] += 5.0
        for source, scale in ((title or "", 2.0), (text, 1.0)):
            for start, end, iso in find_countries(source):
                before = source[max(0, start - 40):start]
                # "in Syria", and "Timba, Colombia" (a place followed by its country)
                locative = not is_demonym(source[start:end]) and (
                    _LOCATIVE_BEFORE.search(before)
                    or (_PLACE_COMMA_BEFORE.search(before) and _CLAUSE_END.match(source[end:end + 3])))
                score[iso] += scale * (2.0 if locative else 0.5)
            for iso in self._place_evidence(source, candidates if source is text else ()):
                score[iso] += scale * 1.0
        if not score:
            return []
        ranked = sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))
        # A passing mention ("a Britain-based group") is not focus: keep countries with a tenth of the
        # leader's evidence, at most five, so disambiguation is not diluted.
        return [iso for iso, value in ranked[:_MAX_FOCUS] if value >= ranked[0][1] * 0.1]

    def _dateline_countries(self, match: re.Match[str]) -> list[str]:
        found = []
        region = match.group("region")
        if region:
            iso = country_code(region)
            if iso:
                found.append(iso)
            else:
                admin = [p for p in self.gazetteer.lookup(region) if p.feature == "admin1"]
                found.extend(p.country for p in admin[:1])
        towns = [p for p in self.gazetteer.lookup(match.group("city").title()) if p.feature == "city"]
        if towns and (not found or towns[0].country in found):
            found.append(towns[0].country)
        return list(dict.fromkeys(found))

    def _place_evidence(self, text: str, candidates: Sequence[tuple[int, int, str]]) -> list[str]:
        """Countries of unambiguous places: units named with an admin word, supplement places, big towns."""
        # Model place spans, and the capitalised runs they miss (the small model tags "Datta Khel" a person).
        spans = [(s, e) for s, e, label in candidates if label in PLACE_LABELS]
        spans += [(m.start(), m.end()) for m in _RUN.finditer(text)
                  if all(m.end() <= s or e <= m.start() for s, e in spans)]
        found = []
        for start, end in spans:
            surface = text[start:end]
            if surface in _stopwords() or country_code(surface):
                continue
            query, _ = _with_admin_word(text, end, surface)
            places = self.gazetteer.lookup(query)
            if not places:
                continue
            named_unit = query != surface or surface.split()[-1].casefold() in ADMIN_WORDS  # "Homs province"
            if named_unit or places[0].feature in _CURATED:
                if len({p.country for p in places}) == 1:
                    found.append(places[0].country)
                continue
            towns = [p for p in places if p.feature == "city"]
            # Only clearly dominant big towns: a name shared with a town a third as big says nothing. In a
            # title-case headline every word is capitalised ("Kill", "Homes"), so demand a very big town.
            floor = 1_000_000 if _in_headline(text, start) else 100_000
            if towns and towns[0].population >= floor and all(
                t.country == towns[0].country or t.population < towns[0].population / 3 for t in towns[1:]
            ):
                found.append(towns[0].country)
            elif (len({p.country for p in places}) == 1 and len(surface) >= 5 and not _in_headline(text, start)
                  and _EVIDENCE_BEFORE.search(text[max(0, start - 40):start])
                  and (places[0].feature == "admin1" or places[0].population >= 1_000)):
                # A town or unit only one country has, named as a scene ("in Cauca", "near Datta Khel").
                found.append(places[0].country)
        return found

    # -- mentions --------------------------------------------------------------------------------------------

    def find(self, text: str, *, candidates: Sequence[tuple[int, int, str]] = (),
             focus: Sequence[str] = ()) -> list[PlaceMention]:
        """Every place named in ``text`` with its span, resolved (``place``) or not (``place=None``)."""
        focus = list(focus)
        found: list[_Found] = []
        taken: list[tuple[int, int]] = []

        def free(start: int, end: int) -> bool:
            return all(end <= s or e <= start for s, e in taken)

        def keep(item: _Found) -> None:
            found.append(item)
            taken.append((item.start, item.end))
            if item.detail:
                taken.append(item.detail)
            if item.blocked:
                taken.append(item.blocked)

        for item in self._sub_places(text, focus):
            if free(item.start, item.end) and (item.detail is None or free(*item.detail)):
                keep(item)
        for item in self._capitals(text, focus):
            if free(item.start, item.end):
                keep(item)
        for start, end, iso in find_countries(text):
            if free(start, end):
                country = self._country_mention(text, start, end, iso)
                taken.append((start, end))  # a country word is never also a town
                if country:
                    found.append(country)
        for start, end, label in self._spans(text, candidates):
            start, end = _trim(text, start, end)
            if end <= start or not free(start, end):
                continue
            town = self._town_mention(text, start, end, focus, label=label)
            if town:
                keep(town)
            elif label in ("PERSON", "ORG"):
                taken.append((start, end))  # "Bashar Assad" is a person: none of its words is a town
        found.sort(key=lambda f: f.start)
        found = _coherent_lists(text, found, focus)
        return [self._mention(text, replace(f, place=self._news_spelling(text[f.start:f.end], f.place)))
                for f in found]

    def _spans(self, text: str, candidates: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        # Model spans first; then the capitalised-word scan, for towns the model did not tag at all.
        spans = [(s, e, label) for s, e, label in candidates
                 if label in PLACE_LABELS or label in MAYBE_PLACE_LABELS]
        for run in _RUN.finditer(text):
            spans.extend(self._ngrams(text, run.start(), run.group(0)))
        return spans

    def _ngrams(self, text: str, offset: int, run: str) -> list[tuple[int, int, str]]:
        """Longest known names in a run of capitalised words, left to right ("Deir ez-Zor", "Sheikh Maqsoud")."""
        words = [(m.start() + offset, m.end() + offset - (2 if m.group(0).endswith(("'s", "’s")) else 0),
                  bool(_NAME_WORD.fullmatch(m.group(0)))) for m in _RUN_WORD.finditer(run)]
        names = sum(1 for w in words if w[2])
        out: list[tuple[int, int, str]] = []
        i = 0
        while i < len(words):
            if not words[i][2] or _after_title(text, words[i][0]):
                i += 1  # a link word, or a name after a title ("President Assad", "Gen. Petraeus")
                continue
            for j in range(min(len(words), i + 4), i, -1):
                if not words[j - 1][2]:
                    continue
                start, end = words[i][0], words[j - 1][1]
                surface = text[start:end]
                if j - i == 1 and not self._single_word_ok(text, start, surface):
                    continue
                if self.gazetteer.lookup(_with_admin_word(text, end, surface)[0]):
                    # Part of a longer capitalised run is often in a person's or an organisation's name
                    # ("Bashar Assad", "Nabeel Al Arabi"), and a headline capitalises every word: both
                    # need a bigger town than a name standing alone.
                    partial = j - i < names or (j - i == 1 and _in_headline(text, start))
                    out.append((start, end, "SCAN_PART" if partial else "SCAN"))
                    i = j
                    break
            else:
                i += 1
        return out

    def _single_word_ok(self, text: str, start: int, word: str) -> bool:
        if word in _stopwords() or word.title() in _stopwords() or len(word) < 3:
            return False
        if word.isupper():
            dateline = _DATELINE.match(text[:start + len(word) + 60])
            if dateline is None or start >= dateline.end():
                return False  # capitals outside the dateline are headings and acronyms ("SHELL", "IED")
        # A capitalised common word opening a sentence ("Reading the statement, ...") is not a name.
        return not (_SENTENCE_START.search(text[max(0, start - 4):start]) and word.lower() in _common_lower())

    def _country_mention(self, text: str, start: int, end: int, iso: str) -> _Found | None:
        surface = text[start:end]
        if is_demonym(surface):
            return None
        before = text[max(0, start - 40):start]
        if not _LOCATIVE_BEFORE.search(before):
            return None
        return _Found(start, end, self.gazetteer.country_place(iso), 3)

    def _town_mention(self, text: str, start: int, end: int, focus: Sequence[str], *, label: str) -> _Found | None:
        surface = text[start:end]
        if label in MAYBE_PLACE_LABELS and (is_demonym(surface) or country_code(surface)):
            return None
        if _NAMED_AFTER.match(text[end:end + 16]):
            return None  # "Baghdad Street" in Damascus is named after a town, not in it
        query, end_with_admin = _with_admin_word(text, end, surface)
        admin_before = bool(_ADMIN_BEFORE.search(text[max(0, start - 20):start]))
        if admin_before and query == surface:
            query = surface + " province"
        place = self.choose(self.gazetteer.lookup(query), focus, surface=query)
        if place is not None and place.feature == "city" and " " not in surface:
            # News says "Gaza" for the whole Strip and "Gaza City" for the town: a bare town name whose own
            # unit is "<name> Strip" means the territory.
            territory = self.gazetteer.admin1_place(place.country, f"{surface} Strip")
            if territory is not None and place.admin1 == territory.name:
                return _Found(start, end, territory, 3)
        if place is None:
            if label in PLACE_LABELS and surface not in _stopwords():
                return _Found(start, end, None, 1)
            return None
        curated = place.geonameid is None and place.country in focus and label in MAYBE_PLACE_LABELS
        if place.feature == "city" and label in MAYBE_PLACE_LABELS | {"SCAN_PART"} and not curated:
            # A model "person" or "organisation", or a word out of a longer name, is a town only when it
            # is a real town of the article's countries ("Hama" tagged ORG), or a very big one elsewhere.
            floor = _PARTIAL_FOCUS_FLOOR if place.country in focus else (
                250_000 if label in MAYBE_PLACE_LABELS else 1_000_000)
            if place.population < floor:
                return None
        if place.feature == "supplement":
            town = self.gazetteer.enclosing(place)
            return _Found(start, end, town or place, 2, detail=(start, end)) if town else _Found(start, end, place, 2)
        if place.feature in ("admin1", "country"):
            return _Found(start, end_with_admin if query != surface else end, place, 3)
        if place.feature == "district":
            return _Found(start, end, place, 2)
        return _Found(start, end, place, self._town_precision(text, start, end))

    @staticmethod
    def _town_precision(text: str, start: int, end: int) -> int:
        before = text[max(0, start - 60):start]
        after = text[end:end + 30]
        if _NEAR_BEFORE.search(before) or _RURAL_BEFORE.search(before) or _AREA_AFTER.match(after):
            return 2
        return 1

    def choose(self, places: Sequence[Place], focus: Sequence[str], *, surface: str = "") -> Place | None:
        """The candidate the article most likely means, or None ("none of these")."""
        if not places:
            return None
        if places[0].feature == "country":
            return places[0]
        explicit_admin = bool(surface) and surface.split()[-1].casefold() in ADMIN_WORDS
        rank = {iso: i for i, iso in enumerate(focus)}
        # The gazetteer's order already puts a town before the unit it is the seat of, so the first
        # candidate of each country is that country's reading of the name.
        firsts: dict[str, Place] = {}
        for place in places:
            firsts.setdefault(place.country, place)
        in_focus = [p for iso, p in firsts.items() if iso in rank]
        if in_focus:
            # log-population minus three orders of magnitude per focus rank: the leading country's town
            # wins unless a town of a later focus country is a thousand times bigger.
            return max(in_focus, key=lambda p: math.log10(_weight(p) + 10) - 3.0 * rank[p.country])
        best = places[0]
        if explicit_admin and best.feature == "admin1":
            return best
        if best.feature in _CURATED:
            # Curated neighbourhoods need no focus unless a real town shares the name.
            return best if all(p.population < 10_000 for p in places[1:]) else None
        if best.population >= self.min_foreign_population:
            return best
        return None

    def _capitals(self, text: str, focus: Sequence[str]) -> list[_Found]:
        """ "in the capital" (the focus country's), "the Afghan capital": the capital town, when no name follows."""
        out = []
        for match in _CAPITAL.finditer(text):
            qualifier = match.group("dem")
            iso = country_code(qualifier) if qualifier else (focus[0] if focus else None)
            place = self.gazetteer.capital(iso) if iso else None
            if place is not None:
                out.append(_Found(match.start("the"), match.end(), place, 1))
        return out

    def _sub_places(self, text: str, focus: Sequence[str]) -> list[_Found]:
        out = []
        for pattern in _SUB_PATTERNS:
            for match in pattern.finditer(text):
                sub, box = match.group("sub"), match.group("box")
                sub_start, sub_end = match.span("sub")
                box_start, box_end = match.span("box")
                possessive = re.search(r"['’]s\b", box)
                if possessive:  # "Sagaing's Pale township": the unit is the owner
                    box, box_end = box[:possessive.start()], box_start + possessive.start()
                box_text, box_admin_end = _with_admin_word(text, box_end, box)
                if match.group("unit_of") and box_text == box:
                    box_text = box + " province"  # "the department of Cauca" names the unit, not a town
                if sub in _stopwords() or country_code(sub) or box in _stopwords():
                    continue
                container = self.choose(self.gazetteer.lookup(box_text), focus, surface=box_text)
                if container is None or container.feature == "country":
                    continue
                more = match.span("more") if "more" in match.re.groupindex and match.group("more") else None
                own = self.choose([p for p in self.gazetteer.lookup(sub) if p.country == container.country], focus)
                if own is not None and own.feature == "city" and (
                        _close(own, container) or (container.feature == "admin1" and own.admin1 == container.admin1)):
                    # The gazetteer knows the sub-place itself: code it, not its container.
                    out.append(_Found(sub_start, sub_end, own, 1, blocked=more))
                    continue
                if own is not None and own.feature == "district" and own.admin1 == container.admin1:
                    out.append(_Found(sub_start, sub_end, own, 2, blocked=more))  # a curated district of the unit
                    continue
                if own is not None and own.feature == "supplement":
                    container = self.gazetteer.enclosing(own) or container
                out.append(_Found(box_start, box_admin_end if container.feature == "admin1" else box_end,
                                  container, 2, detail=(sub_start, sub_end), blocked=more))
        return out

    def _news_spelling(self, surface: str, place: Place | None) -> Place | None:
        """The town under the article's own spelling when that is one of its gazetteer names ("Douma", not
        GeoNames' "Duma"); seats named like their first-level unit keep the unit's English spelling ("Hama")."""
        if place is None or place.feature != "city" or place.name == place.admin1 or surface == place.name:
            return place
        if not _SPELLING.fullmatch(surface) or surface.isupper():
            return place
        if any(p.geonameid == place.geonameid for p in self.gazetteer.lookup(surface)):
            return replace(place, name=surface)
        return place

    @staticmethod
    def _mention(text: str, item: _Found) -> PlaceMention:
        detail = text[item.detail[0]:item.detail[1]] if item.detail else None
        return PlaceMention(
            span=Span(item.start, item.end),
            surface=text[item.start:item.end],
            place=item.place,
            geo_precision=item.precision,
            detail=detail,
            detail_span=Span(*item.detail) if item.detail else None,
        )


def _coherent_lists(text: str, found: list[_Found], focus: Sequence[str]) -> list[_Found]:
    """Drop the odd one out of a list of places ("Buenos Aires, Suarez, Mondomo and Jambalo" in a Colombian
    story): a list names places of one country, so a member resolved outside the leading focus country while
    another member is inside it misread its name."""
    if not focus:
        return found
    groups: list[list[_Found]] = []
    names: list[int] = []
    for item in found:
        gap = _LIST_GAP.fullmatch(text[groups[-1][-1].end:item.start]) if groups else None
        if gap:
            groups[-1].append(item)
            names[-1] += 1 + len(_LIST_NAME.findall(gap.group(0)))
        else:
            groups.append([item])
            names.append(1)
    odd: set[int] = set()
    for group, size in zip(groups, names):
        tail = _LIST_TAIL.match(text, group[-1].end)  # unknown names after the last known one still count
        size += len(_LIST_NAME.findall(tail.group(0))) if tail else 0
        towns = [f for f in group if f.place is not None and f.place.feature in ("city", *_CURATED)]
        if size >= 3 and any(f.place.country == focus[0] for f in towns):  # type: ignore[union-attr]
            odd.update(id(f) for f in towns if f.place.country != focus[0])  # type: ignore[union-attr]
    return [f for f in found if id(f) not in odd]


def _weight(place: Place) -> int:
    # A unit's population sums its towns; count it as one big town so it does not outweigh real towns.
    if place.feature == "admin1":
        return place.population // 10
    return max(place.population, 1000) if place.feature in _CURATED else place.population


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the " and trailing possessive from an entity span."""
    if text[start:start + 4].lower() == "the ":
        start += 4
    if text[max(start, end - 2):end] in ("'s", "’s"):
        end -= 2
    return start, end


def _with_admin_word(text: str, end: int, surface: str) -> tuple[str, int]:
    """``("Idlib province", end after "province")`` when an admin word follows the name, else unchanged."""
    match = _ADMIN_AFTER.match(text[end:end + 16])
    if match and match.group(1).casefold() in ADMIN_WORDS:
        return f"{surface} {match.group(1).casefold()}", end + match.end()
    return surface, end


def _close(a: Place, b: Place, *, km: float = 40.0) -> bool:
    dy = (a.latitude - b.latitude) * 111.0
    dx = (a.longitude - b.longitude) * 111.0 * math.cos(math.radians((a.latitude + b.latitude) / 2))
    return math.hypot(dx, dy) <= km


def _in_headline(text: str, start: int) -> bool:
    """True inside a title-case line ("Boko Haram Attacks Borno Village, Kill 15"), where capitals mean little."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return _title_case_line(text[line_start:line_end if line_end != -1 else len(text)])


@lru_cache(maxsize=64)
def _title_case_line(line: str) -> bool:
    # Memoised: every capitalised word of a line asks about the same line.
    words = _LINE_WORD.findall(line)
    if len(words) < 4:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.7 * len(words) and len(words) <= 25


def _after_title(text: str, start: int) -> bool:
    match = _TITLE_BEFORE.search(text[max(0, start - 20):start])
    return match is not None and match.group(1) in _titles()


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(w for w, kind in _stopwords().items() if kind == "title")


@lru_cache(maxsize=1)
def _common_lower() -> frozenset[str]:
    return frozenset(w.lower() for w in _stopwords())
