"""Country names, demonyms and codes as news and ACLED write them.

Tables are built on first use (``functools.lru_cache``; nothing happens at import) from three layers,
later layers winning when two give the same form to different countries:

1. countryinfo: country names, demonyms and alternative spellings (the latter only for
   :func:`country_code`, because many are native-language names that are English words in running text);
2. pycountry: ISO names, official names and common names, ISO alpha-3 codes;
3. ``eventwatch/data/country_aliases.tsv``: news usages (U.S., Britain, DRC, Burma, Palestinians...),
   ACLED short names, which names take "the", CAMEO codes that differ from ISO alpha-3, and phrases that
   contain a country word but name no country ("Latin American").

Forms are matched case-sensitively in :func:`find_countries` (every form is capitalised, so "turkey" and
"chad" in lower case are not countries); :func:`country_code` also accepts any casing of a non-acronym form.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..nlp import prefix_tree_pattern

__all__ = [
    "country_code",
    "country_name",
    "country_name_with_article",
    "cameo_country",
    "demonym",
    "find_countries",
    "is_demonym",
    "all_country_codes",
    "country_name_forms",
    "data_rows",
]


def data_rows(filename: str) -> Iterator[list[str]]:
    """Tab-separated rows of a packaged data file in ``eventwatch/data``, skipping ``#`` comments and blanks."""
    text = resources.files("eventwatch").joinpath("data").joinpath(filename).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield line.rstrip("\n").split("\t")


@dataclass(frozen=True)
class _Tables:
    short_name: dict[str, str]
    takes_article: frozenset[str]
    demonyms: dict[str, str]
    cameo: dict[str, str]
    exact: dict[str, str]  # surface form (case as written) -> iso2
    folded: dict[str, str]  # casefolded non-acronym form -> iso2
    demonym_forms: frozenset[str]
    blocked: frozenset[str]
    pattern: re.Pattern[str]


def _is_acronym(form: str) -> bool:
    letters = form.replace(".", "")
    return letters.isupper() and len(letters) <= 4


def _plural(word: str) -> str | None:
    # "Syrian" -> "Syrians", "Iraqi" -> "Iraqis"; "British", "Chinese", "Swiss" have no -s plural.
    if word.endswith(("s", "sh", "ch", "x", "z", "ese")):
        return None
    return word + "s"


def _usable(form: str) -> bool:
    return bool(form) and "," not in form and "(" not in form


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    import pycountry
    from countryinfo import all_countries

    # (iso2, priority) per form: a later layer outranks an earlier one, population breaks ties
    # within a layer (countryinfo gives "American" to American Samoa too).
    exact: dict[str, tuple[str, tuple[int, int]]] = {}
    loose: dict[str, tuple[str, tuple[int, int]]] = {}
    demonym_forms: set[str] = set()
    demonyms: dict[str, str] = {}
    alpha3: dict[str, str] = {}
    population: dict[str, int] = {}

    def add(form: str, iso2: str, layer: int, *, searchable: bool = True) -> None:
        form = form.strip()
        if form.lower().startswith("the "):
            form = form[4:]
        if not _usable(form):
            return
        rank = (layer, population.get(iso2, 0))
        target = exact if searchable else loose
        if form not in target or target[form][1] <= rank:
            target[form] = (iso2, rank)

    infos = [c.info() for c in all_countries()]
    for info in infos:
        iso = (info.get("ISO") or {}).get("alpha2")
        if iso:
            population[iso] = int(info.get("population") or 0)

    ignore: set[tuple[str, str]] = set()
    aliases = list(data_rows("country_aliases.tsv"))
    for iso2, kind, *rest in aliases:
        if kind == "ignore":
            ignore.add((iso2, rest[0]))

    # Only current ISO codes plus those the alias file names (Kosovo): countryinfo still has "CS".
    known = {c.alpha_2 for c in pycountry.countries} | {r[0] for r in aliases if r[1] == "acled"}
    for info in infos:
        iso = (info.get("ISO") or {}).get("alpha2")
        if iso not in known:
            continue
        alpha3[iso] = info["ISO"].get("alpha3", "")
        add(info["name"], iso, 1)
        if info.get("demonym"):
            demonyms.setdefault(iso, info["demonym"])
            add(info["demonym"], iso, 1)
            demonym_forms.add(info["demonym"])
        for alt in info.get("altSpellings") or []:
            if (iso, alt) not in ignore and not (alt.isupper() and len(alt) <= 3):
                add(alt, iso, 0, searchable=False)

    short_name: dict[str, str] = {}
    for country in pycountry.countries:
        iso = country.alpha_2
        alpha3[iso] = country.alpha_3
        common = getattr(country, "common_name", None)
        short_name[iso] = common or country.name
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                add(value, iso, 2)

    takes_article: set[str] = set()
    cameo: dict[str, str] = {}
    blocked: set[str] = set()
    for iso2, kind, *rest in aliases:
        form = rest[0] if rest else ""
        if kind == "acled":
            short_name[iso2] = form
            add(form, iso2, 3)
        elif kind == "the":
            takes_article.add(iso2)
        elif kind == "name":
            add(form, iso2, 3)
        elif kind == "demonym":
            demonyms[iso2] = form
            add(form, iso2, 3)
            demonym_forms.add(form)
        elif kind == "people":
            add(form, iso2, 3)
            demonym_forms.add(form)
        elif kind == "cameo":
            cameo[iso2] = form
        elif kind == "block":
            blocked.add(form)

    for iso, dem in list(demonyms.items()):
        plural = _plural(dem)
        if plural:
            add(plural, iso, 1)
            demonym_forms.add(plural)
    for form in [f for f in demonym_forms if f in exact]:
        plural = _plural(form)
        if plural and plural not in exact:
            add(plural, exact[form][0], 1)
            demonym_forms.add(plural)

    for iso, a3 in alpha3.items():
        cameo.setdefault(iso, a3)
    exact_map = {form: iso for form, (iso, _) in exact.items()}
    folded: dict[str, str] = {}
    for source in (loose, exact):  # exact forms outrank alternative spellings
        for form, (iso, _) in source.items():
            if not _is_acronym(form):
                folded[form.casefold()] = iso
    alternatives = set(exact_map) | blocked
    # The lookahead on the forms' first letters rejects most positions at once instead of trying every form there,
    # and the forms are one prefix tree rather than a list, so a position is read once, not once per form (the same
    # matches: the longest form followed by no letter; together about fifteen times faster than the plain list).
    initials = "".join(sorted({re.escape(f[0]) for f in alternatives}))
    pattern = re.compile(rf"(?<![\w.’'])(?=[{initials}])(?:" + prefix_tree_pattern(alternatives) + r")(?!\w)")
    return _Tables(
        short_name=short_name,
        takes_article=frozenset(takes_article),
        demonyms=demonyms,
        cameo=cameo,
        exact=exact_map,
        folded=folded,
        demonym_forms=frozenset(demonym_forms),
        blocked=frozenset(blocked),
        pattern=pattern,
    )


def country_code(name: str) -> str | None:
    """ISO alpha-2 for a country name, demonym or news alias ("Syrians" -> "SY", "U.S." -> "US"), else None.

    Acronyms must be written in capitals ("us" is not the United States); other forms may be in any case.
    Places inside a country ("Gaza") and peoples without a state ("Kurdish") give None.
    """
    tables = _tables()
    form = name.strip()
    if form.lower().startswith("the "):
        form = form[4:].strip()
    if form in tables.blocked:
        return None
    if form in tables.exact:
        return tables.exact[form]
    return tables.folded.get(form.casefold())


def _check(iso2: str) -> str:
    code = iso2.upper()
    if code not in _tables().short_name:
        raise ValueError(f"unknown ISO 3166-1 alpha-2 code {iso2!r}")
    return code


def country_name(iso2: str) -> str:
    """The ACLED-style short name used in actor names: "SY" -> "Syria", "CD" -> "Democratic Republic of Congo"."""
    return _tables().short_name[_check(iso2)]


def country_name_with_article(iso2: str) -> str:
    """The short name as it reads in running text: "US" -> "the United States", "SY" -> "Syria"."""
    code = _check(iso2)
    name = _tables().short_name[code]
    return f"the {name}" if code in _tables().takes_article else name


def cameo_country(iso2: str) -> str:
    """The CAMEO country code (ISO alpha-3 except where CAMEO differs): "SY" -> "SYR"."""
    return _tables().cameo[_check(iso2)]


def demonym(iso2: str) -> str | None:
    """The usual demonym: "SY" -> "Syrian", "US" -> "American"; None if none is known."""
    return _tables().demonyms.get(_check(iso2))


def is_demonym(form: str) -> bool:
    """True when a country form is a demonym or people noun ("Syrian", "Britons"), not a name ("Syria")."""
    return form in _tables().demonym_forms


def all_country_codes() -> list[str]:
    """Every ISO alpha-2 code with a name (ISO 3166-1 plus Kosovo "XK")."""
    return sorted(_tables().short_name)


def country_name_forms() -> dict[str, str]:
    """Every searchable country name (not demonym) mapped to its ISO alpha-2: "Syria", "U.S.", "Ivory Coast"..."""
    tables = _tables()
    return {form: iso for form, iso in tables.exact.items() if form not in tables.demonym_forms}


def find_countries(text: str) -> list[tuple[int, int, str]]:
    """Every mention of a country name or demonym in ``text`` as ``(start, end, iso2)``, whole words only.

    Matching is case-sensitive, longest form first ("South Sudan" before "Sudan"), and phrases such as
    "Latin American" are skipped rather than read as the United States.
    """
    return list(_find_countries(text))


@lru_cache(maxsize=256)
def _find_countries(text: str) -> tuple[tuple[int, int, str], ...]:
    # Memoised: an article's text and its phrases are searched by several stages.
    tables = _tables()
    return tuple((match.start(), match.end(), tables.exact[match.group(0)])
                 for match in tables.pattern.finditer(text) if match.group(0) not in tables.blocked)
