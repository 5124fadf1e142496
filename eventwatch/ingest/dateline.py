"""Publication date from the top of a wire story, when nothing better is known.

Agency copy opens with a dateline ("BEIRUT, Jan. 6, 2012 (Reuters) -") and web copy often carries a
byline date above the lead. Only a full date with a year is trusted: "Jan. 6" alone could be any year,
and guessing one would plant a silent error in every relative date resolved against it.
"""
from __future__ import annotations

import datetime as dt
import re

__all__ = ["dateline_date", "parse_iso_date", "DATELINE_CHARS"]

# Datelines and bylines sit above or at the start of the lead; dates further down are event dates.
DATELINE_CHARS = 200

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # Jan. 6, 2012
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # 6 January 2012
    re.compile(rf"\b{_YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),  # 2012-01-06
)
_ISO_PREFIX = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})")


def _to_date(year: str, month: str, day: str) -> dt.date | None:
    number = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:  # "Feb. 30" or an OCR slip: no date rather than a wrong one
        return None


def dateline_date(text: str, *, window: int = DATELINE_CHARS) -> dt.date | None:
    """The earliest complete date (with year) in the first ``window`` characters, else ``None``.

    >>> dateline_date("BEIRUT, Jan. 6, 2012 (Reuters) - Syrian forces ...")
    datetime.date(2012, 1, 6)
    >>> dateline_date("BEIRUT, Jan. 6 (Reuters) - Syrian forces ...") is None
    True
    """
    head = text[:window]
    found: list[tuple[int, dt.date]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(head):
            date = _to_date(match["year"], match["month"], match["day"])
            if date is not None:
                found.append((match.start(), date))
    return min(found)[1] if found else None


def parse_iso_date(value: object) -> dt.date | None:
    """A ``YYYY-MM-DD`` date (a longer ISO timestamp is cut to its date); anything else is ``None``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    match = _ISO_PREFIX.match(value)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
