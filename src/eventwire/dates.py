"""Temporal resolution: find the time words of a sentence and turn them into dates of known precision.

News dates its events relative to the day it was written ("on Saturday", "last month"), so every
expression is resolved against the publication date, and an event is never dated after its article.
This module works on plain strings (no spaCy) so it is fast and testable; it runs on every sentence.

Choices, kept consistent throughout:
- Spans follow TimeML: a leading preposition ("on", "in", "since") is context, not part of the
  expression, so "met on Tuesday" yields "Tuesday". `resolve_expression` accepts it either way.
- A date's `start` is the first day of its period ("2025-10" starts on 2025-10-01), `end` only for ranges.
- A year-less month or day that would fall after publication is taken in the previous year; weekdays
  are the last such day on or before publication ("last Saturday" too; "on Monday" published on a
  Monday is that day). "last night" is the day before publication.
- Future expressions ("tomorrow", "next week", "in 2030") are clipped to the publication date at their
  own precision: an article reports what happened by the time it was written, and a planned event
  is dated by the article that announces it.
- Week-level expressions ("last week", "earlier this week") are MONTH precision: the month the week
  lies in, or a month range when it straddles two. Rolling windows ending at publication ("the past three
  days", "the last week") are DAY ranges, or MONTH / YEAR ranges for "the past month" / "the past year".
- Vague counts are one level coarser: "a few days ago" is a MONTH, "several months ago" a YEAR.
- Numeric dates: day-first with dots; with slashes US order unless only day-first is valid (or, in text,
  only day-first is on or before publication).
- Seasons are YEAR precision (northern hemisphere); a winter is named by the year of its December.
- Decades ("the 1990s") and vague spans ("in recent years") are left out: too vague to date an event.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from eventwire.records import EventDate, Precision

log = logging.getLogger(__name__)

__all__ = ["TemporalExpression", "find_temporal_expressions", "resolve_expression",
           "date_for_clause", "news_day", "parse_date_value"]


@dataclass(frozen=True)
class TemporalExpression:
    """A time expression found in a string: its character offsets and its words."""

    start: int
    end: int
    text: str


# --- vocabulary ----------------------------------------------------------------------------------

_MONTH_NUMBERS = {name: i for i, name in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
# Month names are case-sensitive so that "she may visit" and "a protest march" are not months.
_MONTH = (r"(?-i:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|Jul(?:y|\.)?"
          r"|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?!\w)")
# Full month names that are rarely anything else; the rest ("May", "March", "June") need a preposition.
_FULL_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"}
_PLAIN_MONTHS = {"January", "February", "July", "September", "October", "November", "December"}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Capitalised or all lower case ("Buhari wednesday joined"); "SUNDAY" in a headline is a name as often.
_WEEKDAY = r"(?-i:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)(?!\w)"
# Titles such as "the Sunday Times" are names, not days.
_NOT_A_DAY = (r"(?!\s+(?-i:Times|Telegraph|Express|Mirror|Post|Herald|Tribune|Mail|Star|Independent|Observer"
              r"|World|Sport|Journal|Age|Business|Night\s+Football|School|Service|Edition|Magazine|Agreement))")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\w)"
_YEAR_DIGITS = r"(?:1[89]\d\d|20\d\d)"
_YEAR = rf"{_YEAR_DIGITS}(?!\w|[.,]\d)"
_DASH = r"\s*[-\u2013\u2014]\s*"
_TOD = r"(?:\s+(?:morning|afternoon|evening|night)(?!\w))?"
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "a couple of": 2, "couple of": 2,
}
_NUMBER = (r"(?:\d{1,2}|(?:a\s+)?couple\s+of|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
           r"|twenty|thirty|eleven|twelve|one|two|three|four|five|six|seven|eight|nine|ten|an?)")
_VAGUE = r"(?:a\s+few|few|several|some)"
_MOD = r"(?:early|late|mid|(?:the\s+)?(?:beginning|start|middle|end|turn)\s+of)"
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_LEFT = r"(?<![\w/\-])(?<!\d[.,])"
_PREPOSITION = re.compile(r"(?:on|in|at|during|since|until|till|through|throughout|by|over|of|as\s+of"
                          r"|around|for)\s+", re.I)

# Which prepositions make a bare month, year or season a time expression.
# "by", "for" and "after" are left out: "voted for May", "written by June Carter".
_MONTH_CONTEXT = r"in|during|since|until|till|from|of|through|throughout"
_YEAR_CONTEXT = r"in|during|since|until|till|throughout"
_SEASON_CONTEXT = r"in|during|over|since|through|throughout|until|by"


def _month(name: str) -> int:
    return _MONTH_NUMBERS[name[:3].lower()]


def _number(word: str) -> int:
    word = " ".join(word.lower().split())
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _day(token: str) -> int:
    return int(re.match(r"\d+", token).group())


# --- building dates -----------------------------------------------------------------------------

def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _trunc(value: date, precision: Precision) -> date:
    if precision is Precision.YEAR:
        return date(value.year, 1, 1)
    if precision is Precision.MONTH:
        return value.replace(day=1)
    return value


def _event(start: date, precision: Precision, published: date | None, end: date | None = None) -> EventDate:
    """Truncate to the precision and clip to the publication date: an event is never after its article."""
    start = _trunc(start, precision)
    end = _trunc(end, precision) if end is not None else None
    if published is not None:
        cap = _trunc(published, precision)
        start = min(start, cap)
        end = min(end, cap) if end is not None else None
    if end is not None and end <= start:
        end = None
    return EventDate(start=start, precision=precision, end=end)


def _year_for(published: date, month: int, day: int | None = None) -> int:
    """The year of a year-less month or day: this year, or the last if that would lie in the future."""
    if (month, day or 1) > (published.month, published.day if day else 1):
        return published.year - 1
    return published.year


def _day_in(year: int, month: int, day: int) -> date | None:
    """A day, stepping back to the last leap year for a year-less 29 February."""
    for back in range(4):
        value = _safe(year - back, month, day)
        if value is not None:
            return value
    return None


def _shift_months(value: date, months: int) -> date:
    index = value.year * 12 + value.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _span(start: date, end: date, published: date | None) -> EventDate:
    """A calendar week, at MONTH precision: its month, or a MONTH range when it straddles two."""
    if published is not None:
        end = min(end, published)
    return _event(start, Precision.MONTH, published, end)


def _numeric(first: int, second: int, year: int, sep: str, published: date | None) -> date | None:
    """Numeric dates: day-first with dots, US order with slashes unless only the other order is valid
    (or, in running text, only the other order is on or before publication)."""
    day_first, month_first = _safe(year, second, first), _safe(year, first, second)
    if sep == ".":
        return day_first or month_first
    if day_first and month_first and published is not None:
        if month_first > published >= day_first:
            return day_first
    return month_first or day_first


# --- rules: one regex each, and how its match becomes a date -------------------------------------

Resolver = Callable[[re.Match, date | None], EventDate | None]


@dataclass(frozen=True)
class _Rule:
    name: str
    core: re.Pattern          # the expression alone, for resolve_expression (fullmatch)
    finder: re.Pattern        # the expression with its required context, for find (group "x")
    resolve: Resolver
    guard: Callable[[re.Match], bool]
    needs: tuple[str, ...]    # features of the text (see _features) without which the rule cannot match


def _always(_: re.Match) -> bool:
    return True


def _range_words_ok(m: re.Match) -> bool:
    """"and" joins a range only after "between"; "between" needs "and"."""
    between = (m.group("lead") or "").lower() == "between"
    conn = (m.group("conn") or "").lower()
    return between == (conn == "and")


def _abs_day(m: re.Match, published: date | None) -> EventDate | None:
    month, day = _month(m.group("m")), _day(m.group("d"))
    if m.group("y"):
        value = _safe(int(m.group("y")), month, day)
    elif published is not None:
        value = _day_in(_year_for(published, month, day), month, day)
    else:
        return None
    return _event(value, Precision.DAY, published) if value else None


def _iso(m: re.Match, published: date | None) -> EventDate | None:
    value = _safe(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    return _event(value, Precision.DAY, published) if value else None


def _numeric_rule(m: re.Match, published: date | None) -> EventDate | None:
    value = _numeric(int(m.group("a")), int(m.group("b")), int(m.group("y")), m.group("sep"), published)
    return _event(value, Precision.DAY, published) if value else None


def _month_year(m: re.Match, published: date | None) -> EventDate | None:
    return _event(date(int(m.group("y")), _month(m.group("m")), 1), Precision.MONTH, published)


def _month_only(m: re.Match, published: date | None) -> EventDate | None:
    if published is None:
        return None
    month, rel = _month(m.group("m")), (m.group("rel") or "").lower()
    year = _year_for(published, month)
    if rel in ("last", "past", "previous") and month == published.month:
        year = published.year - 1
    elif rel == "next":
        year = published.year if month > published.month else published.year + 1
    return _event(date(year, month, 1), Precision.MONTH, published)


def _month_guard(m: re.Match) -> bool:
    """A month without day or year is a time only in its full name ("Jan" is a name) and in context."""
    name = m.group("m")
    if name not in _FULL_MONTHS:
        return False
    return bool(m.group("prep") or m.group("rel") or m.group("mod") or name in _PLAIN_MONTHS)


def _year(m: re.Match, published: date | None) -> EventDate | None:
    return _event(date(int(m.group("y")), 1, 1), Precision.YEAR, published)


def _year_guard(m: re.Match) -> bool:
    return bool(m.group("prep") or m.group("mod"))


def _year_range(m: re.Match, published: date | None) -> EventDate | None:
    first, last = int(m.group("y")), m.group("y2")
    last = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    if not first < last <= first + 50:
        return None
    return _event(date(first, 1, 1), Precision.YEAR, published, date(last, 1, 1))


def _day_range(m: re.Match, published: date | None) -> EventDate | None:
    if not _range_words_ok(m):
        return None
    month = _month(m.group("m"))
    month2 = _month(m.group("m2")) if m.group("m2") else month
    day, day2 = _day(m.group("d")), _day(m.group("d2"))
    if m.group("y1"):
        start = _safe(int(m.group("y1")), month, day)
    elif m.group("y"):
        year = int(m.group("y"))
        start = _safe(year - (1 if month2 < month else 0), month, day)
    elif published is not None:
        start = _day_in(_year_for(published, month, day), month, day)
    else:
        return None
    if start is None:
        return None
    end = _safe(int(m.group("y")) if m.group("y1") and m.group("y") else start.year, month2, day2)
    if end is not None and end < start and not m.group("y1"):
        end = _safe(start.year + 1, month2, day2)
    if end is None or end <= start or (end - start).days > 62:
        return None
    return _event(start, Precision.DAY, published, end)


def _month_range(m: re.Match, published: date | None) -> EventDate | None:
    if not _range_words_ok(m) and (m.group("conn") or "").lower() != "and":
        return None   # "September and October" needs no "between"; "between" still needs "and"
    month, month2 = _month(m.group("m")), _month(m.group("m2"))
    if m.group("y"):
        year2 = int(m.group("y"))
        year = year2 - 1 if month2 < month else year2
    elif published is not None:
        year = _year_for(published, month)
        year2 = year + 1 if month2 < month else year
    else:
        return None
    if month == month2 and year == year2:
        return None
    return _event(date(year, month, 1), Precision.MONTH, published, date(year2, month2, 1))


def _weekday(m: re.Match, published: date | None) -> EventDate | None:
    if published is None:
        return None
    target = _WEEKDAYS.index(m.group("wd").lower())
    if (m.group("rel") or "").lower() == "next":
        value = published + timedelta(days=(target - published.weekday()) % 7 or 7)
    else:
        value = published - timedelta(days=(published.weekday() - target) % 7)
    return _event(value, Precision.DAY, published)


_RELATIVE_DAYS = {"today": 0, "tonight": 0, "overnight": 0, "yesterday": -1, "tomorrow": 1}


def _relative_day(m: re.Match, published: date | None) -> EventDate | None:
    if published is None:
        return None
    words = " ".join(m.group(0).lower().split())
    if "day before yesterday" in words:
        offset = -2
    elif "day after tomorrow" in words:
        offset = 2
    elif words.startswith("last"):
        offset = -1
    else:
        offset = next((v for k, v in _RELATIVE_DAYS.items() if k in words), 0)
    return _event(published + timedelta(days=offset), Precision.DAY, published)


def _ago(m: re.Match, published: date | None) -> EventDate | None:
    if published is None:
        return None
    unit = m.group("unit").lower().rstrip("s")
    if m.group("vague"):   # "a few days ago": one level coarser than the unit; vague years are too vague
        if unit in ("day", "week"):
            return _event(published - timedelta(days=3 if unit == "day" else 21), Precision.MONTH, published)
        if unit == "month":
            return _event(_shift_months(published, -3), Precision.YEAR, published)
        return None
    n = _number(m.group("n"))
    if unit == "day":
        return _event(published - timedelta(days=n), Precision.DAY, published)
    if unit == "week":
        return _event(published - timedelta(weeks=n), Precision.DAY, published)
    if unit == "month":
        return _event(_shift_months(published, -n), Precision.MONTH, published)
    years = n * (10 if unit == "decade" else 1)
    return _event(date(published.year - years, 1, 1), Precision.YEAR, published)


def _relative_period(m: re.Match, published: date | None) -> EventDate | None:
    if published is None:
        return None
    rel = " ".join((m.group("rel") or "").lower().split())
    unit = m.group("unit").lower()
    if rel in ("past", "the past", "the last") and unit != "weekend":   # rolling windows ending at publication
        if unit == "week":
            return _event(published - timedelta(days=6), Precision.DAY, published, published)
        if unit == "month":
            return _span(published - timedelta(days=30), published, published)
        return _event(published - timedelta(days=365), Precision.YEAR, published, published)
    rel = rel.removeprefix("the ")
    step = -1 if rel in ("last", "past", "previous") else 1 if rel in ("next", "coming") else 0
    if unit == "weekend":
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        if step < 0 and published.weekday() >= 5:
            saturday -= timedelta(weeks=1)
        elif step > 0:
            saturday += timedelta(weeks=1)
        return _event(saturday, Precision.DAY, published, saturday + timedelta(days=1))
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
        return _span(monday, monday + timedelta(days=6), published)
    if unit == "month":
        return _event(_shift_months(published, step), Precision.MONTH, published)
    return _event(date(published.year + step, 1, 1), Precision.YEAR, published)


def _past_days(m: re.Match, published: date | None) -> EventDate | None:
    if published is None:
        return None
    n = 3 if m.group("vague") else _number(m.group("n"))
    days = n * (7 if m.group("unit").lower().startswith("week") else 1)
    return _event(published - timedelta(days=days), Precision.DAY, published, published)


def _recent(m: re.Match, published: date | None) -> EventDate | None:
    return _event(published, Precision.MONTH, published) if published else None


def _season(m: re.Match, published: date | None) -> EventDate | None:
    season = m.group("season").lower()
    start = _SEASON_START[season]
    if m.group("y"):
        return _event(date(int(m.group("y")), 1, 1), Precision.YEAR, published)
    if published is None:
        return None
    rel = (m.group("rel") or "").lower()
    if rel == "next":
        year = published.year + 1
    elif rel in ("last", "past", "previous"):
        # the latest season that had ended by publication
        ended = _shift_months(date(published.year, start, 1), 3) <= published
        year = published.year if ended else published.year - 1
    elif rel == "this" and season != "winter":
        year = published.year
    else:
        # the latest season that had begun by publication
        year = published.year if published.month >= start else published.year - 1
    return _event(date(year, 1, 1), Precision.YEAR, published)


def _season_guard(m: re.Match) -> bool:
    if m.group("y") or m.group("rel"):
        return True
    if m.group("season").lower() == "fall" and m.string.startswith(" of", m.end()):
        return False   # "the fall of Kabul"
    return bool(m.group("prep"))


def _range_conn() -> str:
    return rf"(?:{_DASH}|\s+(?P<conn>to|through|until|till|and)\s+)"


_LEAD = r"(?:(?P<lead>from|between)\s+)?"
_WD_PREFIX = rf"(?:{_WEEKDAY},?\s+)?"

_RULES_SPEC: list[tuple[str, str, str | None, Resolver, Callable[[re.Match], bool]]] = [
    ("day_range_mdy",
     rf"{_LEAD}(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?{_range_conn()}"
     rf"(?:(?P<m2>{_MONTH})\s+)?(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?", None, _day_range, _range_words_ok),
    ("day_range_dmy",
     rf"{_LEAD}(?:the\s+)?(?P<d>{_DAY})(?:\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y1>{_YEAR}))?)?{_range_conn()}"
     rf"(?:the\s+)?(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?", None,
     lambda m, p: _day_range(_SwapMonths(m), p), _range_words_ok),
    ("month_range",
     rf"{_LEAD}(?P<m>{_MONTH}){_range_conn()}(?P<m2>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?", None, _month_range,
     _always),
    ("year_range",
     rf"{_LEAD}(?P<y>{_YEAR})(?:{_DASH}|\s+(?P<conn>to|and|through|until)\s+)(?P<y2>{_YEAR}|\d\d(?!\w))", None,
     _year_range, lambda m: _range_words_ok(m) and _year_range(m, None) is not None),
    ("date_mdy", rf"{_WD_PREFIX}(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?", None, _abs_day, _always),
    ("date_dmy", rf"{_WD_PREFIX}(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?", None,
     _abs_day, _always),
    ("iso", rf"(?P<y>{_YEAR_DIGITS})(?P<sep>[-/])(?P<mo>0?[1-9]|1[0-2])(?P=sep)(?P<d>0?[1-9]|[12]\d|3[01])(?!\d)",
     None, _iso, _always),
    ("numeric", rf"(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{_YEAR})", None, _numeric_rule,
     _always),
    ("month_year", rf"(?:{_MOD}(?:\s*-\s*|\s+))?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})", None, _month_year, _always),
    ("month", rf"(?:(?P<rel>last|this|next|past|previous)\s+)?(?:(?P<mod>{_MOD})(?:\s*-\s*|\s+))?(?P<m>{_MONTH})",
     _MONTH_CONTEXT, _month_only, _month_guard),
    ("year", rf"(?:(?P<mod>{_MOD})(?:\s*-\s*|\s+))?(?P<y>{_YEAR})", _YEAR_CONTEXT, _year, _year_guard),
    ("weekday", rf"(?:(?P<rel>last|this|past|previous|next|early|late|earlier|later)\s+(?:on\s+)?)?"
                rf"(?P<wd>{_WEEKDAY}){_NOT_A_DAY}(?!\s+(?:morning|afternoon|evening|night)s\b){_TOD}", None,
     _weekday, _always),
    ("relative_day", r"(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|(?:earlier|later|early)\s+today"
                     rf"|(?:yesterday|tomorrow){_TOD}|today|tonight|overnight|last\s+(?:night|evening)"
                     r"|this\s+(?:morning|afternoon|evening))(?!\w)", None, _relative_day, _always),
    ("ago",
     rf"(?:(?P<vague>{_VAGUE})|(?P<n>{_NUMBER}))\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago(?!\w)", None,
     _ago, lambda m: not (m.group("vague") and m.group("unit").lower().startswith(("year", "decade")))),
    ("past_days",
     rf"(?:the\s+)?(?:past|last)\s+(?:(?P<vague>{_VAGUE})|(?P<n>{_NUMBER}))\s+(?P<unit>days|weeks)(?!\w)", None,
     _past_days, _always),
    ("relative_period", r"(?P<rel>(?:earlier|later)\s+this|this|last|the\s+past|past|previous|the\s+previous"
                        r"|the\s+last|next|the\s+coming|(?:over|at|during)\s+the)\s+(?P<unit>week|month|year|weekend)"
                        r"(?!\w)", None, _relative_period,
     lambda m: m.group("unit").lower() == "weekend"
     or not m.group("rel").lower().startswith(("over", "at", "during"))),
    ("recent", r"(?:recently|lately|recent\s+(?:days|weeks))(?!\w)", r"in|over|during", _recent,
     lambda m: bool(m.group("prep")) or m.group("x").lower() in ("recently", "lately")),
    ("season", rf"(?:(?P<rel>last|this|next|past|previous)\s+|the\s+)?(?:(?:early|late|mid)(?:\s*-\s*|\s+))?"
               rf"(?P<season>spring|summer|autumn|fall|winter)(?:,?\s+(?:of\s+)?(?P<y>{_YEAR}))?(?!\w)",
     _SEASON_CONTEXT, _season, _season_guard),
]


class _SwapMonths:
    """A match view for "3-5 March" / "30 October - 2 November": the months' roles are swapped there,
    the named month after the second day being the end's month and the optional one the start's."""

    def __init__(self, m: re.Match) -> None:
        self._m = m

    def group(self, name: str) -> str | None:
        if name == "m":
            return self._m.group("m2") or self._m.group("m")
        if name == "m2":
            return self._m.group("m")
        return self._m.group(name)


# What a rule needs in a text before it is worth running: most sentences have no time words at all,
# and plain substring tests are far cheaper than the rules' regexes.
_NEEDS = {
    "day_range_mdy": ("month", "digit"), "day_range_dmy": ("month", "digit"), "month_range": ("month",),
    "year_range": ("year",), "date_mdy": ("month", "digit"), "date_dmy": ("month", "digit"), "iso": ("year",),
    "numeric": ("year",), "month_year": ("month", "year"), "month": ("month",), "year": ("year",),
    "weekday": ("weekday",), "relative_day": ("relday",), "ago": ("ago",), "past_days": ("pastlast",),
    "relative_period": ("period",), "recent": ("recent",), "season": ("season",),
}
_MONTH_HINT = re.compile(_MONTH)
_WEEKDAY_HINT = re.compile(r"(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day")
_YEAR_HINT = re.compile(r"(?:1[89]|20)\d\d")
_DIGIT = re.compile(r"\d")
_WORD_HINTS = {
    "ago": ("ago",), "period": ("week", "month", "year"), "pastlast": ("past", "last"),
    "relday": ("today", "tonight", "overnight", "yesterday", "tomorrow", "night", "evening", "morning",
               "afternoon"),
    "recent": ("recent", "lately"), "season": ("spring", "summer", "autumn", "fall", "winter"),
}


def _features(text: str) -> set[str]:
    low = text.lower()
    found = {name for name, words in _WORD_HINTS.items() if any(word in low for word in words)}
    for name, hint in (("month", _MONTH_HINT), ("weekday", _WEEKDAY_HINT), ("year", _YEAR_HINT),
                       ("digit", _DIGIT)):
        if hint.search(text):
            found.add(name)
    return found


def _compile(name: str, core: str, context: str | None, resolve: Resolver, guard) -> _Rule:
    flags = re.IGNORECASE
    prep = rf"(?:(?<![\w\-])(?P<prep>{context})\s+)?" if context else r"(?P<prep>)"
    return _Rule(name, re.compile(core, flags), re.compile(rf"{prep}{_LEFT}(?P<x>{core})", flags), resolve, guard,
                 _NEEDS[name])


_RULES = [_compile(*spec) for spec in _RULES_SPEC]


# --- public API ----------------------------------------------------------------------------------

def find_temporal_expressions(text: str) -> list[TemporalExpression]:
    """Every temporal expression in text, longest match, left to right, non-overlapping."""
    features = _features(text) if text else set()
    candidates: list[tuple[int, int]] = []
    for rule in _RULES:
        if not features.issuperset(rule.needs):
            continue
        m = rule.finder.search(text)
        while m is not None:
            if rule.guard(m):
                candidates.append(m.span("x"))
                m = rule.finder.search(text, m.end())
            else:   # a rejected match must not hide one that starts inside it
                m = rule.finder.search(text, m.start() + 1)
    candidates.sort(key=lambda span: (span[0], span[0] - span[1]))
    found: list[TemporalExpression] = []
    last_end = 0
    for start, end in candidates:
        if start >= last_end:
            found.append(TemporalExpression(start, end, text[start:end]))
            last_end = end
    return found


def _resolve(text: str, published: date | None) -> EventDate | None:
    words = text.strip()
    for candidate in (words, _PREPOSITION.sub("", words, count=1) if _PREPOSITION.match(words) else None):
        if not candidate:
            continue
        for rule in _RULES:
            m = rule.core.fullmatch(candidate)
            if m is None:
                continue
            result = rule.resolve(m, published)
            if result is not None:
                return replace(result, text=words)
    return None


def resolve_expression(text: str, published: date) -> EventDate | None:
    """One expression (as found above) resolved against the publication date; None if not a time."""
    return _resolve(text, published)


def date_for_clause(text: str, clause: tuple[int, int], anchor: int, published: date | None,
                    elsewhere: list[tuple[int, int]] = ()) -> EventDate | None:
    """The date of the event whose clause is text[clause[0]:clause[1]] and whose trigger starts at `anchor`.

    The resolved expression in the clause nearest the trigger wins (on a tie, the one after it, as in
    "met on Tuesday"), leaving out those within the `elsewhere` spans (clauses that describe something
    else: "the memorandum signed on Monday"); a clause without one takes the article's month, the
    scoring rule's default.
    """
    lo, hi = max(0, clause[0]), min(len(text), clause[1])
    best: tuple[tuple[int, int], EventDate] | None = None
    for expr in find_temporal_expressions(text[lo:hi]):
        start, end = expr.start + lo, expr.end + lo
        if any(a <= start < b for a, b in elsewhere):
            continue
        resolved = _resolve(expr.text, published)
        if resolved is None:
            continue
        if start <= anchor < end:
            key = (0, 0)
        elif end <= anchor:
            key = (anchor - end, 1)
        else:
            key = (start - anchor, 0)
        if best is None or key < best[0]:
            best = (key, resolved)
    if best is not None:
        return best[1]
    if published is None:
        return None
    return EventDate(start=published.replace(day=1), precision=Precision.MONTH)


def news_day(opening: str, published: date | None) -> date | None:
    """The day an article's opening says its news happened ("..., WAM said on Saturday", "officers
    who arrived on Saturday"): the first expression of the opening that resolves to one day in the
    week before publication, a day it names before one it points at ("overnight ..., officials said
    on Wednesday": Wednesday)."""
    if published is None:
        return None
    found = find_temporal_expressions(opening)
    # a day named ("on Wednesday") before the words that point at the day of writing ("overnight", "today")
    for expr in [e for e in found if not _DEICTIC.search(e.text)] + [e for e in found if _DEICTIC.search(e.text)]:
        resolved = _resolve(expr.text, published)
        if resolved is not None and resolved.precision is Precision.DAY and resolved.end is None \
                and timedelta(0) <= published - resolved.start <= timedelta(days=7):
            return resolved.start
    return None


_DEICTIC = re.compile(r"\b(?:today|tonight|overnight|this\s+(?:morning|afternoon|evening))\b", re.I)


_STAMP_LABEL = re.compile(r"^(?:published|updated|posted|last\s+updated|date)(?:\s+on)?\s*:?\s*", re.I)
_ISO_VALUE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d{1,2}:\d{2})")
_NUMERIC_VALUE = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})")
_TRAILING_TIME = re.compile(r"(?:,?\s+(?:at\s+)?)\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?"
                            r"(?:\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}|Z))?\s*$", re.I)
_TEXT_VALUE = [rule for rule in _RULES if rule.name in ("date_mdy", "date_dmy")]


def parse_date_value(value: str) -> date | None:
    """A date given as metadata or a page stamp: ISO, "13.10.25", "13.10.2025", "10/13/2025",
    "Oct 13, 2025", "13 October 2025", "Monday, October 13, 2025". None when it is not a date."""
    if not isinstance(value, str):
        return None
    s = _STAMP_LABEL.sub("", value.strip())
    m = _ISO_VALUE.match(s)
    if m:
        return _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    s = _TRAILING_TIME.sub("", s).strip()
    m = _NUMERIC_VALUE.fullmatch(s)
    if m:
        year = int(m.group(4))
        if year < 100:
            year += 2000 if year < 70 else 1900
        sep = "." if m.group(2) == "." else "/"
        return _numeric(int(m.group(1)), int(m.group(3)), year, sep, None)
    for rule in _TEXT_VALUE:
        m = rule.core.fullmatch(s)
        if m and m.group("y"):
            return _safe(int(m.group("y")), _month(m.group("m")), _day(m.group("d")))
    try:
        return datetime.fromisoformat(s).date()
    except ValueError:
        return None
