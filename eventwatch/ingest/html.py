"""HTML pages to Articles: main text, headline, publication date and outlet via trafilatura.

trafilatura drops navigation, comments and boilerplate, and reads the date from page metadata (meta tags,
JSON-LD, the URL). We turn off its free-text date search: on a page without metadata it picks dates out
of the body or footer, which are event or copyright dates, not the publication date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html import unescape
from typing import Any

from ..records import Article, Skipped
from .dateline import parse_iso_date
from .readers import BINARY_REASON, article_from_text, decode_bytes

__all__ = ["article_from_html", "extract_html", "HtmlDocument"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class HtmlDocument:
    """What a page yields before it becomes an Article (kept apart so extraction is testable alone)."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None


def _decode_html(raw: bytes) -> str | None:
    """Honour a ``<meta charset>`` declaration if the page makes one, else guess like any text."""
    declared = _META_CHARSET.search(raw[:4096])
    if declared:
        try:
            return raw.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:  # a charset name Python does not know: fall back to guessing
            pass
    return decode_bytes(raw)


def _with_headline(text: str, title: str | None) -> str:
    """Put the headline above the body unless the extracted body already starts with it.

    Headlines name the event, place and toll in few words, so the coder should see them; pages differ
    in whether the <h1> lands inside the extracted main text.
    """
    if not title:
        return text
    if text.lstrip().lower().startswith(title.strip().lower()):
        return text
    return f"{title.strip()}\n\n{text}"


def _title_tag(html: str) -> str | None:
    match = _TITLE_TAG.search(html[:20000])
    if not match:
        return None
    return " ".join(unescape(match.group(1)).split()) or None


def extract_html(html: str, *, url: str | None = None) -> HtmlDocument:
    """Main text and metadata of a page; an empty ``text`` when the page has none."""
    from trafilatura import baseline, bare_extraction  # lazy: slow import, needed only for HTML input

    document = bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    # trafilatura 1.x returns a dict, 2.x a Document; read both through one dict view.
    fields: dict[str, Any] = {}
    if isinstance(document, dict):
        fields = document
    elif document is not None:
        fields = document.as_dict()
    text: str = fields.get("text") or ""
    title: str | None = fields.get("title")
    page_url: str | None = fields.get("url")
    if not text.strip():
        # Short pages fall under trafilatura's minimum size for main text; its baseline keeps all <p> text.
        _, text, _ = baseline(html)
    title = title or _title_tag(html)
    return HtmlDocument(
        text,
        title=title,
        published=parse_iso_date(fields.get("date")),
        outlet=fields.get("sitename"),
        url=url or page_url,
    )


def article_from_html(
    html: str | bytes,
    *,
    url: str | None = None,
    published: dt.date | None = None,
    source: str | None = None,
    max_chars: int = 200_000,
) -> Article | Skipped:
    """An Article from a web page; ``published`` is used only when the page metadata carries no date."""
    if isinstance(html, bytes):
        if not html.strip():
            return Skipped("empty", source=source)
        decoded = _decode_html(html)
        if decoded is None:
            return Skipped(BINARY_REASON, source=source)
        html = decoded
    if not html.strip():
        return Skipped("empty", source=source)
    page = extract_html(html, url=url)
    if not page.text.strip():
        return Skipped("empty: no main text found in HTML", source=source)
    return article_from_text(
        _with_headline(page.text, page.title),
        published=page.published if page.published is not None else published,
        url=page.url,
        title=page.title,
        outlet=page.outlet,
        source=source,
        max_chars=max_chars,
    )
