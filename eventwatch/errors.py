"""Exceptions. Each carries a ``hint`` telling the user how to fix the problem."""
from __future__ import annotations

__all__ = ["EventwatchError", "IngestError", "ResolveError", "StoreError", "ConfigError", "EvalError"]


class EventwatchError(Exception):
    """Root of all eventwatch errors."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} (hint: {self.hint})" if self.hint else self.message


class IngestError(EventwatchError):
    """An input could not be read at all (missing path, unreadable URL)."""


class ResolveError(EventwatchError):
    """Gazetteer or actor dictionary could not be loaded or compiled."""


class StoreError(EventwatchError):
    """The DuckDB store could not be opened or written."""


class ConfigError(EventwatchError):
    """A setting has an invalid value."""


class EvalError(EventwatchError):
    """A gold or prediction file is not in the expected format."""
