"""The actor dictionary: named actors (``eventwatch/data/actors.tsv`` plus a user file) and the generic agent
lexicon (``agents.tsv``), parsed and validated into typed rows, and the generic roles they name.

A user dictionary (``--actors FILE``) is a TSV with the same header as ``actors.tsv`` or a JSONL file with the same
keys (``aliases`` may be a list); its rows override built-in rows of the same name and add new ones. A bad row
raises :class:`ResolveError` naming the file and line.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from eventwatch.errors import ResolveError
from eventwatch.records import CLAIMANT_TYPES
from eventwatch.resolve import countries

__all__ = ["ROLES", "Role", "ActorEntry", "AgentTerm", "ActorDictionary"]


@dataclass(frozen=True)
class Role:
    """How a generic role is named and coded: ``{the}`` is the country with article, ``{name}`` without."""

    template: str
    inter: int | None
    sector: str
    claimant_type: str


ROLES: dict[str, Role] = {
    "military": Role("Military Forces of {the}", 1, "MIL", "military"),
    "police": Role("Police Forces of {the}", 1, "COP", "government"),
    "security": Role("Military Forces of {the}", 1, "COP", "military"),
    "government": Role("Government of {the}", 1, "GOV", "government"),
    "rebels": Role("Opposition Rebels ({name})", 2, "REB", "armed_group"),
    "unidentified_armed": Role("Unidentified Armed Group ({name})", 3, "UAF", "armed_group"),
    "gang": Role("Unidentified Gang ({name})", 3, "CRM", "armed_group"),
    "militia_progov": Role("Pro-Government Militia ({name})", 3, "UAF", "armed_group"),
    "identity": Role("{label} Ethnic Militia ({name})", 4, "UAF", "armed_group"),
    "protesters": Role("Protesters ({name})", 6, "OPP", "activists"),
    "rioters": Role("Rioters ({name})", 5, "CVL", "witnesses"),
    "civilians": Role("Civilians ({name})", 7, "CVL", "witnesses"),
    "defectors": Role("Mutiny of Military Forces of {the}", 2, "REB", "armed_group"),
    "opposition": Role("Opposition ({name})", None, "OPP", "opposition"),
    "observers": Role("Observers ({name})", 8, "IGO", "igo"),
    "media": Role("Media ({name})", None, "MED", "media"),
}
_NOUN_ROLES = frozenset(ROLES) - {"identity"} | {"source"}
_QUALIFIER_ROLES = frozenset({"militia_progov", "military", "rebels", "defectors", "identity", "-"})
_CLAIMANT_TYPES = frozenset(CLAIMANT_TYPES)
_ACTOR_COLUMNS = ("name", "aliases", "inter", "country", "cameo", "claimant_type", "source")
_AGENT_COLUMNS = ("term", "kind", "role", "inter", "cameo_sector", "claimant_type")


@dataclass(frozen=True)
class ActorEntry:
    """One row of the actor dictionary. ``role`` is set for rows that name a state's generic actor."""

    name: str
    aliases: tuple[str, ...]
    inter: int | None
    country: str | None
    cameo: str | None
    claimant_type: str
    source: str = ""
    role: str | None = None


@dataclass(frozen=True)
class AgentTerm:
    """One row of the generic agent lexicon."""

    term: str
    kind: str  # noun | qualifier
    role: str
    inter: int | None
    cameo_sector: str | None
    claimant_type: str | None


def _bad(origin: str, line: int, message: str, hint: str) -> ResolveError:
    return ResolveError(f"{origin}:{line}: {message}", hint=hint)


def _parse_inter(value: object, origin: str, line: int) -> int | None:
    if value in ("", None):
        return None
    try:
        inter = int(str(value))
    except ValueError:
        inter = 0
    if not 1 <= inter <= 8:
        raise _bad(origin, line, f"inter must be an ACLED inter code 1-8 or empty, got {value!r}",
                   "use 1 state, 2 rebels, 3 political militia, 4 identity militia, 8 external/other")
    return inter


def _parse_country(value: str, origin: str, line: int) -> str | None:
    if not value:
        return None
    try:
        countries.country_name(value)
    except (ValueError, KeyError):
        raise _bad(origin, line, f"unknown country code {value!r}",
                   "use an ISO 3166-1 alpha-2 code such as SY or NG, or leave it empty") from None
    return value.upper()


def _entry_from_row(row: dict[str, object], origin: str, line: int) -> ActorEntry:
    name = str(row.get("name") or "").strip()
    if not name:
        raise _bad(origin, line, "actor row has no name", "every row needs a name in the first column")
    raw = row.get("aliases") or ""
    alias_list = raw if isinstance(raw, list) else str(raw).split("|")
    aliases = [str(a).strip() for a in alias_list if str(a).strip()]
    country = _parse_country(str(row.get("country") or "").strip(), origin, line)
    role = None
    if name.startswith("<") and name.endswith(">"):
        role = name[1:-1]
        if role not in ROLES or role == "identity" or country is None:
            raise _bad(origin, line, f"placeholder {name!r} needs a known role and a country",
                       "write <military>, <police> or <government> with a country code")
    elif name not in aliases:
        aliases.insert(0, name)
    if not aliases:
        raise _bad(origin, line, f"actor {name!r} has no aliases", "give at least one surface form, '|'-separated")
    claimant_type = str(row.get("claimant_type") or "").strip() or "unknown"
    if claimant_type not in _CLAIMANT_TYPES:
        raise _bad(origin, line, f"claimant_type {claimant_type!r} is not one of {', '.join(CLAIMANT_TYPES)}",
                   "pick the type the actor has when it is quoted as a source")
    cameo = str(row.get("cameo") or "").strip() or None
    if cameo is not None and not re.fullmatch(r"[A-Z-]{3,15}", cameo):
        raise _bad(origin, line, f"cameo code {cameo!r} is not 3-15 capital letters", "e.g. SYRREB, IGOUNO")
    return ActorEntry(name=name, aliases=tuple(dict.fromkeys(aliases)),
                      inter=_parse_inter(row.get("inter"), origin, line), country=country, cameo=cameo,
                      claimant_type=claimant_type, source=str(row.get("source") or "").strip(), role=role)


def _tsv_rows(text: str, origin: str, columns: tuple[str, ...]) -> list[tuple[int, dict[str, object]]]:
    rows: list[tuple[int, dict[str, object]]] = []
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            missing = [c for c in columns[:2] if c not in header]
            if missing:
                raise _bad(origin, number, f"header line lacks column(s) {', '.join(missing)}",
                           "start the file with a tab-separated header: " + "\t".join(columns))
            continue
        if len(cells) > len(header):
            raise _bad(origin, number, f"{len(cells)} cells but the header has {len(header)}",
                       "separate columns with single tabs; aliases are separated by '|'")
        rows.append((number, dict(zip(header, cells))))
    return rows


def _jsonl_rows(text: str, origin: str) -> list[tuple[int, dict[str, object]]]:
    rows: list[tuple[int, dict[str, object]]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise _bad(origin, number, f"malformed JSON: {exc.msg}", "write one JSON object per line") from None
        if not isinstance(value, dict):
            raise _bad(origin, number, "line is not a JSON object", "write one JSON object per line")
        rows.append((number, value))
    return rows


def _packaged(filename: str) -> str:
    return resources.files("eventwatch").joinpath("data", filename).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _builtin_entries() -> tuple[ActorEntry, ...]:
    origin = "eventwatch/data/actors.tsv"
    return tuple(_entry_from_row(row, origin, n) for n, row in _tsv_rows(_packaged("actors.tsv"), origin,
                                                                         _ACTOR_COLUMNS))


@lru_cache(maxsize=1)
def _builtin_terms() -> tuple[AgentTerm, ...]:
    origin = "eventwatch/data/agents.tsv"
    terms: list[AgentTerm] = []
    for number, row in _tsv_rows(_packaged("agents.tsv"), origin, _AGENT_COLUMNS):
        kind, role = str(row.get("kind", "")), str(row.get("role", ""))
        allowed = _NOUN_ROLES if kind == "noun" else _QUALIFIER_ROLES if kind == "qualifier" else frozenset()
        if role not in allowed:
            raise _bad(origin, number, f"{kind!r} row has unknown role {role!r}", "see the header for roles")
        ctype = str(row.get("claimant_type") or "") or None
        if ctype is not None and ctype not in _CLAIMANT_TYPES:
            raise _bad(origin, number, f"unknown claimant_type {ctype!r}", "see records.CLAIMANT_TYPES")
        terms.append(AgentTerm(term=str(row["term"]), kind=kind, role=role,
                               inter=_parse_inter(row.get("inter"), origin, number),
                               cameo_sector=str(row.get("cameo_sector") or "") or None, claimant_type=ctype))
    return tuple(terms)


@dataclass(frozen=True)
class ActorDictionary:
    """Named actors (built-in plus user rows, user rows first so they win ties) and the generic agent lexicon."""

    entries: tuple[ActorEntry, ...]
    terms: tuple[AgentTerm, ...]

    @classmethod
    def load(cls, *, extra: Path | None = None) -> ActorDictionary:
        """The packaged dictionary, with ``extra`` (TSV with a header row, or ``.jsonl``) overriding rows of the
        same name and adding new ones. Raises :class:`ResolveError` naming the file and line of a bad row."""
        builtin = _builtin_entries()
        if extra is None:
            return cls(entries=builtin, terms=_builtin_terms())
        path = Path(extra)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ResolveError(f"cannot read actor dictionary {path}: {exc}",
                               hint="pass a readable UTF-8 .tsv or .jsonl file") from None
        origin = str(path)
        rows = _jsonl_rows(text, origin) if path.suffix.lower() in (".jsonl", ".json") else \
            _tsv_rows(text, origin, _ACTOR_COLUMNS)
        user = [_entry_from_row(row, origin, n) for n, row in rows]
        replaced = {(e.name, e.country) if e.role else e.name for e in user}
        kept = [e for e in builtin if ((e.name, e.country) if e.role else e.name) not in replaced]
        return cls(entries=tuple(user) + tuple(kept), terms=_builtin_terms())

    def get(self, name: str) -> ActorEntry | None:
        """The first entry with this name (user rows come first)."""
        return next((e for e in self.entries if e.name == name), None)
