"""Ingest: files, directories, JSONL/JSON, HTML pages, URLs and stdin become Articles or Skipped records."""
from __future__ import annotations

from .html import article_from_html
from .language import detect_language
from .readers import article_from_record, article_from_text, read_inputs

__all__ = ["read_inputs", "article_from_text", "article_from_html", "article_from_record", "detect_language"]
