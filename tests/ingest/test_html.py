"""Web pages become Articles with main text, headline, publication date and outlet."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwatch.ingest import article_from_html, read_inputs
from eventwatch.records import Article, Skipped

LEAD = (
    "Gunmen stormed a village market in the east of the country on Thursday, killing twelve traders "
    "and setting fire to dozens of stalls, local officials said."
)
SECOND = "Residents said the attackers arrived on motorcycles and fled into the forest after the raid."


def page(*, head: str = "", body_title: str = "", paragraphs: tuple[str, ...] = (LEAD, SECOND)) -> str:
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head>{head}</head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a> | <a href='/sport'>Sport</a></nav>"
        f"<article>{body_title}{text}</article>"
        "<footer>Copyright 2009 The Example Gazette. All rights reserved.</footer></body></html>"
    )


FULL_HEAD = (
    "<title>Twelve killed in market attack - The Example Gazette</title>"
    '<meta property="og:title" content="Twelve killed in market attack">'
    '<meta property="og:site_name" content="The Example Gazette">'
    '<meta property="article:published_time" content="2014-03-20T09:15:00+00:00">'
)


def test_html_metadata_gives_title_date_and_outlet() -> None:
    article = article_from_html(page(head=FULL_HEAD), url="https://news.example.org/world/market-attack")
    assert isinstance(article, Article)
    assert article.title == "Twelve killed in market attack"
    assert article.published == dt.date(2014, 3, 20)
    assert article.outlet == "The Example Gazette"
    assert article.url == "https://news.example.org/world/market-attack"


def test_main_text_keeps_paragraphs_and_drops_navigation() -> None:
    article = article_from_html(page(head=FULL_HEAD))
    assert isinstance(article, Article)
    assert LEAD in article.text and SECOND in article.text
    assert "Sport" not in article.text
    assert "All rights reserved" not in article.text


@pytest.mark.parametrize(
    "body_title",
    ["", "<h1>Twelve killed in market attack</h1>"],
)
def test_headline_appears_once_at_top_of_text(body_title: str) -> None:
    article = article_from_html(page(head=FULL_HEAD, body_title=body_title))
    assert isinstance(article, Article)
    assert article.text.startswith("Twelve killed in market attack\n")
    assert article.text.count("Twelve killed in market attack") == 1


@pytest.mark.parametrize(
    ("head", "fallback", "expected"),
    [
        ('<meta name="date" content="2011-12-23">', dt.date(2000, 1, 1), dt.date(2011, 12, 23)),
        ("", dt.date(2000, 1, 1), dt.date(2000, 1, 1)),
        ("", None, None),
    ],
)
def test_page_date_wins_over_published_argument(head: str, fallback: dt.date | None, expected: dt.date | None) -> None:
    article = article_from_html(page(head=head), published=fallback)
    assert isinstance(article, Article)
    assert article.published == expected


def test_title_tag_is_used_when_no_other_title() -> None:
    article = article_from_html(page(head="<title>Market raid leaves twelve dead</title>"))
    assert isinstance(article, Article)
    assert article.title == "Market raid leaves twelve dead"


def test_declared_legacy_charset_is_honoured_for_bytes() -> None:
    quoted = "\u201cThey came at dawn,\u201d a trader said \u2013 the market\u2019s stalls burned."
    html = page(head='<meta charset="windows-1252">', paragraphs=(LEAD, quoted)).encode("cp1252")
    article = article_from_html(html)
    assert isinstance(article, Article)
    assert quoted in article.text


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("", "empty"),
        (b"   ", "empty"),
        ("<html><head><title>x</title></head><body></body></html>", "empty: no main text found in HTML"),
        (b"%PDF-1.7 \x00\x01\x02", "not text: binary content"),
    ],
)
def test_pages_without_text_are_skipped_with_reason(html: str | bytes, reason: str) -> None:
    skipped = article_from_html(html, source="page.html")
    assert skipped == Skipped(reason, source="page.html")


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.txt", "page"])
def test_html_files_are_recognised_by_suffix_or_content(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(page(head=FULL_HEAD), encoding="utf-8")
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, Article)
    assert article.title == "Twelve killed in market attack"
    assert "<p>" not in article.text
