"""Actors: named groups from a curated dictionary and generic agents ("Syrian troops") as ACLED-style actors.

Data: ``eventwatch/data/actors.tsv`` (named actors: aliases, inter code, country, CAMEO code, claimant type; a
user TSV/JSONL file in the same format overrides or extends it) and ``agents.tsv`` (generic nouns such as "troops"
and the modifiers written before them). Matching is dictionary look-ups over a token list (first token ->
candidate lengths), so a pass costs a few probes per token however large the dictionary grows.

Naming choices (ACLED habits, see ../shared/DESIGN.md):

* "security forces" -> "Military Forces of X": ACLED files a state's security forces under its military unless
  the text says police; the CAMEO sector stays COP, which CAMEO uses for police and security forces alike.
* generic rebels -> "Opposition Rebels (X)", inter 2; defectors -> "Mutiny of Military Forces of X", inter 2.
* a state's military or police named for a country other than the article's focus -> inter 8 (external forces).
* "health ministry" is a government claimant (a ministry is an organ of the state whatever its remit); doctors,
  medics, hospital officials and rescuers are medical claimants.
* with no country known the name drops its country part ("Civilians") and the CAMEO code starts with "---".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from eventwatch.records import Actor, ActorMention, Span
from eventwatch.resolve import countries
from eventwatch.resolve.actor_dictionary import ROLES, ActorDictionary, ActorEntry, AgentTerm, Role

__all__ = ["ROLES", "Role", "ActorEntry", "AgentTerm", "ActorDictionary", "ActorResolver"]

_STATE_ROLES = frozenset({"military", "police", "security"})
# heads a modifier may re-role ("opposition fighters" -> rebels) and that may follow a named group ("Hamas gunmen")
_ARMED_ROLES = frozenset({"military", "security", "rebels", "unidentified_armed", "gang", "militia_progov"})
_MERGE_ROLES = _ARMED_ROLES | {"police", "government", "defectors", "observers", "opposition", "media"}
_PREPOSITIONS = frozenset({"for", "of", "at", "in", "from", "with", "on", "to", "citing", "quoting", "by", "via"})
_TOKEN = re.compile(r"\w+|[^\w\s]")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_PHRASE_CHARS = 80
_PHRASE_MEMO = 20_000


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    """Capitals of countries of a million people or more, as news names them when the state speaks ("Moscow
    said"); small territories are left out because their capitals are also common names (Victoria, The Valley)."""
    from countryinfo import all_countries

    names = set()
    for country in all_countries():
        info = country.info()
        capital = info.get("capital")
        if capital and int(info.get("population") or 0) >= 1_000_000:
            names.add(capital)
            names.add(capital.removesuffix(" D.C.").removesuffix(" City"))  # "Washington", "Kuwait"
    return frozenset(names)


def _is_capital(phrase: str) -> bool:
    """Is the whole phrase a capital city ("Washington", "the Kremlin" is not)?"""
    return phrase.strip().removeprefix("the ").strip() in _capitals()


class _Token(NamedTuple):
    start: int
    end: int
    text: str  # quotes normalised
    key: str  # casefolded


def _tokenize(text: str) -> list[_Token]:
    # quote normalisation maps one character to one, so offsets into the normalised text are offsets into text
    return [_Token(m.start(), m.end(), m.group(0), m.group(0).casefold())
            for m in _TOKEN.finditer(text.translate(_QUOTES))]


def _alias_tokens(alias: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(alias.translate(_QUOTES)))


def _exact_case(alias_tokens: tuple[str, ...]) -> bool:
    # Short single-word forms (HTS, IS, PA, Efe, dpa) and forms with digits (M23) collide with English words
    # in other cases, so they match only as written.
    joined = "".join(alias_tokens)
    return (len(alias_tokens) == 1 and len(joined) <= 5) or any(c.isdigit() for c in joined)


class _Index:
    """Phrase look-up on token keys: first token -> candidate lengths (longest first) -> payloads."""

    def __init__(self) -> None:
        self.phrases: dict[tuple[str, ...], list[tuple[tuple[str, ...], object]]] = {}
        self.lengths: dict[str, list[int]] = {}

    def add(self, surface: tuple[str, ...], payload: object) -> None:
        key = tuple(t.casefold() for t in surface)
        self.phrases.setdefault(key, []).append((surface, payload))
        lengths = self.lengths.setdefault(key[0], [])
        if len(key) not in lengths:
            lengths.append(len(key))
            lengths.sort(reverse=True)

    def at(self, tokens: list[_Token], i: int) -> list[tuple[int, list[tuple[tuple[str, ...], object]]]]:
        """Candidate matches starting at token ``i`` as (end index, payloads), longest first; each phrase must be
        written without line breaks between its tokens and must not be glued to a neighbour by a hyphen."""
        found = []
        for length in self.lengths.get(tokens[i].key, ()):
            j = i + length
            if j > len(tokens):
                continue
            key = tuple([t.key for t in tokens[i:j]])  # a list first: tuple() over a generator is slower
            if key in self.phrases and _clean_edges(tokens, i, j):
                found.append((j, self.phrases[key]))
        return found


# nouns after "X-Y" that make X and Y the two sides ("police-VHP clash", "army-rebel fighting")
_SIDES_OF = frozenset({"clash", "clashes", "fight", "fighting", "fights", "encounter", "encounters", "battle",
                       "battles", "skirmish", "skirmishes", "standoff", "stand", "confrontation", "confrontations",
                       "violence", "conflict", "war", "gunfight", "showdown", "face"})


def _joined_after(tokens: list[_Token], k: int) -> bool:
    """Token ``k`` is glued by a hyphen to the word after it ("Hamas-run", "police-VHP")."""
    return k + 2 < len(tokens) and tokens[k + 1].text == "-" and tokens[k + 1].start == tokens[k].end \
        and tokens[k + 2].start == tokens[k + 1].end and tokens[k + 2].text[0].isalnum()


def _glued_chain_end(tokens: list[_Token], k: int) -> int:
    """Index after the run of hyphen-glued words that token ``k`` belongs to."""
    while _joined_after(tokens, k):
        k += 2
    return k + 1


def _clean_edges(tokens: list[_Token], i: int, j: int) -> bool:
    # "pro-Hezbollah" and "Hamas-run" are modifiers, not mentions of the group; in "police-VHP clash" the
    # hyphen joins the two sides of the fight and each is a mention.
    glued_before = i >= 2 and tokens[i - 1].text == "-" and tokens[i - 1].end == tokens[i].start \
        and tokens[i - 2].end == tokens[i - 1].start and tokens[i - 2].text[0].isalnum()
    end = _glued_chain_end(tokens, j - 1)  # past j: glued to the word after it
    if end < len(tokens) and tokens[end].key in _SIDES_OF and (end > j or glued_before):
        return True
    return not glued_before and end == j


def _case_ok(surface: tuple[str, ...], tokens: list[_Token], i: int) -> bool:
    written = [t.text for t in tokens[i:i + len(surface)]]
    if _exact_case(surface):
        if list(surface) != written:
            return False
        if len(surface) == 1 and len(surface[0]) <= 3:
            # an acronym between two capitalised words is most likely a word in an all-caps headline ("WHAT IS")
            return not (_shouting(tokens, i - 1) and _shouting(tokens, i + 1))
        return True
    return all(not a[0].isupper() or w[0].isupper() for a, w in zip(surface, written))


def _shouting(tokens: list[_Token], k: int) -> bool:
    return 0 <= k < len(tokens) and len(tokens[k].text) > 1 and tokens[k].text.isalpha() and tokens[k].text.isupper()


@dataclass
class _Generic:
    """A generic agent phrase found in text, before it becomes an ActorMention."""

    start: int  # token indices, half-open
    end: int
    term: AgentTerm
    role: str
    country: str | None
    label: str | None
    overridden: bool


class ActorResolver:
    """Finds actor mentions and names generic actors; the dictionary is loaded on first use."""

    def __init__(self, dictionary: ActorDictionary | None = None) -> None:
        self._dictionary = dictionary
        self._indexes: tuple[_Index, _Index, _Index, int] | None = None
        self._claimant_types: dict[tuple[str, str | None], str] = {}  # speakers recur across articles
        self._phrases: dict[tuple[str, str | None], tuple[ActorMention, ...]] = {}  # re-read actor phrases

    @property
    def dictionary(self) -> ActorDictionary:
        if self._dictionary is None:
            self._dictionary = ActorDictionary.load()
        return self._dictionary

    def _index(self) -> tuple[_Index, _Index, _Index, int]:
        if self._indexes is None:
            named, nouns, qualifiers = _Index(), _Index(), _Index()
            for entry in self.dictionary.entries:
                for alias in entry.aliases:
                    surface = _alias_tokens(alias)
                    if surface:
                        named.add(surface, entry)
            longest = 1
            for term in self.dictionary.terms:
                surface = _alias_tokens(term.term)
                (nouns if term.kind == "noun" else qualifiers).add(surface, term)
                if term.kind == "qualifier":
                    longest = max(longest, len(surface))
            self._indexes = (named, nouns, qualifiers, longest)
        return self._indexes

    def find(self, text: str, *, focus_country: str | None = None) -> list[ActorMention]:
        """Every actor mention in ``text``, in text order: named actors by alias and generic agents with the
        demonym, country or modifiers written right before them ("Syrian troops", "pro-government militiamen").
        Generic agents without such a country take ``focus_country``."""
        focus_country = focus_country.upper() if focus_country else None
        if len(text) <= _PHRASE_CHARS:  # the assembler re-reads the same short phrases in every article
            key = (text, focus_country)
            found = self._phrases.get(key)
            if found is None:
                if len(self._phrases) >= _PHRASE_MEMO:
                    self._phrases.clear()
                found = self._phrases[key] = tuple(self._find(text, focus_country))
            return list(found)
        return self._find(text, focus_country)

    def _find(self, text: str, focus_country: str | None) -> list[ActorMention]:
        tokens = _tokenize(text)
        named = self._named(tokens, focus_country)
        generics = self._generics(text, tokens, named, focus_country)
        mentions = []
        for (i, j), entry in named.items():
            mentions.append(self._mention(text, tokens, i, j, self._entry_actor(entry, focus_country)))
        for g in generics:
            if g.role == "source":
                continue
            actor = self._actor(g.role, g.country, focus_country=focus_country, label=g.label,
                                sector=None if g.overridden else g.term.cameo_sector,
                                inter=ROLES[g.role].inter if g.overridden else g.term.inter)
            mentions.append(self._mention(text, tokens, g.start, g.end, actor))
        return sorted(mentions, key=lambda m: m.span)

    def generic(self, role: str, country: str | None, *, focus_country: str | None = None) -> Actor:
        """The generic actor for a role ("civilians", "military", ...) and ISO country, e.g.
        ``generic("civilians", "SY")`` -> ``Actor("Civilians (Syria)", 7, "SY", "SYRCVL")``."""
        if role not in ROLES or role == "identity":
            raise ValueError(f"unknown actor role {role!r}; expected one of {', '.join(sorted(ROLES))}")
        return self._actor(role, country, focus_country=focus_country)

    def government(self, country: str | None) -> Actor:
        """``Government of X`` for an ISO country code."""
        return self._actor("government", country)

    def claimant_type(self, phrase: str, *, focus_country: str | None = None) -> str:
        """Classify who is speaking: government | military | opposition | armed_group | activists | witnesses |
        medical | media | igo | ngo | unknown ("state media" -> government, "medics" -> medical)."""
        key = (phrase, focus_country)
        found = self._claimant_types.get(key)
        if found is None:
            found = self._claimant_types[key] = self._claimant_type(phrase, focus_country=focus_country)
        return found

    def _claimant_type(self, phrase: str, *, focus_country: str | None = None) -> str:
        focus_country = focus_country.upper() if focus_country else None
        tokens = _tokenize(phrase)
        named = self._named(tokens, focus_country)
        generics = self._generics(phrase, tokens, named, focus_country)  # merges "Hamas officials" into Hamas
        items = sorted([(i, entry.claimant_type) for (i, _), entry in named.items()] + [
            (g.start, ROLES[g.role].claimant_type if g.overridden else g.term.claimant_type or "unknown")
            for g in generics])
        if items:
            if any(t == "medical" for _, t in items) and not any(t.key.startswith("ministr") for t in tokens):
                return "medical"  # "hospital officials", "officials at the hospital"
            # The head of "a spokesman for the governor" follows the preposition; that of "Syrian authorities
            # (cited by Al Arabiya)" precedes the parenthesis.
            covered = {k for i, j in named for k in range(i, j)}
            cut = next((k for k, t in enumerate(tokens)
                        if k not in covered and (t.key in _PREPOSITIONS or t.text in ("(", ",", ";"))), len(tokens))
            before = [t for start, t in items if start < cut]
            return before[-1] if before else items[0][1]
        if countries.find_countries(phrase) or _is_capital(phrase):
            # "Syria said", "Israel says", "Washington blamed": a state speaking through its government
            return "government"
        return "unknown"

    def _named(self, tokens: list[_Token], focus: str | None) -> dict[tuple[int, int], ActorEntry]:
        named_index = self._index()[0]
        found: dict[tuple[int, int], ActorEntry] = {}
        i = 0
        while i < len(tokens):
            if tokens[i].key not in named_index.lengths:
                i += 1  # no alias starts with this word
                continue
            for j, candidates in named_index.at(tokens, i):
                entries = [e for surface, e in candidates if _case_ok(surface, tokens, i)]
                if entries:
                    found[(i, j)] = _prefer(entries, focus)  # type: ignore[arg-type]
                    i = j
                    break
            else:
                i += 1
        return found

    def _generics(self, text: str, tokens: list[_Token], named: dict[tuple[int, int], ActorEntry],
                  focus: str | None) -> list[_Generic]:
        _, nouns, qualifiers, longest = self._index()
        covered = {k for i, j in named for k in range(i, j)}
        heads: list[tuple[int, int, AgentTerm]] = []
        i = 0
        while i < len(tokens):
            match = None if i in covered or tokens[i].key not in nouns.lengths else \
                next(((j, p) for j, p in nouns.at(tokens, i) if not covered & set(range(i, j))), None)
            if match is None:
                i += 1
                continue
            heads.append((i, match[0], match[1][0][1]))  # type: ignore[arg-type]
            i = match[0]
        if not heads:
            return []
        country_end = {end: (start, iso) for start, end, iso in countries.find_countries(text)}
        start_tok = {t.start: k for k, t in enumerate(tokens)}
        named_end = {j - 1: (i, j) for i, j in named}
        noun_end = {j - 1: n for n, (i, j, _) in enumerate(heads)}
        absorbed: set[int] = set()
        result: list[_Generic] = []
        for n in range(len(heads) - 1, -1, -1):
            if n in absorbed:
                continue
            i, j, term = heads[n]
            start, k = i, i - 1
            country = label = override = None
            merged = False
            while k >= 0 and _adjacent(text, tokens[k], tokens[start]):
                hit = country_end.get(tokens[k].end)
                if hit is None and k >= 2 and tokens[k].key == "s" and tokens[k - 1].text == "'":
                    hit = country_end.get(tokens[k - 2].end)  # "Syria's army"
                if hit is not None and hit[0] in start_tok and country is None:
                    country, start = hit[1], start_tok[hit[0]]
                    k = start - 1
                    continue
                # "Taliban fighters" is the Taliban; "Reuters Afghan police" or "Times of India police" is not
                if k in named_end and term.role in _MERGE_ROLES and country is None \
                        and named[named_end[k]].inter is not None:
                    ni, nj = named_end[k]
                    named[(ni, j)] = named.pop((ni, nj))
                    merged = True
                    break
                qualifier = _qualifier_ending(qualifiers, longest, tokens, k)
                if qualifier is not None:
                    q_start, q_term = qualifier
                    if q_term.role == "identity":
                        label = label or " ".join(t.text for t in tokens[q_start:k + 1]).title()
                    elif q_term.role != "-" and override is None:
                        override = q_term.role
                    start, k = q_start, q_start - 1
                    continue
                if k >= 2 and tokens[k - 1].text == "-" and tokens[k - 2].key == "pro" \
                        and tokens[k].text[0].isupper() and countries.country_code(tokens[k].text) is None \
                        and override is None and _glued(tokens, k - 2, k):
                    override, start, k = "militia_progov", k - 2, k - 3  # "pro-Assad forces"
                    continue
                if k in noun_end and noun_end[k] not in absorbed:
                    absorbed.add(noun_end[k])  # "army defectors": the last noun is the head
                    start, k = heads[noun_end[k]][0], heads[noun_end[k]][0] - 1
                    continue
                break
            m = n - 1
            while m >= 0 and heads[m][0] >= start:  # modifiers already read as qualifiers
                absorbed.add(m)
                m -= 1
            if merged:
                continue
            if term.role in _MERGE_ROLES and start == i and self._merge_forward(tokens, named, start, j):
                continue
            role = term.role
            overridden = False
            if role in _ARMED_ROLES and label is not None:
                role, overridden = "identity", True
            elif role in _ARMED_ROLES and override is not None and override != role:
                role, overridden = override, True
            result.append(_Generic(start, j, term, role, country or focus, label, overridden))
        return sorted(result, key=lambda g: g.start)

    @staticmethod
    def _merge_forward(tokens: list[_Token], named: dict[tuple[int, int], ActorEntry], i: int, j: int) -> bool:
        """'fighters from the Free Syrian Army', 'militants of Boko Haram': the phrase names the group."""
        if j >= len(tokens) or tokens[j].key not in ("from", "of", "belonging"):
            return False
        k = j + 1 + (j + 1 < len(tokens) and tokens[j + 1].key == "to" and tokens[j].key == "belonging")
        k += k < len(tokens) and tokens[k].key == "the"
        group = next(((a, b) for a, b in named if a == k), None)
        if group is None or named[group].inter is None:  # "reporters of Reuters" are not Reuters
            return False
        named[(i, group[1])] = named.pop(group)
        return True

    def _entry_actor(self, entry: ActorEntry, focus: str | None) -> Actor:
        if entry.role is not None:
            return self._actor(entry.role, entry.country, focus_country=focus)
        return Actor(name=entry.name, inter=entry.inter, country=entry.country, cameo=entry.cameo, kind="named")

    def _actor(self, role: str, country: str | None, *, focus_country: str | None = None,
               label: str | None = None, sector: str | None = None, inter: int | None = -1) -> Actor:
        spec = ROLES[role]
        if country:
            name = spec.template.format(the=countries.country_name_with_article(country),
                                        name=countries.country_name(country), label=label or "")
        else:
            name = spec.template.replace(" of {the}", "").replace(" ({name})", "").format(label=label or "")
        inter_code = spec.inter if inter == -1 else inter
        if role in _STATE_ROLES and country and focus_country and country != focus_country.upper():
            inter_code = 8  # ACLED: state forces acting outside their own country are external forces
        sector = sector or spec.sector
        if sector in ("IGO", "NGO"):
            cameo = sector
        else:
            cameo = (countries.cameo_country(country) if country else "---") + sector
        return Actor(name=name, inter=inter_code, country=country.upper() if country else None, cameo=cameo,
                     kind="generic")

    @staticmethod
    def _mention(text: str, tokens: list[_Token], i: int, j: int, actor: Actor) -> ActorMention:
        span = Span(tokens[i].start, tokens[j - 1].end)
        return ActorMention(span=span, surface=span.text(text), actor=actor, component="actors")


def _prefer(entries: list[ActorEntry], focus: str | None) -> ActorEntry:
    # An alias shared by several rows (RSF, SNA, Taliban) means the group of the article's country.
    if focus:
        for entry in entries:
            if entry.country == focus.upper():
                return entry
    return next((e for e in entries if e.country is None), entries[0])


def _adjacent(text: str, left: _Token, right: _Token) -> bool:
    gap = text[left.end:right.start]
    return not gap.strip() and "\n" not in gap


def _glued(tokens: list[_Token], i: int, k: int) -> bool:
    return all(tokens[m].end == tokens[m + 1].start for m in range(i, k))


def _qualifier_ending(index: _Index, longest: int, tokens: list[_Token], k: int) -> tuple[int, AgentTerm] | None:
    for length in range(min(longest, k + 1), 0, -1):
        q_start = k - length + 1
        if length not in index.lengths.get(tokens[q_start].key, ()):
            continue  # no qualifier of this length starts with this word
        key = tuple([t.key for t in tokens[q_start:k + 1]])
        # a qualifier must not be the tail of a hyphenated compound ("Turkish-backed" is not "backed")
        tail = q_start >= 1 and tokens[q_start - 1].text == "-" and tokens[q_start - 1].end == tokens[q_start].start
        if key in index.phrases and not tail:
            return q_start, index.phrases[key][0][1]  # type: ignore[return-value]
    return None
