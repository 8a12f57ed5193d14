"""Page furniture removal: what a scraper leaves around the article, blanked in place.

Removed characters become spaces (newlines stay), so the cleaned text has the length of the
article text and every offset found in it is an offset into `Article.text`: event spans stay
traceable to the page as given. The rules are general shapes of furniture (section words,
share lines, bylines, photo credits, outlet tags, stamps with their teasers, counters,
copyright and cookie lines), each named in the `Removal` it leaves, so a wrong cut can be
traced to its rule.

Cleaning runs the rules to a fixpoint: a cut can expose more furniture (a credit removed from
a line that then holds only "Details"), and running them until nothing changes is what makes
`clean(clean(t).text).text == clean(t).text` hold by construction.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

logger = logging.getLogger(__name__)

__all__ = ["Cleaned", "Removal", "clean"]


@dataclass(frozen=True)
class Removal:
    """One cut: characters [start, end) of the article text, and the rule that made it."""

    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class Cleaned:
    """The article text with furniture blanked out, what was cut, and the page stamp's date."""

    text: str
    removals: tuple[Removal, ...]
    stamp_date: date | None


# --- building blocks -------------------------------------------------------------------------

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# Numeric dates: 13.10.25, 13.10.2025, 13/10/2025, 2025-10-13. Digits must not run on.
_NUM_DATE = (r"(?<!\d)(?:(?P<d1>\d{1,2})(?P<sep>[./])(?P<m1>\d{1,2})(?P=sep)(?P<y1>\d{4}|\d{2})"
             r"|(?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2}))(?!\d)")
_NAME_DATE = (rf"(?:(?P<d3>\d{{1,2}})\s+(?P<mn3>{_MONTH}),?\s+(?P<y3>\d{{4}})"
              rf"|(?P<mn4>{_MONTH})\s+(?P<d4>\d{{1,2}}),?\s+(?P<y4>\d{{4}}))(?!\d)")
_DATE_RE = re.compile(rf"(?:{_NUM_DATE}|{_NAME_DATE})", re.IGNORECASE)
# The same without group names, for patterns that hold several dates.
_DATE = re.sub(r"\(\?P<\w+>", "(?:", _DATE_RE.pattern).replace("(?P=sep)", "[./]")
_TIME = r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?!\d)"
_JOIN = r"(?:\s*[,•·|]\s*|\s+(?:at\s+)?|T)"
# A stamp is a date *with* a time: a date alone is too often content ("on 13.10.2025 ...").
_STAMP = (rf"(?:{_DATE}{_JOIN}{_TIME}(?:\s*(?:UTC|GMT|Z|[+-]\d{{2}}:?\d{{2}}))?"
          rf"|{_TIME}{_JOIN}{_DATE})")
_COUNTER = (r"(?:\[\s*views?[_:\s]*\d+\s*\]|\b(?:views?|reads?|hits)\s*:\s*\d[\d\s,.]*(?<!\s)"
            r"|👁\s*\d[\d,.]*|\b\d[\d,.]*\s*(?:views|reads)\b)")
_BULLET = r"[•·|»>◦▪–—-]"
_TAIL_ITEM = rf"(?:{_STAMP}|{_COUNTER}|{_BULLET})"
# A stamp and what follows it on the line: counters, bullets, more stamps.
_STAMP_TAIL = re.compile(rf"{_STAMP}(?:\s*{_TAIL_ITEM})*", re.IGNORECASE)
_LINE_END = re.compile(r"[^\S\r\n]*(?:\r?\n|\r|$)")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)\]]*\s+")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*\s*$")
# A stamp glued to text follows a letter or a closing mark ("a state13.10.25, 05:58").
_CLOSERS = ".!?\"'”’»)]"
# A stamp after a preposition is a date inside a sentence, not page furniture.
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:on|at|for|by|until|till|from|since|before|after|to|of|in|and|or|between|as|than)\s*$",
    re.IGNORECASE)

# Whole lines that are nothing but a section word ("Details", "READ MORE:").
_SECTION_WORDS = (
    "details", "more details", "advertisement", "advertisements", "advertising", "ad", "sponsored",
    "sponsored content", "promoted", "related", "related articles", "related stories", "related news",
    "related content", "related topics", "related coverage", "read more", "read also", "also read",
    "see also", "more", "more news", "more stories", "more on this story", "more on this topic",
    "recommended", "recommended for you", "most read", "most popular", "popular", "trending",
    "trending now", "top stories", "latest", "latest news", "editor's picks", "editors' picks",
    "you may also like", "you might also like", "don't miss", "continue reading", "show more",
    "load more", "comments", "leave a comment", "listen to this article", "skip to content",
    "skip advertisement", "photo", "photos", "video", "watch", "gallery", "image credit",
    "photo credit", "getty images", "loading", "print", "share", "tags", "topics", "keywords",
)
_SECTION_LINE = re.compile(
    r"^[\s" + _BULLET[1:-1] + r"]*(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _SECTION_WORDS)
    + r")[\s:.!…»>\-–—]*$", re.IGNORECASE)
# A teaser line introduced by a section word: "READ MORE: Headline", "Related: Headline".
_TEASER_LINE = re.compile(
    r"^[\s•·»>]*(?:read\s+more|read\s+also|also\s+read|see\s+also|related|more\s+on\s+this"
    r"|recommended|tags|topics|keywords|watch|listen)\s*[:|»>–—]\s*\S.*$", re.IGNORECASE)

# Share/subscribe/follow lines: short lines made only of these words (plus at most two
# capitalised names, the outlet's), with at least one trigger among them.
_SHARE_TRIGGERS = {"share", "subscribe", "follow", "newsletter", "newsletters", "sign", "join",
                   "tweet", "download", "like"}
_SHARE_VOCAB = _SHARE_TRIGGERS | {
    "this", "article", "story", "post", "page", "news", "on", "via", "to", "us", "our", "the", "and",
    "or", "in", "for", "up", "at", "with", "from", "of", "a", "an", "by", "your", "you", "get", "now",
    "here", "click", "free", "daily", "weekly", "latest", "updates", "update", "channel", "channels",
    "account", "feed", "rss", "app", "apps", "email", "e-mail", "inbox", "alerts", "notifications",
    "print", "copy", "link", "comment", "comments", "facebook", "twitter", "x", "telegram",
    "whatsapp", "viber", "instagram", "youtube", "tiktok", "linkedin", "reddit", "threads",
    "bluesky", "mastodon", "google", "apple", "podcasts", "podcast", "stay", "informed", "tuned",
    "more", "world", "breaking", "top", "stories", "best", "delivered", "straight", "receive",
    "don't", "miss", "never", "be", "first", "know", "please", "it", "friends", "social", "media",
}
_PLATFORMS = {"facebook", "twitter", "x", "telegram", "whatsapp", "viber", "instagram", "youtube",
              "tiktok", "linkedin", "reddit", "threads", "bluesky", "mastodon", "google", "email",
              "e-mail", "print", "copy", "link", "pinterest", "tumblr", "vk", "messenger"}
_SHARE_VOCAB |= _PLATFORMS
_WORD = re.compile(r"[\w'’-]+")

# Bylines: "By Jane Doe", "By JANE DOE and John Roe, Reuters", "Written by J. Doe | Staff".
_NAME = r"(?:[A-Z][\w'’.-]*|[A-Z]\.)"
_NAMES = rf"{_NAME}(?:\s+(?:{_NAME}|van|von|de|da|del|bin|al|el|di|le|la)){{0,4}}"
_BYLINE = re.compile(
    rf"^\s*(?:By|BY|Written\s+by|Words\s+by|Author:?)\s+{_NAMES}"
    rf"(?:\s*(?:,|and|&)\s*{_NAMES})*(?:\s*[,|–—-]\s*{_NAMES})?\s*$")
# "(Reporting by X; Editing by Y)": to the closing bracket, or to the end of the line.
_CREDITS = re.compile(
    r"\((?:Additional\s+)?(?:Reporting|Writing|Editing|Compiled|Produced|Translated|Research)"
    r"\s+by\b[^()\n]{0,300}\)"
    r"|^[^\S\r\n]*(?:Additional\s+)?(?:Reporting|Writing|Editing|Compiled|Produced|Translated)"
    r"\s+by\b[^\n]{0,300}$", re.MULTILINE)

# Photo credits: "(Photo by AFP)", "[Photo: Reuters]", "Photo: Reuters" to the end of its line.
_PHOTO_WORD = r"(?:photo(?:graph)?s?|image|picture|pic|file\s+photo|illustration|video)"
_PHOTO_PAREN = re.compile(
    rf"[(\[]\s*(?:[A-Z]{{2,}}\s+)?{_PHOTO_WORD}(?:\s+credit)?\s*(?:by|:|/)[^()\[\]\n]{{0,100}}[)\]]"
    r"|[(\[]\s*(?:Getty\s+Images|Shutterstock)[^()\[\]\n]{0,60}[)\]]", re.IGNORECASE)
_PHOTO_LINE = re.compile(
    rf"(?:(?<=[.!?\"”»])[^\S\r\n]+|^[^\S\r\n]*)(?:{_PHOTO_WORD}\s*(?:credit)?|credit)\s*(?P<sep>:|/|\sby\s)"
    r"(?P<credit>[^\n]{1,100})$", re.IGNORECASE | re.MULTILINE)

# Outlet tags at a sentence's end: ", writes UNN." — never "according to Reuters".
_OUTLET = r"(?:(?:the|The)[^\S\r\n]+)?[A-Z][\w&'’-]*(?:[^\S\r\n]+[A-Z][\w&'’-]*){0,3}"
_OUTLET_TAG = re.compile(
    rf"(?:,\s*(?:writes|reports|informs|notes|transmits)\s+{_OUTLET})+(?=[^\S\r\n]*(?:[.!?…][\"”»]?(?:\s|$)|$))",
    re.MULTILINE)
# "... the minister said. — AFP" at the end of a line.
_DASH_TAG = re.compile(
    r"(?:(?<=[.!?\"”»])|^)[^\S\r\n]*[—–][^\S\r\n]*[A-Z][\w&/.-]*(?:[^\S\r\n]+[A-Z][\w&/.-]*){0,2}[^\S\r\n]*$", re.MULTILINE)

# Counters wherever they stand in a recognisable form, and lone stamp/counter lines.
_COUNTER_STRONG = re.compile(
    r"\[\s*views?[_:\s]*\d+\s*\]|\b(?:views?|reads?|hits)\s*:\s*\d[\d,.]*|👁\s*\d[\d,.]*", re.IGNORECASE)
_STAMP_LINE = re.compile(
    rf"^(?:[^\S\r\n]|[•·|])*(?:(?:published|updated|posted|last\s+updated|modified|date|time)\s*(?:on|at)?[:\s]\s*)?"
    rf"(?:{_DATE}(?:{_JOIN}{_TIME})?|{_TIME}{_JOIN}{_DATE}|{_COUNTER})"
    rf"(?:\s*{_TAIL_ITEM})*[^\S\r\n]*$", re.IGNORECASE | re.MULTILINE)

# Copyright and cookie lines.
_COPYRIGHT = re.compile(
    r"(?:©|\([cC]\)\s*(?=\d{4})|\bCopyright\b\s*(?=©|\(c\)|\d{4}))[^\n]{0,160}$"
    r"|^[^\n]{0,160}\ball\s+rights\s+reserved\b[^\n]{0,80}$", re.IGNORECASE | re.MULTILINE)
_COOKIE = re.compile(
    r"^[^\S\r\n]*(?:we\s+use\s+cookies|(?:this|our)\s+(?:web)?site\s+uses\s+cookies"
    r"|by\s+(?:continuing\s+to\s+use|using)\s+(?:this|our)\s+(?:web)?site"
    r"|(?:accept|reject|manage)\s+(?:all\s+)?cookies|cookie\s+(?:policy|settings|preferences))"
    r"[^\n]*$", re.IGNORECASE | re.MULTILINE)


# --- rules: each yields (start, end, rule) over the current text --------------------------

Span = tuple[int, int, str]


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.splitlines(keepends=True):
        yield start, line.rstrip("\r\n")
        start += len(line)


def _section_lines(text: str) -> Iterator[Span]:
    for start, line in _lines(text):
        if _SECTION_LINE.match(line):
            yield start, start + len(line), "section"
        elif _TEASER_LINE.match(line):
            yield start, start + len(line), "teaser_line"


def _share_lines(text: str) -> Iterator[Span]:
    for start, line in _lines(text):
        if not line.strip() or len(line) > 160:
            continue
        words = _WORD.findall(line)
        lowered = [w.lower() for w in words]
        if words and _PLATFORMS.issuperset(lowered):  # a row of share buttons
            yield start, start + len(line), "share"
            continue
        if not words or not _SHARE_TRIGGERS.intersection(lowered):
            continue
        unknown = [w for w, low in zip(words, lowered) if low not in _SHARE_VOCAB]
        if len(unknown) <= 2 and all(w[0].isupper() for w in unknown) and not _SENTENCE_END.search(
                line.rstrip(":!")) and len(unknown) < len(words) - 1:
            yield start, start + len(line), "share"


def _bylines(text: str) -> Iterator[Span]:
    for start, line in _lines(text):
        if len(line) <= 120 and _BYLINE.match(line):
            yield start, start + len(line), "byline"
    for m in _CREDITS.finditer(text):
        yield m.start(), m.end(), "byline"


def _photo_credits(text: str) -> Iterator[Span]:
    for m in _PHOTO_PAREN.finditer(text):
        yield m.start(), m.end(), "photo_credit"
    for m in _PHOTO_LINE.finditer(text):
        if _is_credit(m.group("credit"), m.group("sep")):
            yield m.start(), m.end(), "photo_credit"


def _is_credit(credit: str, sep: str) -> bool:
    """A credit names someone; "Photos by the ministry showed the damage" is a sentence."""
    words = credit.split()
    if len(words) > 8:
        return False
    return sep.strip() != "by" or all(w[0].isupper() or w in _CREDIT_JOINERS for w in words)


_CREDIT_JOINERS = {"and", "for", "via", "of", "/", "|", "-", "—", "–"}


def _source_tags(text: str) -> Iterator[Span]:
    for m in _OUTLET_TAG.finditer(text):
        yield m.start(), m.end(), "source_tag"
    for m in _DASH_TAG.finditer(text):
        yield m.start(), m.end(), "source_tag"


def _stamps(text: str) -> Iterator[Span]:
    """Stamps glued to text or closing a line, and the teaser sentence glued before them."""
    for start, line in _lines(text):
        if _STAMP_LINE.match(line):
            yield start, start + len(line), "stamp"
            continue
        boundary = 0
        for m in _STAMP_TAIL.finditer(line):
            before = line[m.start() - 1] if m.start() else ""
            glued = before.isalpha() or (before != "" and before in _CLOSERS)
            at_end = _LINE_END.fullmatch(line, m.end()) is not None
            if not (glued or at_end):
                continue
            if not glued and _PREPOSITION_BEFORE.search(line, boundary, m.start()):
                continue  # "talks are set for 13.10.2025 at 10:00": a date in a sentence
            yield start + m.start(), start + m.end(), "stamp"
            segment = line[boundary:m.start()]
            if segment.strip() and not _SENTENCE_END.search(segment):
                cut = boundary
                for b in _SENTENCE_BREAK.finditer(segment):
                    cut = boundary + b.end()
                yield start + cut, start + m.start(), "teaser"
            boundary = m.end()
    for m in _COUNTER_STRONG.finditer(text):
        yield m.start(), m.end(), "counter"


def _copyright(text: str) -> Iterator[Span]:
    for m in _COPYRIGHT.finditer(text):
        yield m.start(), m.end(), "copyright"
    for m in _COOKIE.finditer(text):
        yield m.start(), m.end(), "cookie"


_RULES: tuple[Callable[[str], Iterator[Span]], ...] = (
    _section_lines, _share_lines, _bylines, _photo_credits, _source_tags, _stamps, _copyright,
)


# --- stamp dates -----------------------------------------------------------------------------

def _year(raw: str) -> int:
    year = int(raw)
    return 2000 + year if year < 100 else year


def parse_stamp_date(stamp: str) -> date | None:
    """The date in a page stamp: day first for dotted and slashed forms, as news pages write it."""
    m = _DATE_RE.search(stamp)
    if not m:
        return None
    g = m.groupdict()
    try:
        if g["d1"]:
            day, month = int(g["d1"]), int(g["m1"])
            if g["sep"] == "/" and month > 12 >= day:
                day, month = month, day
            return date(_year(g["y1"]), month, day)
        if g["y2"]:
            return date(int(g["y2"]), int(g["m2"]), int(g["d2"]))
        if g["d3"]:
            return date(int(g["y3"]), _month_number(g["mn3"]), int(g["d3"]))
        return date(int(g["y4"]), _month_number(g["mn4"]), int(g["d4"]))
    except (ValueError, KeyError):
        return None


def _month_number(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")[:3]]


# --- the cleaner -----------------------------------------------------------------------------

def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span to its first and last non-blank character (cuts of blanks change nothing)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _one_pass(text: str) -> list[Removal]:
    spans: list[Removal] = []
    for rule in _RULES:
        for start, end, name in rule(text):
            start, end = _trim(text, start, end)
            if start < end:
                spans.append(Removal(start, end, name))
    spans.sort(key=lambda r: (r.start, -r.end))
    kept: list[Removal] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            if span.end <= kept[-1].end:
                continue  # inside a cut already made
            span = Removal(kept[-1].end, span.end, span.rule)
        kept.append(span)
    return kept


def _blank(text: str, removals: list[Removal]) -> str:
    chars = list(text)
    for r in removals:
        for i in range(r.start, r.end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


def clean(text: str) -> Cleaned:
    """Blank out page furniture, keeping every offset; the first stamp's date is the estimate."""
    removals: list[Removal] = []
    current = text
    while True:  # each pass that changes the text blanks at least one more character
        found = _one_pass(current)
        blanked = _blank(current, found)
        if blanked == current:
            break
        removals.extend(r for r in found if not current[r.start:r.end].isspace())
        current = blanked
    stamp_date = None
    for r in sorted(removals, key=lambda r: r.start):
        if r.rule == "stamp":
            stamp_date = parse_stamp_date(text[r.start:r.end])
            if stamp_date:
                break
    return Cleaned(current, tuple(sorted(removals, key=lambda r: (r.start, r.end))), stamp_date)


_DATELINE = re.compile(
    r"\A\s*(?:\(\w[\w .&]*\)\s*[-–—]+\s*)?"                      # "(Bloomberg) --"
    r"(?:[A-Z][A-Za-z.'’\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30})?"  # "SEOUL", "GAZA CITY, Palestinian Territories"
    r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))?"  # ", Dec. 4"
    r"\s*(?:\([A-Za-z][\w .&/-]{1,30}\)\s*)?"                        # "(Xinhua)"
    r"(?:[-–—:]+|\.-)\s*)")


def dateline(text: str) -> tuple[int, int] | None:
    """The dateline at the head of an article ("SEOUL, Dec. 4 (Xinhua) --", "(Bloomberg) --"):
    the place filed from and the wire's name, which are not actors of the story."""
    wire = _WIRE_ONLY.match(text)
    if wire:
        return wire.start(), wire.end()
    found = _DATELINE.match(text)
    if not found or found.end() > 80:
        return None
    head = found.group(0)
    signed = re.search(r"\(", head) or re.match(r"\s*[A-Z]{3,}", head) or re.search(r"\d{4}", head)
    if not re.search(r"[-–—:]|\.-", head) or not signed:
        return None  # a real dateline names a wire, is set in capitals or carries a full date
    return found.start(), found.end()


_WIRE_ONLY = re.compile(r"\A\s*\([A-Z][\w .&]{1,30}\)\s*[-–—]+\s*")
