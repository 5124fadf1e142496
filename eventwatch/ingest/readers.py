"""Readers: every input (file, directory, JSONL, JSON, HTML, URL, stdin) becomes an Article or a Skipped.

A bad input never stops a run: it becomes ``Skipped(reason, source)``. Only an input that does not
exist at all raises :class:`~eventwatch.errors.IngestError`, because that is a typo the user must fix.
"""
from __future__ import annotations

import codecs
import datetime as dt
import json
import logging
import os
import re
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from ..errors import IngestError
from ..records import Article, Skipped, content_id
from .dateline import dateline_date, parse_iso_date
from .language import detect_language

__all__ = [
    "read_inputs",
    "article_from_text",
    "article_from_record",
    "decode_bytes",
    "looks_binary",
    "normalize_text",
    "truncate_text",
    "BINARY_REASON",
    "INPUT_SUFFIXES",
    "FETCH_TIMEOUT",
]

log = logging.getLogger(__name__)

BINARY_REASON = "not text: binary content"
INPUT_SUFFIXES = frozenset({".txt", ".html", ".htm", ".jsonl", ".json", ".md"})
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FETCH_TIMEOUT = 20.0
_MAX_FETCH_BYTES = 20_000_000  # a news page is far smaller; this only guards against endless streams
_SNIFF_BYTES = 8192
# File signatures of formats people mistakenly feed in (PDF, office, images, archives, executables).
_MAGIC = (
    b"%PDF", b"PK\x03\x04", b"PK\x05\x06", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff",
    b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"MZ", b"\xd0\xcf\x11\xe0",
    b"ID3", b"OggS", b"RIFF", b"\x00\x00\x01\x00", b"wOFF", b"SQLite format 3",
)
# Control bytes other than tab, newline, carriage return, form feed and escape do not occur in text.
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13, 27}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: same first bytes
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


# -- bytes to text --------------------------------------------------------------------------------

def looks_binary(raw: bytes) -> bool:
    """True for content that is not text in any encoding: known file signatures, NULs, control bytes."""
    head = raw[:_SNIFF_BYTES]
    if any(head.startswith(magic) for magic in _MAGIC):
        return True
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL)
    return bool(head) and controls / len(head) > 0.05


def decode_bytes(raw: bytes) -> str | None:
    """Decode text of unknown encoding without losing it; ``None`` when the bytes are not text at all.

    Order: a byte-order mark decides; then strict UTF-8; then, for mostly-ASCII bytes, cp1252 (the legacy
    encoding of nearly all English web and wire copy, whose curly quotes and dashes sit in 0x80-0x9F,
    which charset detectors often misread as cp1250); then charset detection; then cp1252 with
    replacement characters, so an article is never dropped for its encoding.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace")
    if looks_binary(raw):
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few stray bytes (a cp1252 quote pasted into a UTF-8 file): keep it UTF-8, else every
    # other accented letter turns into mojibake. Legacy text almost never forms valid UTF-8 sequences.
    lenient = raw.decode("utf-8", errors="replace")
    invalid = lenient.count("\ufffd")
    if sum(1 for char in lenient if ord(char) >= 0x80) - invalid > invalid:
        return lenient
    high = sum(1 for byte in raw if byte >= 0x80)
    if high <= 0.1 * len(raw):
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:  # one of cp1252's five unassigned bytes: not cp1252
            pass
    from charset_normalizer import from_bytes  # lazy: only legacy-encoded input pays for the import

    best = from_bytes(raw).best()
    if best is not None:
        return str(best)
    return raw.decode("cp1252", errors="replace")


# -- text normalisation ---------------------------------------------------------------------------

# what is left of a no-break space whose second byte became a plain space or was stripped at the line end
_STRANDED_A0_SOURCE = r"(?<=[a-z0-9.,;:!?'\")\]])\u00c2(?=\s|$)"
_STRANDED_A0 = re.compile(_STRANDED_A0_SOURCE, re.MULTILINE)
# UTF-8 read as cp1252/Latin-1 somewhere upstream ("â€œ" for a curly quote, "Â" before a no-break space):
# scraped news archives are full of it, and it glues junk letters onto words ("clashÂ")
_MOJIBAKE = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
                       "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|"
                       + _STRANDED_A0_SOURCE, re.MULTILINE)


def repair_mojibake(text: str) -> str:
    """Text with double-decoded UTF-8 repaired by ftfy's encoding fixes only (quotes, dashes and letters come
    back; nothing else is touched). Text without the telltale sequences is returned as it is."""
    if not _MOJIBAKE.search(text):
        return text
    import ftfy  # lazy: only damaged text pays for the import

    return _STRANDED_A0.sub("\u00a0", ftfy.fix_encoding(text))


# no-break and other fixed-width spaces: the parser reads each as a token of its own inside the sentence
_SPACES = str.maketrans({char: " " for char in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                                                "\u2009\u200a\u202f\u205f\u3000"})


def normalize_text(text: str) -> str:
    """Repair mojibake, make no-break and other fixed-width spaces plain spaces, unify newlines to ``\\n``,
    strip trailing spaces of each line and blank lines at both ends.

    Nothing else changes: characters inside lines keep their positions relative to each other (a repaired
    mojibake sequence becomes the one character it stood for), so offsets computed on the result are offsets
    a user can check against what they read.
    """
    text = repair_mojibake(text.replace("\r\n", "\n").replace("\r", "\n")).translate(_SPACES)
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def truncate_text(text: str, *, max_chars: int) -> str:
    """At most ``max_chars`` characters, cut at the last paragraph (else line, else sentence) break."""
    if len(text) <= max_chars:
        return text
    head = text[:max_chars]
    for separator in ("\n\n", "\n", ". "):
        cut = head.rfind(separator)
        # Only accept a break in the second half; otherwise we would throw away most of the allowance.
        if cut >= max_chars // 2:
            return head[: cut + (1 if separator == ". " else 0)].rstrip()
    return head


# -- text to Article ------------------------------------------------------------------------------

def article_from_text(
    text: str,
    *,
    id: str | None = None,  # noqa: A002 - the field is called id everywhere in the records
    published: dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    source: str | None = None,
    max_chars: int = 200_000,
) -> Article | Skipped:
    """An English Article from raw text, or a Skipped saying why not ("empty", "not English (...)").

    ``published`` is the best date known to the caller; without one, a full date in the dateline is used.
    The id is ``id`` if given, else a content hash of the normalised text (re-ingesting is idempotent).
    """
    text = normalize_text(text)
    if not text.strip():
        return Skipped("empty", source=source, id=id)
    article_id = id if id else content_id(text)
    language = detect_language(text)
    if language is not None and language != "en":
        return Skipped(f"not English (detected: {language})", source=source, id=article_id)
    if len(text) > max_chars:
        log.warning("%s: text of %d characters truncated to at most %d", source or article_id, len(text), max_chars)
        text = truncate_text(text, max_chars=max_chars)
    return Article(
        id=article_id,
        text=text,
        published=published if published is not None else dateline_date(text),
        language=language,
        url=url or None,
        title=(title.strip() or None) if isinstance(title, str) else None,
        outlet=outlet or None,
        source=source,
    )


def _optional_str(value: object) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def article_from_record(
    record: object,
    *,
    source: str,
    published: dt.date | None = None,
    max_chars: int = 200_000,
) -> Article | Skipped:
    """An Article from one JSON object with ``id``, ``text`` and optional ``published``/``url``/``title``/``outlet``.

    Other keys (gold annotations, ``split``...) are ignored. The record's own date wins over ``published``.
    """
    if not isinstance(record, Mapping):
        return Skipped(f"not a JSON object: {type(record).__name__}", source=source)
    record_id = _optional_str(record.get("id"))
    text = record.get("text")
    if not isinstance(text, str):
        return Skipped("no text field", source=source, id=record_id)
    own_date = parse_iso_date(record.get("published"))
    return article_from_text(
        text,
        id=record_id,
        published=own_date if own_date is not None else published,
        url=_optional_str(record.get("url")),
        title=_optional_str(record.get("title")),
        outlet=_optional_str(record.get("outlet")),
        source=source,
        max_chars=max_chars,
    )


# -- one input of each kind -----------------------------------------------------------------------

def _read_jsonl(
    text: str, *, source: str, published: dt.date | None, max_chars: int
) -> Iterator[Article | Skipped]:
    # split("\n"), not splitlines(): JSON strings may hold U+2028 or \x1c, which splitlines breaks on.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(f"malformed JSON on line {number}: {exc.msg} (column {exc.colno})", source=where)
            continue
        yield article_from_record(record, source=where, published=published, max_chars=max_chars)


def _read_json(
    text: str, *, source: str, published: dt.date | None, max_chars: int
) -> Iterator[Article | Skipped]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # several objects, one per line: JSONL under a .json name
            yield from _read_jsonl(text, source=source, published=published, max_chars=max_chars)
        else:
            yield Skipped(f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", source=source)
        return
    if isinstance(document, list):
        for index, record in enumerate(document):
            yield article_from_record(record, source=f"{source}[{index}]", published=published, max_chars=max_chars)
    else:
        yield article_from_record(document, source=source, published=published, max_chars=max_chars)


def _looks_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<html" in head


def _sniff_kind(text: str) -> str:
    """Kind of content with no telling file name (stdin, an unknown extension)."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        return "json"
    if stripped.startswith("{"):
        return "jsonl"
    if _looks_html(text):
        return "html"
    return "text"


def _kind_of(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in _JSONL_SUFFIXES:
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in (".txt", ".md"):
        return "html" if _looks_html(text) else "text"
    return _sniff_kind(text)


def _from_content(
    text: str,
    *,
    kind: str,
    source: str,
    url: str | None,
    published: dt.date | None,
    max_chars: int,
) -> Iterator[Article | Skipped]:
    if kind == "jsonl":
        yield from _read_jsonl(text, source=source, published=published, max_chars=max_chars)
    elif kind == "json":
        yield from _read_json(text, source=source, published=published, max_chars=max_chars)
    elif kind == "html":
        from .html import article_from_html  # lazy: trafilatura is slow to import and only HTML needs it

        yield article_from_html(text, url=url, published=published, source=source, max_chars=max_chars)
    else:
        yield article_from_text(text, published=published, url=url, source=source, max_chars=max_chars)


def _read_file(path: Path, *, published: dt.date | None, max_chars: int) -> Iterator[Article | Skipped]:
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield Skipped(f"unreadable: {exc.strerror or exc}", source=source)
        return
    if not raw.strip():
        yield Skipped("empty", source=source)
        return
    text = decode_bytes(raw)
    if text is None:
        yield Skipped(BINARY_REASON, source=source)
        return
    yield from _from_content(
        text, kind=_kind_of(path, text), source=source, url=None, published=published, max_chars=max_chars
    )


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _directory_files(root: Path) -> list[Path]:
    """Input files under ``root`` in sorted path order, skipping hidden files and folders.

    os.walk without following links, so a symlink loop cannot make a run endless.
    """
    found: list[Path] = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in files:
            path = Path(folder, name)
            if not name.startswith(".") and path.suffix.lower() in INPUT_SUFFIXES:
                found.append(path)
    return sorted(found, key=lambda path: path.relative_to(root).parts)


_JSON_TYPES = {"application/json": "json", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl"}


def _read_url(url: str, *, published: dt.date | None, max_chars: int) -> Iterator[Article | Skipped]:
    request = urllib.request.Request(url, headers={"User-Agent": "eventwatch/0.1 (+news event coding)"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            raw = response.read(_MAX_FETCH_BYTES)
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            final_url = response.geturl() or url
    except urllib.error.HTTPError as exc:
        yield Skipped(f"fetch failed: HTTP {exc.code} {exc.reason}", source=url)
        return
    except (urllib.error.URLError, OSError, ValueError) as exc:
        # URLError wraps refused connections and DNS failures; OSError covers timeouts and resets.
        yield Skipped(f"fetch failed: {getattr(exc, 'reason', None) or exc}", source=url)
        return
    if not raw.strip():
        yield Skipped("empty", source=url)
        return
    if looks_binary(raw) and not raw.startswith(tuple(bom for bom, _ in _BOMS)):
        yield Skipped(BINARY_REASON, source=url)
        return
    kind = "text" if content_type == "text/plain" else _JSON_TYPES.get(content_type, "html")
    if kind == "html" and not charset:
        from .html import article_from_html  # lazy: trafilatura is slow to import and only HTML needs it

        # Undeclared charset: let the HTML reader look for a <meta charset> before guessing.
        yield article_from_html(raw, url=final_url, published=published, source=url, max_chars=max_chars)
        return
    yield from _from_content(
        _decode_declared(raw, charset), kind=kind, source=url, url=final_url, published=published, max_chars=max_chars
    )


def _decode_declared(raw: bytes, charset: str | None) -> str:
    if charset:
        try:
            return raw.decode(charset, errors="replace")
        except LookupError:  # a server declaring a charset Python does not know
            pass
    return decode_bytes(raw) or raw.decode("cp1252", errors="replace")


def _read_stdin(
    stream: TextIO | BinaryIO, *, published: dt.date | None, max_chars: int
) -> Iterator[Article | Skipped]:
    data = stream.read()
    if isinstance(data, bytes):
        if not data.strip():
            yield Skipped("empty", source="-")
            return
        decoded = decode_bytes(data)
        if decoded is None:
            yield Skipped(BINARY_REASON, source="-")
            return
        data = decoded
    yield from _from_content(
        data, kind=_sniff_kind(data), source="-", url=None, published=published, max_chars=max_chars
    )


def _is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def read_inputs(
    inputs: Sequence[str],
    *,
    published: dt.date | None = None,
    stdin: TextIO | BinaryIO | None = None,
    max_chars: int = 200_000,
) -> Iterator[Article | Skipped]:
    """Articles (or Skipped, with the reason and the source) from files, directories, URLs and ``-``.

    ``published`` dates plain inputs; a date carried by a JSONL record or HTML metadata wins over it.
    Raises IngestError before reading anything if a path does not exist.
    """
    if isinstance(inputs, str):  # a lone path would otherwise be read character by character
        inputs = [inputs]
    for value in inputs:
        if value != "-" and not _is_url(value) and not Path(value).exists():
            raise IngestError(
                f"no such file or directory: {value}",
                hint="check the path; use '-' to read standard input or give an http(s):// URL",
            )
    for value in inputs:
        if value == "-":
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", sys.stdin)
            yield from _read_stdin(stream, published=published, max_chars=max_chars)
        elif _is_url(value):
            yield from _read_url(value, published=published, max_chars=max_chars)
        else:
            path = Path(value)
            files = _directory_files(path) if path.is_dir() else [path]
            for file in files:
                yield from _read_file(file, published=published, max_chars=max_chars)
