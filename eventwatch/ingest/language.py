"""Offline language identification, good enough to keep English news and say why the rest was skipped.

Two cheap signals, no model: the writing system (a text mostly in Arabic or Cyrillic letters is not
English whatever else it contains), then for Latin-script text the share of words that are a language's
most common function words (``eventwatch/data/stopwords.tsv``). Function words make up a third or more of
running news prose in every language, so the ratio separates languages after a few dozen words.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

__all__ = ["detect_language", "MIN_WORDS", "load_stopwords"]

# Below this many words a headline or caption is too short to judge; it is kept as English rather than
# skipped on thin evidence (a wrongly skipped English report is worse than a foreign one parsed in vain).
MIN_WORDS = 20
# Enough text to decide; scanning whole long articles would only cost time.
_SAMPLE_CHARS = 4000
_WORD = re.compile(r"[^\W\d_]+")

# (first code point, last code point, script) for the non-Latin scripts news is commonly written in.
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0370, 0x03FF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0980, 0x09FF, "bengali"),
    (0x0B80, 0x0BFF, "tamil"),
    (0x0E00, 0x0E7F, "thai"),
    (0x10A0, 0x10FF, "georgian"),
    (0x1200, 0x137F, "ethiopic"),
    (0x3040, 0x30FF, "kana"),
    (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"),
    (0xAC00, 0xD7AF, "hangul"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
)
_SCRIPT_LANGUAGE = {
    "greek": "el", "cyrillic": "ru", "armenian": "hy", "hebrew": "he", "arabic": "ar",
    "devanagari": "hi", "bengali": "bn", "tamil": "ta", "thai": "th", "georgian": "ka",
    "ethiopic": "am", "kana": "ja", "han": "zh", "hangul": "ko",
}
# Letters that occur in one language of a shared script but not in its neighbour.
_PERSIAN_LETTERS = frozenset("پچژگ")
_UKRAINIAN_LETTERS = frozenset("іїєґ")


@lru_cache(maxsize=1)
def load_stopwords() -> dict[str, frozenset[str]]:
    """Language code -> its function words, read once from the packaged data file."""
    table: dict[str, frozenset[str]] = {}
    text = (resources.files("eventwatch") / "data" / "stopwords.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _, words = line.partition("\t")
        table[code.strip()] = frozenset(words.split())
    return table


def _script_of(char: str) -> str:
    point = ord(char)
    if point < 0x0250:  # Basic Latin through Latin Extended-B
        return "latin"
    if 0x1E00 <= point <= 0x1EFF:  # Latin Extended Additional (Vietnamese etc.)
        return "latin"
    for first, last, script in _SCRIPT_RANGES:
        if first <= point <= last:
            return script
    return "other"


def _dominant_script(sample: str) -> tuple[str, Counter[str]]:
    scripts: Counter[str] = Counter(_script_of(c) for c in sample if c.isalpha())
    if not scripts:
        return "none", scripts
    script, count = scripts.most_common(1)[0]
    if scripts["latin"] >= count:  # a tie goes to Latin: we would rather parse than skip
        script = "latin"
    return script, scripts


def _language_of_script(script: str, sample: str, scripts: Counter[str]) -> str:
    if script == "arabic" and any(c in _PERSIAN_LETTERS for c in sample):
        return "fa"
    if script == "cyrillic" and any(c in _UKRAINIAN_LETTERS for c in sample):
        return "uk"
    if script == "han" and scripts["kana"]:
        return "ja"
    return _SCRIPT_LANGUAGE.get(script, "und")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language; ``"en"`` for short texts; ``None`` when nothing tells.

    >>> detect_language("Gunmen killed five people in an attack on a market on Friday, police said.")
    'en'
    """
    sample = text[:_SAMPLE_CHARS]
    script, scripts = _dominant_script(sample)
    if script not in ("latin", "none"):
        return _language_of_script(script, sample, scripts)
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return "en"
    stopwords = load_stopwords()
    scores = {code: sum(1 for w in words if w in vocabulary) for code, vocabulary in stopwords.items()}
    best = max(scores, key=lambda code: (scores[code], code == "en"))
    # A long text with almost no function words is a table, a list of names or boilerplate: no verdict.
    if scores[best] < max(2, len(words) // 20):
        return None
    return best
