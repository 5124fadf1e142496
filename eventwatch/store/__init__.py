"""DuckDB storage of coded articles, events, claims, statements and incidents."""
from __future__ import annotations

from .db import SCHEMA_VERSION, Store, WriteReport

__all__ = ["Store", "WriteReport", "SCHEMA_VERSION"]
