"""Temporal resolution: expressions resolved against a publication date, with explicit precision.

Expected values are written as the contract prints them ("2025-10-13", "2025-10", "2025"), so each row
states the precision too. Publication dates used below (weekday in the name):
MON 2025-10-13, SAT 2025-11-01, SUN 2025-01-05, FRI_LEAP 2024-03-01, WED 2025-06-18, NYE_SUN 2023-12-31.
"""
from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

try:
    import eventwire  # noqa: F401
except ImportError:   # running from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).parents[1] / "src"))

from eventwire.dates import (TemporalExpression, date_for_clause, find_temporal_expressions,  # noqa: E402
                             news_day, parse_date_value, resolve_expression)
from eventwire.records import EventDate, Precision  # noqa: E402

MON = date(2025, 10, 13)
SAT = date(2025, 11, 1)
SUN = date(2025, 1, 5)
FRI_LEAP = date(2024, 3, 1)
WED = date(2025, 6, 18)
NYE_SUN = date(2023, 12, 31)

PRECISION_BY_LENGTH = {10: Precision.DAY, 7: Precision.MONTH, 4: Precision.YEAR}

CASES = [
    # --- absolute days, months and years
    ("October 13, 2025", MON, "2025-10-13", None),
    ("13 October 2025", MON, "2025-10-13", None),
    ("Oct. 13", MON, "2025-10-13", None),
    ("on 13 October", MON, "2025-10-13", None),
    ("2025-10-13", MON, "2025-10-13", None),
    ("13/10/2025", MON, "2025-10-13", None),
    ("October 2025", MON, "2025-10", None),
    ("in 2022", MON, "2022", None),
    ("in September", MON, "2025-09", None),
    ("mid-September", MON, "2025-09", None),
    ("late 2021", MON, "2021", None),
    ("early March", MON, "2025-03", None),
    ("Oct. 3", MON, "2025-10-03", None),
    ("on Oct. 3", MON, "2025-10-03", None),
    ("October 14", MON, "2024-10-14", None),          # would be after publication: the year before
    ("December 25", MON, "2024-12-25", None),
    ("in November", MON, "2024-11", None),
    ("in October", MON, "2025-10", None),
    ("Monday, October 13, 2025", MON, "2025-10-13", None),
    ("October 13th, 2025", MON, "2025-10-13", None),
    ("the 13th of October", MON, "2025-10-13", None),
    ("13th October", MON, "2025-10-13", None),
    ("Sept. 30", MON, "2025-09-30", None),
    ("Jan 5", SUN, "2025-01-05", None),
    ("Jan 6", SUN, "2024-01-06", None),
    ("February 29", FRI_LEAP, "2024-02-29", None),
    ("February 29", MON, "2024-02-29", None),          # the last 29 February
    ("2024/03/01", FRI_LEAP, "2024-03-01", None),
    ("10/13/2025", MON, "2025-10-13", None),
    ("13.10.2025", MON, "2025-10-13", None),
    ("03/04/2025", MON, "2025-03-04", None),           # ambiguous with slashes: US order
    ("12/10/2025", MON, "2025-10-12", None),           # US order would be after publication
    ("the end of September", MON, "2025-09", None),
    ("in early 2021", MON, "2021", None),
    ("mid-2021", MON, "2021", None),
    ("since 2019", MON, "2019", None),
    ("in May", MON, "2025-05", None),
    ("in May 2024", MON, "2024-05", None),
    ("September 2019", MON, "2019-09", None),
    ("Oct. 2024", MON, "2024-10", None),
    ("early October 2024", MON, "2024-10", None),
    ("the beginning of March", MON, "2025-03", None),
    ("during 1998", MON, "1998", None),
    ("in 2030", MON, "2025", None),                    # future: clipped to publication
    ("November 2025", MON, "2025-10", None),
    ("December 31, 2025", MON, "2025-10-13", None),
    ("5 June", WED, "2025-06-05", None),
    ("June 19", WED, "2024-06-19", None),
    ("in June", WED, "2025-06", None),
    ("in July", WED, "2024-07", None),
    ("late December", NYE_SUN, "2023-12", None),
    ("December 31", NYE_SUN, "2023-12-31", None),
    ("January 1", NYE_SUN, "2023-01-01", None),
    ("1 January 2024", NYE_SUN, "2023-12-31", None),
    ("Aug. 1, 1990", MON, "1990-08-01", None),
    ("the 1st of May 2020", MON, "2020-05-01", None),
    # --- ranges
    ("October 6-9", MON, "2025-10-06", "2025-10-09"),
    ("October 6\u20139", MON, "2025-10-06", "2025-10-09"),
    ("between March 3 and 5", MON, "2025-03-03", "2025-03-05"),
    ("from 3 to 5 March", MON, "2025-03-03", "2025-03-05"),
    ("October 30 - November 2", MON, "2024-10-30", "2024-11-02"),
    ("October 30 - November 2", SAT, "2025-10-30", "2025-11-01"),
    ("2020-2022", MON, "2020", "2022"),
    ("September and October", MON, "2025-09", "2025-10"),
    ("from 2015 to 2018", MON, "2015", "2018"),
    ("between 2010 and 2012", MON, "2010", "2012"),
    ("2019\u201321", MON, "2019", "2021"),
    ("October 6-9, 2024", MON, "2024-10-06", "2024-10-09"),
    ("6-9 October", MON, "2025-10-06", "2025-10-09"),
    ("30 October - 2 November 2024", MON, "2024-10-30", "2024-11-02"),
    ("December 28 - January 3", SUN, "2024-12-28", "2025-01-03"),
    ("from October 1 to 10", MON, "2025-10-01", "2025-10-10"),
    ("October 10 to 20", MON, "2025-10-10", "2025-10-13"),
    ("September to November 2024", MON, "2024-09", "2024-11"),
    ("from June to August", MON, "2025-06", "2025-08"),
    ("between September and October", MON, "2025-09", "2025-10"),
    ("November-December", MON, "2024-11", "2024-12"),
    ("December to February", SUN, "2024-12", "2025-01"),
    ("October 6-9", date(2025, 10, 8), "2025-10-06", "2025-10-08"),
    ("December 30, 2024 - January 2, 2025", MON, "2024-12-30", "2025-01-02"),
    # --- weekdays
    ("on Saturday", MON, "2025-10-11", None),
    ("Saturday", MON, "2025-10-11", None),
    ("last Saturday", MON, "2025-10-11", None),
    ("on Monday", MON, "2025-10-13", None),
    ("Sunday", MON, "2025-10-12", None),
    ("Tuesday", MON, "2025-10-07", None),
    ("Saturday evening", MON, "2025-10-11", None),
    ("Friday night", MON, "2025-10-10", None),
    ("Sunday morning", MON, "2025-10-12", None),
    ("late Saturday", MON, "2025-10-11", None),
    ("early on Sunday", MON, "2025-10-12", None),
    ("last Saturday", SAT, "2025-11-01", None),
    ("Friday", SAT, "2025-10-31", None),
    ("Wednesday", WED, "2025-06-18", None),
    ("Thursday", WED, "2025-06-12", None),
    ("next Tuesday", MON, "2025-10-13", None),
    ("Saturday afternoon", SUN, "2025-01-04", None),
    ("Monday", SUN, "2024-12-30", None),
    ("this Friday", FRI_LEAP, "2024-03-01", None),
    ("Thursday", FRI_LEAP, "2024-02-29", None),
    # --- relative days
    ("today", MON, "2025-10-13", None),
    ("yesterday", MON, "2025-10-12", None),
    ("the day before yesterday", MON, "2025-10-11", None),
    ("tonight", MON, "2025-10-13", None),
    ("last night", MON, "2025-10-12", None),
    ("overnight", MON, "2025-10-13", None),
    ("tomorrow", MON, "2025-10-13", None),
    ("yesterday", FRI_LEAP, "2024-02-29", None),
    ("Yesterday", date(2025, 1, 1), "2024-12-31", None),
    ("this morning", MON, "2025-10-13", None),
    ("yesterday afternoon", MON, "2025-10-12", None),
    ("earlier today", MON, "2025-10-13", None),
    ("the day after tomorrow", MON, "2025-10-13", None),
    # --- days, weeks, months, years ago
    ("three days ago", MON, "2025-10-10", None),
    ("a week ago", MON, "2025-10-06", None),
    ("two weeks ago", MON, "2025-09-29", None),
    ("twelve days ago", MON, "2025-10-01", None),
    ("eleven days ago", MON, "2025-10-02", None),
    ("ten days ago", MON, "2025-10-03", None),
    ("nine days ago", MON, "2025-10-04", None),
    ("eight days ago", MON, "2025-10-05", None),
    ("seven days ago", MON, "2025-10-06", None),
    ("six days ago", MON, "2025-10-07", None),
    ("five days ago", MON, "2025-10-08", None),
    ("four days ago", MON, "2025-10-09", None),
    ("two days ago", MON, "2025-10-11", None),
    ("one day ago", MON, "2025-10-12", None),
    ("20 days ago", MON, "2025-09-23", None),
    ("a couple of days ago", MON, "2025-10-11", None),
    ("a few days ago", MON, "2025-10", None),
    ("a few days ago", date(2025, 10, 2), "2025-09", None),
    ("three weeks ago", MON, "2025-09-22", None),
    ("a month ago", MON, "2025-09", None),
    ("two months ago", MON, "2025-08", None),
    ("three months ago", SUN, "2024-10", None),
    ("a year ago", MON, "2024", None),
    ("two years ago", MON, "2023", None),
    ("a decade ago", MON, "2015", None),
    ("a few weeks ago", MON, "2025-09", None),
    ("several months ago", MON, "2025", None),
    # --- weeks and weekends (week level: MONTH, or a MONTH range across a month boundary)
    ("last week", MON, "2025-10", None),
    ("this week", MON, "2025-10", None),
    ("earlier this week", MON, "2025-10", None),
    ("last week", date(2025, 10, 6), "2025-09", "2025-10"),
    ("this week", date(2025, 10, 2), "2025-09", "2025-10"),
    ("next week", MON, "2025-10", None),
    ("last week", SUN, "2024-12", None),
    ("this week", SUN, "2024-12", "2025-01"),
    ("the past week", MON, "2025-10-07", "2025-10-13"),
    ("the past three days", MON, "2025-10-10", "2025-10-13"),
    ("the past two weeks", MON, "2025-09-29", "2025-10-13"),
    ("the last few days", MON, "2025-10-10", "2025-10-13"),
    ("over the weekend", MON, "2025-10-11", "2025-10-12"),
    ("last weekend", MON, "2025-10-11", "2025-10-12"),
    ("this weekend", SAT, "2025-11-01", None),
    ("last weekend", SAT, "2025-10-25", "2025-10-26"),
    ("at the weekend", SUN, "2025-01-04", "2025-01-05"),
    # --- months and years relative to publication
    ("last month", MON, "2025-09", None),
    ("this month", MON, "2025-10", None),
    ("earlier this month", MON, "2025-10", None),
    ("last month", SUN, "2024-12", None),
    ("next month", MON, "2025-10", None),
    ("last year", MON, "2024", None),
    ("this year", MON, "2025", None),
    ("earlier this year", MON, "2025", None),
    ("next year", MON, "2025", None),
    ("last year", SUN, "2024", None),
    ("the previous year", MON, "2024", None),
    ("last November", MON, "2024-11", None),
    ("last November", date(2025, 12, 2), "2025-11", None),
    ("last November", date(2025, 11, 20), "2024-11", None),
    ("last October", MON, "2024-10", None),
    ("last September", MON, "2025-09", None),
    ("this November", MON, "2024-11", None),
    ("recently", MON, "2025-10", None),
    ("lately", SUN, "2025-01", None),
    ("in recent days", MON, "2025-10", None),
    ("the past month", MON, "2025-09", "2025-10"),
    ("the past year", MON, "2024", "2025"),
    ("the last year", MON, "2024", "2025"),           # with "the": a rolling window, not the calendar year
    ("the last week", MON, "2025-10-07", "2025-10-13"),
    # --- seasons (YEAR precision; a winter is named by the year of its December)
    ("last summer", MON, "2025", None),
    ("last summer", date(2025, 7, 15), "2024", None),
    ("in the spring", MON, "2025", None),
    ("in the spring", date(2025, 2, 1), "2024", None),
    ("in spring 2024", MON, "2024", None),
    ("winter of 2022", MON, "2022", None),
    ("the summer of 2019", MON, "2019", None),
    ("last winter", MON, "2024", None),
    ("this winter", SUN, "2024", None),
    ("last fall", MON, "2024", None),
    ("this autumn", MON, "2025", None),
    ("autumn 2023", MON, "2023", None),
    ("next summer", MON, "2025", None),
    ("in early summer", MON, "2025", None),
]


def _check(result: EventDate | None, expr: str, start: str, end: str | None) -> None:
    assert result is not None, expr
    assert (result.value, result.end_value) == (start, end), expr
    assert result.precision is PRECISION_BY_LENGTH[len(start)], expr
    assert result.text == expr


def test_table_is_large_and_covers_every_family():
    assert len(CASES) >= 160
    assert len({(expr, published) for expr, published, _, _ in CASES}) == len(CASES)


@pytest.mark.parametrize("expr,published,start,end", CASES, ids=[f"{c[0]}@{c[1]}" for c in CASES])
def test_resolve_expression(expr, published, start, end):
    _check(resolve_expression(expr, published), expr, start, end)


@pytest.mark.parametrize("expr,published,start,end", CASES, ids=[f"{c[0]}@{c[1]}" for c in CASES])
def test_each_expression_is_found_in_a_sentence(expr, published, start, end):
    """The finder sees each table expression in running text, without any leading preposition."""
    sentence = f"Officials said the talks took place {expr}, according to a statement."
    found = find_temporal_expressions(sentence)
    assert len(found) == 1, found
    core = found[0]
    assert expr.endswith(core.text)
    assert sentence[core.start:core.end] == core.text
    _check(resolve_expression(core.text, published), core.text, start, end)


@pytest.mark.parametrize("expr", [
    "the 1990s", "in recent years", "a few years ago", "29 February 2023", "the talks", "50 prisoners",
    "1,200 people", "Sunday Times", "", "2019-2019", "October 9-6",
])
def test_not_a_resolvable_time(expr):
    assert resolve_expression(expr, MON) is None


# --- finding expressions in sentences -------------------------------------------------------------

def _texts(sentence: str) -> list[str]:
    found = find_temporal_expressions(sentence)
    for expr in found:
        assert sentence[expr.start:expr.end] == expr.text
    return [expr.text for expr in found]


@pytest.mark.parametrize("sentence,expected", [
    ("She may visit Minsk next week.", ["next week"]),
    ("Thousands joined a protest march in the capital on Sunday.", ["Sunday"]),
    ("The Sunday Times reported that 50 prisoners were freed.", []),
    ("Police detained 1,200 people and released 50 prisoners.", []),
    ("About 2000 people marched through the city.", []),
    ("March organisers said the rally would go ahead.", []),
    ("Theresa May met the envoy in May 2019.", ["May 2019"]),
    ("The talks, held October 6-9 in Geneva, ended without a deal.", ["October 6-9"]),
    ("He said on Tuesday that the ministers had met on 13 October 2025.", ["Tuesday", "13 October 2025"]),
    ("Since 2019 the border has been closed.", ["2019"]),
    ("Relations soured in the 1990s.", []),
    ("Diplomats recalled the fall of Kabul.", []),
    ("Prices may fall sharply if the talks fail.", []),
    ("The rebels, who took 300 hostages three days ago, met envoys yesterday.", ["three days ago", "yesterday"]),
    ("Between 2020 and 2022 the union imposed five rounds of sanctions.", ["Between 2020 and 2022"]),
    ("Ministers met between March 3 and 5 and again in mid-September.", ["between March 3 and 5",
                                                                          "mid-September"]),
    ("The election, held last Saturday evening, was disputed.", ["last Saturday evening"]),
    ("It will march on, the minister said on Oct. 3.", ["Oct. 3"]),
    ("In the spring of 2024 the army withdrew; in late 2021 it had advanced.", ["the spring of 2024",
                                                                                "late 2021"]),
    ("The Monday Night Football broadcast was cancelled.", []),
    ("The Good Friday Agreement was signed by Jan Kowalski's predecessor.", []),
    ("Delegates voted for May and against Johnson; the report was written by June Carter.", []),
    ("He worked on Saturday nights until the archive moved to 2025-10-13.", ["2025-10-13"]),
    ("The 2019-12 figures and the 2019-21 plan were published.", ["2019-21"]),
])
def test_find_in_sentences(sentence, expected):
    assert _texts(sentence) == expected


def test_find_offsets_are_exact():
    sentence = "On Saturday, 50 prisoners were freed; on 13 October 2025 the envoy returned."
    found = find_temporal_expressions(sentence)
    assert found == [
        TemporalExpression(3, 11, "Saturday"),
        TemporalExpression(41, 56, "13 October 2025"),
    ]


def test_longest_match_wins():
    assert _texts("They met on Monday, October 13, 2025 in Vienna.") == ["Monday, October 13, 2025"]
    assert _texts("Fighting continued from October 30 to November 2.") == ["from October 30 to November 2"]


# --- the date of a clause --------------------------------------------------------------------------

def test_clause_takes_the_nearest_expression():
    text = "On Monday the ministers met, and on Saturday they signed the deal."
    anchor = text.index("signed")
    result = date_for_clause(text, (0, len(text)), anchor, MON)
    assert (result.value, result.text) == ("2025-10-11", "Saturday")
    anchor = text.index("met")
    assert date_for_clause(text, (0, text.index(",")), anchor, MON).value == "2025-10-13"


def test_clause_tie_goes_to_the_expression_after_the_trigger():
    text = "Yesterday aides met on Tuesday"
    anchor = text.index("met")
    assert anchor - len("Yesterday") == text.index("Tuesday") - anchor
    assert date_for_clause(text, (0, len(text)), anchor, MON).text == "Tuesday"


def test_clause_ignores_expressions_outside_it():
    text = "Last week the talks stalled. The envoy arrived on Sunday."
    second = text.index("The envoy")
    result = date_for_clause(text, (0, second - 1), text.index("stalled"), MON)
    assert (result.value, result.text) == ("2025-10", "Last week")


def test_clause_without_time_words_takes_the_article_month():
    text = "The envoy met the president in Minsk."
    result = date_for_clause(text, (0, len(text)), text.index("met"), MON)
    assert result == EventDate(start=date(2025, 10, 1), precision=Precision.MONTH, end=None, text=None)


def test_clause_without_publication_date():
    text = "The envoy met the president on Saturday."
    assert date_for_clause(text, (0, len(text)), text.index("met"), None) is None
    text = "The envoy met the president in Minsk."
    assert date_for_clause(text, (0, len(text)), text.index("met"), None) is None
    text = "The envoy met the president on 13 October 2025 in Minsk."
    assert date_for_clause(text, (0, len(text)), text.index("met"), None).value == "2025-10-13"


def test_clause_leaves_out_time_words_of_a_clause_that_describes_something_else():
    text = "Somalia rejected the memorandum signed on Saturday as void."
    described = (text.index("signed"), text.index(" as void"))
    assert date_for_clause(text, (0, len(text)), text.index("rejected"), MON).text == "Saturday"
    result = date_for_clause(text, (0, len(text)), text.index("rejected"), MON, [described])
    assert (result.value, result.text) == ("2025-10", None)


@pytest.mark.parametrize("lead,published,expected", [
    ("Qatar mediated a swap of 90 prisoners, the state news agency said on Saturday.", MON, date(2025, 10, 11)),
    ("The president wednesday welcomed the verdict.", MON, date(2025, 10, 8)),
    ("Talks resumed in Doha yesterday after a pause of a month.", MON, date(2025, 10, 12)),
    ("The minister said today that talks on October 2 had failed.", MON, MON),  # the first day named
    ("The minister said on Monday that the ceasefire held.", MON, MON),
    ("Talks that began on October 1 resumed on Friday.", MON, date(2025, 10, 10)),
    pytest.param("Talks began on October 1 in Doha.", MON, None, id="a-day-weeks-before-is-no-news-day"),
    pytest.param("Ministers met last week in Doha.", MON, None, id="a-week-is-not-a-day"),
    pytest.param("Ministers met in Doha to discuss the truce.", MON, None, id="no-time-words"),
    pytest.param("Ministers met on Saturday in Doha.", None, None, id="no-publication-date"),
])
def test_news_day_is_the_first_day_the_opening_names_in_the_week_before_publication(lead, published, expected):
    assert news_day(lead, published) == expected


def test_clause_date_is_never_after_publication():
    text = "The envoy will visit Minsk on December 1, 2025."
    result = date_for_clause(text, (0, len(text)), text.index("visit"), MON)
    assert result.start == MON and result.precision is Precision.DAY


# --- metadata and page stamps ----------------------------------------------------------------------

@pytest.mark.parametrize("value,expected", [
    ("2025-10-13", date(2025, 10, 13)),
    ("2025-10-13T05:58:00Z", date(2025, 10, 13)),
    ("2025-10-13T23:30:00-05:00", date(2025, 10, 13)),
    ("2025-10-13 05:58", date(2025, 10, 13)),
    ("13.10.25", date(2025, 10, 13)),
    ("13.10.2025", date(2025, 10, 13)),
    ("01.02.2025", date(2025, 2, 1)),                  # dots: day first
    ("10/13/2025", date(2025, 10, 13)),
    ("13/10/2025", date(2025, 10, 13)),
    ("02/01/2025", date(2025, 2, 1)),                  # slashes, ambiguous: US order
    ("Oct 13, 2025", date(2025, 10, 13)),
    ("13 October 2025", date(2025, 10, 13)),
    ("Monday, October 13, 2025", date(2025, 10, 13)),
    ("October 13, 2025 10:30 AM", date(2025, 10, 13)),
    ("Published: 13 October 2025", date(2025, 10, 13)),
    ("  2025-10-13  ", date(2025, 10, 13)),
    ("", None),
    ("not a date", None),
    ("2025-13-45", None),
    ("31/31/2025", None),
    ("Oct 13", None),
    ("the 1990s", None),
])
def test_parse_date_value(value, expected):
    assert parse_date_value(value) == expected


# --- properties -------------------------------------------------------------------------------------

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December", "Jan.", "Sept.", "Oct.", "Dec."]
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
publication_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))
days = st.integers(1, 31)
years = st.integers(1950, 2040)


@st.composite
def expressions(draw) -> str:
    month, month2 = draw(st.sampled_from(MONTH_NAMES)), draw(st.sampled_from(MONTH_NAMES))
    day, day2, year, year2 = draw(days), draw(days), draw(years), draw(years)
    weekday = draw(st.sampled_from(WEEKDAY_NAMES))
    n = draw(st.sampled_from(["a", "two", "three", "twelve", "5", "several", "a few"]))
    unit = draw(st.sampled_from(["days", "weeks", "months", "years", "week", "day"]))
    rel = draw(st.sampled_from(["last", "this", "next", "earlier this", "the past"]))
    season = draw(st.sampled_from(["spring", "summer", "autumn", "fall", "winter"]))
    return draw(st.sampled_from([
        f"{month} {day}", f"{day} {month}", f"{month} {day}, {year}", f"{day} {month} {year}",
        f"{month} {year}", f"in {month}", f"mid-{month}", f"late {year}", f"in {year}",
        f"{month} {day}-{day2}", f"{day}-{day2} {month}", f"between {month} {day} and {day2}",
        f"{month} {day} - {month2} {day2}", f"{year}-{year2}", f"{month} and {month2}",
        f"{weekday}", f"last {weekday}", f"next {weekday}", f"{weekday} night",
        f"{n} {unit} ago", f"{rel} week", f"{rel} month", f"{rel} year", f"{rel} weekend",
        f"last {month}", f"{rel} {season}", f"{season} {year}", f"the past {n} {unit}",
        f"{year:04d}-{draw(st.integers(1, 12)):02d}-{day:02d}", f"{day}/{draw(st.integers(1, 12))}/{year}",
        "today", "tomorrow", "yesterday", "the day after tomorrow", "recently",
    ]))


def _assert_not_after(result: EventDate, published: date) -> None:
    assert result.start <= published
    if result.end is not None:
        assert result.start < result.end <= published


@settings(max_examples=400, deadline=None)
@given(expr=expressions(), published=publication_dates)
def test_resolved_dates_are_never_after_publication(expr, published):
    result = resolve_expression(expr, published)
    if result is not None:
        _assert_not_after(result, published)
        assert result.text == expr


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.one_of(expressions(), st.sampled_from(
    ["the", "talks", "50 prisoners", "1,200 people", "may", "march", "said", ",", ".", "on", "in",
     "Sunday Times", "2000", "and", "to", "-"])), max_size=12), published=publication_dates,
    data=st.data())
def test_found_expressions_lie_inside_the_text(parts, published, data):
    text = " ".join(parts)
    found = find_temporal_expressions(text)
    previous_end = 0
    for expr in found:
        assert 0 <= previous_end <= expr.start < expr.end <= len(text)
        assert text[expr.start:expr.end] == expr.text
        previous_end = expr.end
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    result = date_for_clause(text, (lo, hi), data.draw(st.integers(lo, max(lo, hi))), published)
    assert result is not None
    _assert_not_after(result, published)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_find_survives_arbitrary_text(text):
    for expr in find_temporal_expressions(text):
        assert text[expr.start:expr.end] == expr.text


def test_day_range_end_is_inclusive_and_ordered():
    result = resolve_expression("October 6-9", MON)
    assert result.end - result.start == timedelta(days=3)


# --- the date of an event in an article (the pipeline, real model) ------------------------------------

FRIDAY = date(2025, 3, 14)


def _dated(pipeline, text: str) -> list[tuple[str, str, str | None]]:
    from eventwire.records import Article
    return [(e.type, e.date.value, e.date.text)
            for e in pipeline.process(Article("t", text, published=FRIDAY)).events]


@pytest.mark.model
def test_a_clause_with_no_time_words_takes_the_day_the_opening_names(pipeline):
    text = ("Kenya and Uganda signed a trade accord in Nairobi, Kenya's foreign ministry said on Tuesday.\n"
            "The accord follows months of dispute over sugar exports.\n"
            "Uganda's president praised Kenya for its patience.")
    assert ("SUPPORT", "2025-03-11", None) in _dated(pipeline, text)


@pytest.mark.model
def test_with_no_day_in_the_opening_the_lead_is_the_day_of_publication_and_the_rest_its_month(pipeline):
    text = ("Kenya and Uganda signed a trade accord in Nairobi.\n"
            "The accord follows months of dispute over sugar exports.\n"
            "Uganda's president praised Kenya for its patience.")
    found = _dated(pipeline, text)
    assert ("AGREE", "2025-03-14", None) in found and ("SUPPORT", "2025-03", None) in found


@pytest.mark.model
def test_a_day_a_relative_clause_gives_to_what_it_describes_is_not_the_events(pipeline):
    found = _dated(pipeline, "Somalia rejected the port deal that Ethiopia signed on Monday with Somaliland.")
    assert [(kind, day) for kind, day, _ in found if kind == "REJECT"] == [("REJECT", "2025-03-14")]


@pytest.mark.model
@pytest.mark.parametrize("sentence,trigger,described", [
    ("Somalia said the memorandum signed in Addis Ababa on Monday was void.", "void",
     ["signed in Addis Ababa on Monday"]),
    ("Nigeria's president congratulated Donald Trump, who won the election last Tuesday.", "congratulated",
     ["who won the election last Tuesday"]),
    # a participle after the trigger may hold the event's own time words by a wrong attachment
    ("Togolese police fired tear gas at crowds gathered in Lome on Thursday.", "fired", []),
    # what an accusation says was done is dated by its own words, not the accusation
    ("The rebels accused the army of attacking their positions on Tuesday.", "accused",
     ["attacking their positions on Tuesday"]),
])
def test_described_clauses(pipeline, sentence, trigger, described):
    from eventwire.pipeline import described_clauses
    doc = pipeline.nlp(sentence)
    anchor = next(t for t in doc if t.text == trigger)
    assert [sentence[a:b] for a, b in described_clauses(next(doc.sents), anchor)] == described


@pytest.mark.model
def test_a_dateline_dates_no_event(pipeline):
    text = "NAIROBI, Nov 14 (Reuters) - Kenya's president met Uganda's president in Entebbe on Wednesday."
    from eventwire.records import Article
    events = pipeline.process(Article("t", text, published=date(2025, 11, 20))).events
    assert [(e.date.value, e.date.text) for e in events] == [("2025-11-19", "Wednesday")]


@pytest.mark.model
def test_the_dateline_gives_the_day_of_writing_and_a_named_day_comes_before_overnight(pipeline):
    """A story filed "KYIV, Nov 19" and published on the 20th was written on the 19th: its "overnight" and
    its clauses with no time words are of the 19th, the Wednesday its opening names (before: the 20th)."""
    text = ("KYIV, Nov 19 (Reuters) - Russia launched 470 drones at Ukraine overnight, Ukrainian officials "
            "said on Wednesday.\nPresident Volodymyr Zelenskiy urged Western allies to tighten sanctions on Moscow.")
    from eventwire.records import Article
    events = pipeline.process(Article("t", text, published=date(2025, 11, 20))).events
    assert {e.date.value for e in events} == {"2025-11-19"}, [(e.type, e.date.value) for e in events]
    from eventwire import dates
    assert dates.news_day("Strikes hit Kyiv overnight, officials said on Wednesday.", date(2025, 11, 20)) == \
        date(2025, 11, 19)
