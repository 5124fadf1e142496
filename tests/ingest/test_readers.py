"""Every kind of input becomes an Article or a Skipped with a reason; nothing stops a run."""
from __future__ import annotations

import datetime as dt
import http.server
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwatch.errors import IngestError
from eventwatch.ingest import article_from_text, read_inputs
from eventwatch.ingest.readers import decode_bytes, looks_binary, normalize_text, truncate_text
from eventwatch.records import Article, Skipped, content_id

LEAD = (
    "Security forces opened fire on protesters in the northern city on Friday, "
    "killing at least five people and wounding dozens more, activists said."
)
SECOND = "The interior ministry said armed men had attacked a police checkpoint before the clashes began."
FRENCH = (
    "Les forces de sécurité ont ouvert le feu sur des manifestants dans la ville du nord vendredi, "
    "tuant au moins cinq personnes, selon les militants qui ont dénoncé la répression."
)


def read_all(*inputs: str, **options: object) -> list[Article | Skipped]:
    return list(read_inputs(list(inputs), **options))  # type: ignore[arg-type]


def write(path: Path, content: str | bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


# -- plain text -----------------------------------------------------------------------------------

def test_plain_text_file_becomes_article_with_content_hash_id(tmp_path: Path) -> None:
    path = write(tmp_path / "report.txt", f"{LEAD}\n\n{SECOND}\n")
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert article.text == f"{LEAD}\n\n{SECOND}"
    assert article.id == content_id(article.text)
    assert article.source == path
    assert article.language == "en"


def test_reingesting_same_text_gives_same_id(tmp_path: Path) -> None:
    first = read_all(write(tmp_path / "a.txt", LEAD))[0]
    second = read_all(write(tmp_path / "b.txt", LEAD + "\r\n"))[0]
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == second.id


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a   \nb\t\n", "a\nb"),
        ("\n\nfirst\n\n\nsecond\n\n", "first\n\n\nsecond"),
        ("  indented lead", "  indented lead"),
        ("curly \u201cquotes\u201d \u2013 dash", "curly \u201cquotes\u201d \u2013 dash"),
        ("10\u00a0km north of\u202fthe town", "10 km north of the town"),
    ],
)
def test_normalize_text_unifies_newlines_and_spaces_and_strips_trailing_space(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # UTF-8 curly quotes and a no-break space read as cp1252 by a scraper
        ("he said \u00e2\u20ac\u0153we fired\u00e2\u20ac\u009d on the mob", "he said \u201cwe fired\u201d on the mob"),
        ("two dead in police-mob clash\u00c2 curfew in the town\u00c2", "two dead in police-mob clash curfew in the town"),
        ("Gunmen killed the caf\u00c3\u00a9 owner", "Gunmen killed the caf\u00e9 owner"),
        # sound text is left alone, accented capitals included
        ("ROM\u00c2NIA and the caf\u00e9 \u201cstayed\u201d open", "ROM\u00c2NIA and the caf\u00e9 \u201cstayed\u201d open"),
    ],
)
def test_normalize_text_repairs_mojibake(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize("option", [{"published": dt.date(2013, 5, 4)}, {}])
def test_published_argument_dates_plain_text(tmp_path: Path, option: dict[str, dt.date]) -> None:
    [article] = read_all(write(tmp_path / "a.txt", LEAD), **option)
    assert isinstance(article, Article)
    assert article.published == option.get("published")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("BEIRUT, Jan. 6, 2012 (Reuters) - ", dt.date(2012, 1, 6)),
        ("KABUL, 14 March 2010 (AFP) - ", dt.date(2010, 3, 14)),
        ("Published 2015-06-10\n\n", dt.date(2015, 6, 10)),
        ("BEIRUT, Jan. 6 (Reuters) - ", None),  # no year: no date rather than a guess
        ("DAMASCUS (AP) - ", None),
    ],
)
def test_dateline_with_year_dates_undated_text(head: str, expected: dt.date | None) -> None:
    article = article_from_text(head + LEAD)
    assert isinstance(article, Article)
    assert article.published == expected


def test_published_argument_wins_over_dateline() -> None:
    article = article_from_text("BEIRUT, Jan. 6, 2012 (Reuters) - " + LEAD, published=dt.date(2012, 1, 7))
    assert isinstance(article, Article)
    assert article.published == dt.date(2012, 1, 7)


# -- skip reasons ---------------------------------------------------------------------------------

@pytest.mark.parametrize("content", ["", "   \n\t\n", b"", b"\xef\xbb\xbf  \n"])
def test_empty_input_is_skipped_as_empty(tmp_path: Path, content: str | bytes) -> None:
    path = write(tmp_path / "blank.txt", content)
    assert read_all(path) == [Skipped("empty", source=path)]


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"plain words then a NUL \x00 byte",
        bytes(range(1, 9)) * 20,
    ],
)
def test_binary_input_is_skipped_as_not_text(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path / "report.txt", content)
    assert read_all(path) == [Skipped("not text: binary content", source=path)]


def test_non_english_text_is_skipped_with_detected_language(tmp_path: Path) -> None:
    path = write(tmp_path / "fr.txt", FRENCH)
    [skipped] = read_all(path)
    assert isinstance(skipped, Skipped)
    assert skipped.reason == "not English (detected: fr)"
    assert skipped.source == path


def test_huge_text_is_cut_at_a_paragraph_not_skipped(tmp_path: Path) -> None:
    paragraphs = [f"Paragraph {n}: {LEAD}" for n in range(50)]
    path = write(tmp_path / "long.txt", "\n\n".join(paragraphs))
    [article] = read_all(path, max_chars=1000)
    assert isinstance(article, Article)
    assert len(article.text) <= 1000
    assert article.text.endswith("activists said.")
    assert article.text.startswith("Paragraph 0:")


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("aaaa\n\nbbbb\n\ncccc", 12, "aaaa\n\nbbbb"),
        ("aaaa bbbb.\ncccc dddd", 15, "aaaa bbbb."),
        ("First one. Second one. Third", 25, "First one. Second one."),
        ("x" * 30, 10, "x" * 10),
        ("short", 10, "short"),
    ],
)
def test_truncate_text_prefers_paragraph_then_line_then_sentence(text: str, limit: int, expected: str) -> None:
    assert truncate_text(text, max_chars=limit) == expected


def test_missing_path_raises_ingest_error_with_hint(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as caught:
        read_all(str(tmp_path / "nope.txt"))
    assert "nope.txt" in str(caught.value)
    assert caught.value.hint


def test_missing_path_raises_before_any_input_is_read(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", LEAD)
    results = read_inputs([good, str(tmp_path / "missing")])
    with pytest.raises(IngestError):
        next(results)


# -- encodings ------------------------------------------------------------------------------------

CURLY = "The minister\u2019s office said \u201cno one\u201d was hurt \u2013 a claim residents of S\u00e3o Tom\u00e9 disputed."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (CURLY.encode("cp1252"), CURLY),
        (CURLY.encode("utf-8"), CURLY),
        (b"\xef\xbb\xbf" + CURLY.encode("utf-8"), CURLY),
        (CURLY.encode("utf-16"), CURLY),  # Python writes a BOM
        ("Caf\u00e9 de la Paix".encode("latin-1"), "Caf\u00e9 de la Paix"),
        # mostly UTF-8 with one stray cp1252 byte: the UTF-8 letters survive, the stray byte is replaced
        ("S\u00e3o Tom\u00e9 and Pr\u00edncipe".encode() + b" \x93", "S\u00e3o Tom\u00e9 and Pr\u00edncipe \ufffd"),
    ],
)
def test_decode_bytes_recovers_text_in_common_encodings(raw: bytes, expected: str) -> None:
    assert decode_bytes(raw) == expected


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-16"])
def test_encoded_files_are_read_without_losing_the_article(tmp_path: Path, encoding: str) -> None:
    text = f"{CURLY}\n\n{LEAD}"
    path = write(tmp_path / "enc.txt", text.encode(encoding))
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert article.text == text


def test_utf16_text_is_not_mistaken_for_binary() -> None:
    assert looks_binary(LEAD.encode("utf-16-le"))  # no BOM: NULs everywhere, cannot tell
    assert decode_bytes(LEAD.encode("utf-16")) == LEAD


# -- JSONL / JSON ---------------------------------------------------------------------------------

def jsonl(*lines: object) -> str:
    return "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n"


def test_jsonl_records_keep_their_id_and_metadata(tmp_path: Path) -> None:
    record = {
        "id": "a1", "text": LEAD, "published": "2012-01-07", "url": "http://example.org/a1",
        "title": "Five killed", "outlet": "Example News", "events": [{"event_type": "Protests"}],
    }
    path = write(tmp_path / "in.jsonl", jsonl(record))
    [article] = read_all(path)
    assert article == Article(
        id="a1", text=LEAD, published=dt.date(2012, 1, 7), language="en", url="http://example.org/a1",
        title="Five killed", outlet="Example News", source=f"{path}:1",
    )


def test_malformed_jsonl_line_is_skipped_and_later_lines_still_read(tmp_path: Path) -> None:
    path = write(tmp_path / "in.jsonl", jsonl({"id": "a", "text": LEAD}, '{"id": "b", "text": ', {"id": "c", "text": SECOND}))
    results = read_all(path)
    assert [r.id for r in results if isinstance(r, Article)] == ["a", "c"]
    [bad] = [r for r in results if isinstance(r, Skipped)]
    assert bad.reason.startswith("malformed JSON on line 2:")
    assert bad.source == f"{path}:2"


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"id": "x", "body": LEAD}, "no text field"),
        ({"id": "x", "text": None}, "no text field"),
        ({"id": "x", "text": ""}, "empty"),
        ({"id": "x", "text": FRENCH}, "not English (detected: fr)"),
        (["not", "an", "object"], "not a JSON object: list"),
    ],
)
def test_bad_jsonl_records_are_skipped_with_reason(tmp_path: Path, record: object, reason: str) -> None:
    path = write(tmp_path / "in.jsonl", jsonl(record))
    [skipped] = read_all(path)
    assert isinstance(skipped, Skipped)
    assert skipped.reason == reason
    assert skipped.source == f"{path}:1"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2012-01-07", dt.date(2012, 1, 7)), ("2012-01-07T10:30:00Z", dt.date(2012, 1, 7)), (None, dt.date(2000, 1, 1)), ("soon", dt.date(2000, 1, 1))],
)
def test_jsonl_date_wins_over_published_argument(tmp_path: Path, value: str | None, expected: dt.date) -> None:
    path = write(tmp_path / "in.jsonl", jsonl({"id": "a", "text": LEAD, "published": value}))
    [article] = read_all(path, published=dt.date(2000, 1, 1))
    assert isinstance(article, Article)
    assert article.published == expected


def test_blank_jsonl_lines_are_not_records(tmp_path: Path) -> None:
    path = write(tmp_path / "in.jsonl", "\n" + jsonl({"id": "a", "text": LEAD}) + "\n\n")
    assert [r.id for r in read_all(path)] == ["a"]


def test_json_array_file_yields_each_object(tmp_path: Path) -> None:
    path = write(tmp_path / "in.json", json.dumps([{"id": "a", "text": LEAD}, {"id": "b"}]))
    results = read_all(path)
    assert [type(r).__name__ for r in results] == ["Article", "Skipped"]
    assert results[1] == Skipped("no text field", source=f"{path}[1]", id="b")


def test_malformed_json_file_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "in.json", '[{"id": "a", "text": ')
    [skipped] = read_all(path)
    assert isinstance(skipped, Skipped)
    assert skipped.reason.startswith("malformed JSON:")


# -- directories ----------------------------------------------------------------------------------

def test_directory_is_read_recursively_in_sorted_order_skipping_hidden(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.md", "a/c.txt", "c.html", ".hidden.txt", ".git/x.txt", "notes.docx", "d/e.jsonl"]:
        content = jsonl({"id": name, "text": LEAD}) if name.endswith(".jsonl") else f"{name}\n\n{LEAD}"
        write(tmp_path / name, content)
    sources = [r.source for r in read_all(str(tmp_path))]
    assert sources == [str(tmp_path / p) for p in ["a/c.txt", "a/z.md", "b.txt", "c.html"]] + [str(tmp_path / "d/e.jsonl") + ":1"]


# -- stdin ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("stream", "expected_ids"),
    [
        (io.StringIO(LEAD), [content_id(LEAD)]),
        (io.BytesIO(LEAD.encode("cp1252")), [content_id(LEAD)]),
        (io.StringIO(jsonl({"id": "s1", "text": LEAD}, {"id": "s2", "text": SECOND})), ["s1", "s2"]),
        (io.StringIO(json.dumps([{"id": "s3", "text": LEAD}])), ["s3"]),
    ],
)
def test_stdin_is_sniffed_as_text_or_jsonl(stream: io.IOBase, expected_ids: list[str]) -> None:
    results = read_all("-", stdin=stream)
    assert [r.id for r in results] == expected_ids
    assert all(isinstance(r, Article) for r in results)


def test_empty_stdin_is_skipped() -> None:
    assert read_all("-", stdin=io.BytesIO(b"")) == [Skipped("empty", source="-")]


# -- URLs (local server only: no network in tests) ------------------------------------------------

PAGE = (
    "<html><head><title>Five killed in city protest</title>"
    '<meta name="date" content="2013-05-04"></head>'
    f"<body><article><p>{LEAD}</p><p>{SECOND}</p></article></body></html>"
)


_ROUTES = {
    "/news": (PAGE.encode("utf-8"), "text/html; charset=utf-8"),
    "/legacy": (PAGE.replace("<head>", '<head><meta charset="windows-1252">').replace(
        "activists said", "activists\u2019 said").encode("cp1252"), "text/html"),
    "/plain": (LEAD.encode("utf-8"), "text/plain; charset=utf-8"),
    "/feed": (jsonl({"id": "u1", "text": LEAD}, {"id": "u2", "text": SECOND}).encode("utf-8"), "application/x-ndjson"),
    "/report.pdf": (b"%PDF-1.5\n%\xb5\xb5\n1 0 obj", "application/pdf"),
}


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - name fixed by http.server
        if self.path not in _ROUTES:
            self.send_error(404)
            return
        body, kind = _ROUTES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def local_server() -> Iterator[str]:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_url_is_fetched_and_read_as_html(local_server: str) -> None:
    [article] = read_all(f"{local_server}/news")
    assert isinstance(article, Article)
    assert article.title == "Five killed in city protest"
    assert article.published == dt.date(2013, 5, 4)
    assert LEAD in article.text
    assert article.url == f"{local_server}/news"


@pytest.mark.parametrize(
    ("path", "expected_ids"),
    [("/plain", [content_id(LEAD)]), ("/feed", ["u1", "u2"])],
)
def test_text_and_jsonl_urls_are_read_by_content_type(local_server: str, path: str, expected_ids: list[str]) -> None:
    results = read_all(local_server + path)
    assert [r.id for r in results] == expected_ids
    assert all(isinstance(r, Article) for r in results)


def test_url_page_charset_is_honoured_without_header(local_server: str) -> None:
    [article] = read_all(f"{local_server}/legacy")
    assert isinstance(article, Article)
    assert "activists\u2019 said" in article.text


@pytest.mark.parametrize(
    ("path", "reason"),
    [("/missing", "fetch failed: HTTP 404 Not Found"), ("/report.pdf", "not text: binary content")],
)
def test_bad_urls_are_skipped_with_reason(local_server: str, path: str, reason: str) -> None:
    assert read_all(local_server + path) == [Skipped(reason, source=local_server + path)]


def test_unreachable_url_becomes_fetch_failed_not_a_crash() -> None:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Handler)
    port = server.server_address[1]
    server.server_close()  # nothing listens on this port now
    [skipped] = read_all(f"http://127.0.0.1:{port}/gone")
    assert isinstance(skipped, Skipped)
    assert skipped.reason.startswith("fetch failed:")
    assert skipped.source == f"http://127.0.0.1:{port}/gone"
