"""Dates of events, resolved against the publication date.

* weekdays ("on Friday", "Friday's blast") are the most recent such day on or before publication;
* "today", "this morning", "tonight" = publication day; "yesterday", "last night" = the day before;
* "N days ago"; "last week", "earlier this week" (week precision); "last month", "earlier this month" (month);
* explicit dates with or without year ("Jan. 6", "6 January 2012", "December 2016" -> month precision,
  "in 2016" -> year precision); a month-day without a year takes the publication year, or the year before
  when that would fall after publication;
* "overnight Thursday to Friday" (or "into", "and") is one mention dated the first day, when the night began;
* "on the same day" refers back to the date of the previous event (the assembler resolves it);
* "on Saturday, a day after the bombing" (or "two days after the attack") dates the incident it names, the
  given number of days before the day named;
* a deadline ("in custody till March 22", "until Friday") is not the date of an event and gives no mention, and
  a year-less date a few weeks after publication is a date ahead, not the same day of the year before.
No resolved date is ever after publication.

Without a publication date nothing relative is guessed from the clock. The article's own full dates
(:func:`reference_dates`: "Sunday, Oct. 25, 2015", "12 July 2012") are the only anchor: a day and month
without a year takes the year of the latest of them, and a weekday is the anchor of that weekday or the
first such day after the latest anchor (an undated report names the recent days it describes by weekday).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..nlp import Gated, quick_reject
from ..records import Span

__all__ = ["DateMention", "find_dates", "reference_dates", "SAME_DAY"]

SAME_DAY = "same_day"

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "an": 1}


@dataclass(frozen=True)
class DateMention:
    span: Span
    date: dt.date | None  # None for SAME_DAY (resolved by the assembler)
    precision: str  # day | week | month | year | same_day
    relative: bool = True  # relative expressions are about recent events; absolute ones may be background


_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
# full month names only: "may", "mar" and "jun" are also ordinary words
_FULL_MONTH_RE = "|".join(name for name in sorted(_MONTHS, key=len, reverse=True) if len(name) > 4 or name in ("june", "july"))
_WEEKDAY_RE = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("overnight", re.compile(rf"\bovernight (?:from )?(?P<w1>{_WEEKDAY_RE}) (?:to|into|and|-) (?P<w>{_WEEKDAY_RE})\b",
                             re.IGNORECASE)),
    ("same_day", re.compile(r"\b(?:on )?the same day\b|\bthe same night\b", re.IGNORECASE)),
    ("mdy", re.compile(rf"\b(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b", re.IGNORECASE)),
    ("dmy", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH_RE})\.?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b", re.IGNORECASE)),
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    ("my", re.compile(rf"\b(?:in|since|during|last|early|late|mid-?)?\s*(?P<m>{_MONTH_RE})\.?,?\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)),
    ("year", re.compile(r"\b(?:in|since|during)\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)),
    # "in October", "in October this year", "last March": a month without a year, read against publication
    ("month", re.compile(rf"\b(?:in|since|during|last|early|late|mid-?|by|from|of)\s+(?:early\s+|late\s+|mid-?)?"
                         rf"(?P<m>{_FULL_MONTH_RE})\b(?:\s+(?P<rel>this|last|next)\s+year)?", re.IGNORECASE)),
    ("weekday", re.compile(r"\b(?:(?:on|late|early|last)\s+)?(?P<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b(?:'s)?", re.IGNORECASE)),
    ("today", re.compile(r"\b(?:today|this (?:morning|afternoon|evening)|tonight|earlier today)\b", re.IGNORECASE)),
    ("yesterday", re.compile(r"\b(?:yesterday|last night)\b", re.IGNORECASE)),
    ("ago", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|a|an)\s+(?P<u>days?|weeks?|months?|years?)\s+(?:ago|earlier)\b", re.IGNORECASE)),
    ("last_week", re.compile(r"\b(?:last week|earlier this week|this week|past week)\b", re.IGNORECASE)),
    ("last_month", re.compile(r"\b(?:last month|earlier this month|this month)\b", re.IGNORECASE)),
]
# Each is asked about every sentence, and most sentences name no date: a pattern runs only over a sentence
# holding one of the literal words its matches need.
_GATED = [(kind, Gated(quick_reject(regex))) for kind, regex in _PATTERNS]


_PATTERN_BY_KIND = dict(_GATED)
# "remanded in custody till March 22", "curfew extended up to Friday": a deadline, not the day of an event
_DEADLINE_BEFORE = re.compile(r"\b(?:till|until|untill|upto|up to|extended to|adjourned to|postponed to|deferred to)\s+$",
                              re.IGNORECASE)
# a year-less date this close after publication is a date ahead ("the hearing on March 22"), not last year's
_AHEAD_DAYS = 92
# "on Saturday, a day after the bombing": the day named is the report's; the incident was N days before it
_DAYS_AFTER = re.compile(
    r",?\s+(?:just\s+|only\s+)?(?:(?P<n>a|an|one|two|three|four|five|six|\d)\s+days?|the\s+day)\s+after\s+"
    r"(?:the|a|an|its|their|that|this)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attacks?|bombings?|blasts?|explosions?|raids?|strikes?|airstrikes?|shootings?|killings?|massacre|clash(?:es)?"
    r"|ambush|assault|fighting|shelling|violence|incident|riots?|protests?)\b",
    re.IGNORECASE,
)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve(kind: str, match: re.Match[str], published: dt.date) -> tuple[dt.date | None, str, bool] | None:
    text = match.group(0).lower()
    if kind == "same_day":
        return None, "same_day", True
    if kind in ("mdy", "dmy", "iso"):
        month_text = match.group("m").lower()
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.rstrip(".")]
        day = int(match.group("d"))
        year_text = match.group("y")
        year = int(year_text) if year_text else published.year
        date = _safe_date(year, month, day)
        if date is None:
            return None
        if not year_text and date > published:
            if (date - published).days <= _AHEAD_DAYS:
                return None
            date = _safe_date(year - 1, month, day)
        if date is None or date > published:
            return None
        return date, "day", not bool(year_text)
    if kind == "my":
        date = _safe_date(int(match.group("y")), _MONTHS[match.group("m").lower().rstrip(".")], 1)
        if date is None or date > published:
            return None
        return date, "month", False
    if kind == "month":
        month = _MONTHS[match.group("m").lower()]
        rel = (match.group("rel") or "").lower()
        last = rel == "last" or match.group(0).lower().startswith("last") and month >= published.month
        year = published.year - 1 if last or (not rel and month > published.month) else published.year
        date = _safe_date(year, month, 1)
        if date is None or date > published:
            return None
        return date, "month", False
    if kind == "year":
        year = int(match.group("y"))
        if year > published.year:
            return None
        return dt.date(year, 1, 1), "year", False
    if kind == "overnight":
        first, second = _WEEKDAYS.index(match.group("w1").lower()), _WEEKDAYS.index(match.group("w").lower())
        if (first + 1) % 7 != second:
            return None
        end = published - dt.timedelta(days=(published.weekday() - second) % 7)
        return end - dt.timedelta(days=1), "day", True
    if kind == "weekday":
        target = _WEEKDAYS.index(match.group("w").lower())
        back = (published.weekday() - target) % 7
        if text.startswith("last ") and back == 0:
            back = 7
        return published - dt.timedelta(days=back), "day", True
    if kind == "today":
        return published, "day", True
    if kind == "yesterday":
        return published - dt.timedelta(days=1), "day", True
    if kind == "ago":
        n_text = match.group("n").lower()
        n = int(n_text) if n_text.isdigit() else _NUMBERS.get(n_text, 1)
        unit = match.group("u").lower().rstrip("s")
        if unit == "day":
            return published - dt.timedelta(days=n), "day", True
        if unit == "week":
            return published - dt.timedelta(days=7 * n), "week", True
        if unit == "month":
            return published - dt.timedelta(days=30 * n), "month", True
        return published - dt.timedelta(days=365 * n), "year", False
    if kind == "last_week":
        if text.startswith("last"):
            return published - dt.timedelta(days=7), "week", True
        return published, "week", True
    if kind == "last_month":
        if text.startswith("last"):
            first = published.replace(day=1) - dt.timedelta(days=1)
            return first.replace(day=1), "month", True
        return published, "month", True
    return None


def find_dates(text: str, *, published: dt.date | None, offset: int = 0,
               anchors: Sequence[dt.date] = ()) -> list[DateMention]:
    """Date expressions in ``text`` resolved against ``published``; spans shifted by ``offset``.

    ``anchors`` (the article's :func:`reference_dates`) are used only when ``published`` is None.
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, regex in _GATED:
        for match in regex.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            if _DEADLINE_BEFORE.search(text, max(0, match.start() - 20), match.start()):
                taken.append((match.start(), match.end()))
                continue
            if kind == "same_day":
                resolved: tuple[dt.date | None, str, bool] | None = (None, SAME_DAY, True)
            elif published is None:
                resolved = _resolve_absolute(kind, match) or _resolve_anchored(kind, match, anchors)
            else:
                resolved = _resolve(kind, match, published)
            if resolved is None:
                continue
            date, precision, relative = resolved
            end = match.end()
            after = _DAYS_AFTER.match(text, end) if date and precision == "day" else None
            if after and date:
                n_text = (after.group("n") or "1").lower()
                date = date - dt.timedelta(days=int(n_text) if n_text.isdigit() else _NUMBERS.get(n_text, 1))
                end = after.end()  # the phrase as a whole dates the incident it names
            taken.append((match.start(), end))
            found.append(DateMention(Span(match.start() + offset, end + offset), date, precision, relative))
    found.sort(key=lambda m: m.span.start)
    return found


def _resolve_absolute(kind: str, match: re.Match[str]) -> tuple[dt.date | None, str, bool] | None:
    """Without a publication date only dates that carry their own year can be resolved."""
    if kind in ("mdy", "dmy", "iso", "my", "year") and match.groupdict().get("y"):
        far_future = dt.date(9999, 12, 31)
        return _resolve(kind, match, far_future)
    return None


def reference_dates(text: str) -> list[dt.date]:
    """The full calendar dates an article writes out (day, month and year), in text order."""
    found = []
    for kind in ("mdy", "dmy", "iso"):
        for match in _PATTERN_BY_KIND[kind].finditer(text):
            if match.group("y"):
                resolved = _resolve_absolute(kind, match)
                if resolved and resolved[0]:
                    found.append((match.start(), resolved[0]))
    return [date for _, date in sorted(found)]


def _resolve_anchored(kind: str, match: re.Match[str],
                      anchors: Sequence[dt.date]) -> tuple[dt.date | None, str, bool] | None:
    """An undated article's weekdays and year-less dates, read against its own full dates."""
    if not anchors:
        return None
    latest = max(anchors)
    if kind in ("mdy", "dmy"):
        month = _MONTHS[match.group("m").lower().rstrip(".")]
        date = _safe_date(latest.year, month, int(match.group("d")))
        if date is not None and date > latest + dt.timedelta(days=31):
            date = _safe_date(latest.year - 1, month, int(match.group("d")))
        return (date, "day", True) if date else None
    if kind == "weekday":
        target = _WEEKDAYS.index(match.group("w").lower())
        same = [a for a in anchors if a.weekday() == target]
        if same:
            return max(same), "day", True
        return latest + dt.timedelta(days=(target - latest.weekday()) % 7), "day", True
    return None
