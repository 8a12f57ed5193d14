"""Readers: every kind of input, chosen by content; bad input becomes a Rejection, never a crash."""
from __future__ import annotations

import gzip
import io
import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import InputNotFound, InvalidRecord, UnreadableInput
from eventwire.ingest import Kind, read_inputs, sniff
from eventwire.ingest.html import parse_page
from eventwire.records import Article, PublishedSource, Rejection, content_hash

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Envoy visits Riga | Northern Ledger</title>
<meta property="og:title" content="Envoy visits Riga for border talks">
<meta property="og:site_name" content="Northern Ledger">
<meta property="article:published_time" content="2024-05-14T08:30:00+03:00">
<link rel="canonical" href="https://ledger.example/world/envoy-riga">
<style>p { color: red; }</style>
<script>var tracking = "<p>not text</p>";</script>
</head><body>
<nav><ul><li>Home</li><li>World</li></ul></nav>
<article>
  <header><h1>Envoy visits Riga</h1><p>By Staff</p></header>
  <p>The Latvian foreign minister met the Finnish envoy in Riga on Monday.</p>
  <p>They agreed to share   radar data &amp; to meet again<br>in June.</p>
  <aside><p>Read more: an unrelated story</p></aside>
  <figure><img src="x.jpg"><figcaption>Photo: Agency</figcaption></figure>
</article>
<footer><p>© 2024 Northern Ledger</p></footer>
</body></html>
"""


def articles(items: list) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]


def rejections(items: list) -> list[Rejection]:
    return [x for x in items if isinstance(x, Rejection)]


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def warc_record(kind: str, uri: str, block: bytes) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2024-05-15T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(uri + kind))}>\r\n"
            f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def http_response(html: str, status: str = "200 OK", content_type: str = "text/html; charset=utf-8") -> bytes:
    body = html.encode("utf-8")
    return (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
            ).encode() + body


def simple_page(sentence: str) -> str:
    return f"<!doctype html><html><head><title>T</title></head><body><p>{sentence}</p></body></html>"


# --- plain text -------------------------------------------------------------------------------

def test_plain_text_file_is_one_article_named_by_its_path(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("The council met in Vilnius.\nIt adopted a statement.\n", encoding="utf-8")
    [article] = list(read_inputs([str(path)], published=date(2024, 3, 1)))
    assert article.doc_id == str(path)
    assert article.text == "The council met in Vilnius.\nIt adopted a statement.\n"
    assert article.published == date(2024, 3, 1)
    assert article.published_source is PublishedSource.USER


def test_plain_text_without_a_date_has_none(tmp_path: Path) -> None:
    path = tmp_path / "note"
    path.write_text("Talks ended.", encoding="utf-8")
    [article] = list(read_inputs([str(path)]))
    assert article.published is None and article.published_source is None


def test_missing_file_non_utf8_and_empty_files_are_rejected_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "latin.txt"
    bad.write_bytes("First line.\nCaf\xe9 talks.".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("The envoy left.", encoding="utf-8")
    missing = str(tmp_path / "nowhere.txt")
    out = list(read_inputs([missing, str(bad), str(empty), str(good)]))
    assert [type(x) for x in out] == [Rejection, Rejection, Rejection, Article]
    lost, latin, blank, _ = out
    assert (lost.origin, lost.code, lost.stage) == (missing, InputNotFound.code, "ingest")
    assert latin.origin == f"{bad}:2" and latin.code == UnreadableInput.code
    assert "UTF-8" in latin.message
    assert blank.origin == str(empty) and blank.code == InvalidRecord.code and "empty" in blank.message
    assert out[3].text == "The envoy left."


# --- JSON lines -------------------------------------------------------------------------------

def test_jsonl_records_carry_their_fields(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "corpus.jsonl", [
        json.dumps({"id": "a1", "text": "Oslo hosted talks.", "published": "2023-06-02",
                    "url": "https://x.example/a1", "title": "Talks", "outlet": "Wire"}),
        json.dumps({"id": 7, "text": "Bern protested.", "published": "2023-06-03T17:45:00Z"}),
        json.dumps({"id": "a3", "text": "Rome replied."}),
        json.dumps({"id": "a4", "text": "Null date.", "published": None}),
    ])
    first, second, third, fourth = read_inputs([str(path)], published=date(2023, 7, 1))
    assert (first.doc_id, first.url, first.title, first.outlet) == ("a1", "https://x.example/a1", "Talks", "Wire")
    assert (first.published, first.published_source) == (date(2023, 6, 2), PublishedSource.METADATA)
    assert second.doc_id == "7"
    assert (second.published, second.published_source) == (date(2023, 6, 3), PublishedSource.METADATA)
    assert (third.published, third.published_source) == (date(2023, 7, 1), PublishedSource.USER)
    assert fourth.published_source is PublishedSource.USER
    assert first.content_hash == content_hash("Oslo hosted talks.")


def test_bad_jsonl_lines_are_rejected_by_line_and_good_ones_come_through(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": "Kyiv asked for help."}).encode(),
        b"{this is not json",
        json.dumps({"id": "notext", "title": "No body"}).encode(),
        json.dumps({"id": "baddate", "text": "Dated badly.", "published": "last Tuesday"}).encode(),
        b"",
        '{"id": "latin", "text": "Caf\xe9"}'.encode("latin-1"),
        json.dumps({"id": "empty", "text": "   "}).encode(),
        json.dumps(["a", "list"]).encode(),
        json.dumps({"id": "ok2", "text": "Warsaw agreed."}).encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    out = list(read_inputs([str(path)]))
    assert [a.doc_id for a in articles(out)] == ["ok1", "ok2"]
    got = {(r.origin, r.code) for r in rejections(out)}
    assert got == {
        (f"{path}:2", UnreadableInput.code), (f"{path}:3", InvalidRecord.code),
        (f"{path}:4", InvalidRecord.code), (f"{path}:6", UnreadableInput.code),
        (f"{path}:7", InvalidRecord.code), (f"{path}:8", InvalidRecord.code),
    }
    by_line = {r.origin: r.message for r in rejections(out)}
    assert '"text"' in by_line[f"{path}:3"] and "last Tuesday" in by_line[f"{path}:4"]


def test_jsonl_without_ids_names_records_by_line(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "noids.jsonl", [json.dumps({"text": "One."}), json.dumps({"text": "Two."})])
    assert [a.doc_id for a in read_inputs([str(path)])] == [f"{path}:1", f"{path}:2"]


def test_jsonl_is_streamed_not_read_whole(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "big.jsonl", [json.dumps({"id": i, "text": f"Line {i}."}) for i in range(5000)])
    stream = read_inputs([str(path)])
    assert next(stream).doc_id == "0"  # the first record arrives before the rest is parsed
    assert sum(1 for _ in stream) == 4999


def test_gzipped_jsonl_is_read(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl.gz"
    path.write_bytes(gzip.compress(json.dumps({"id": "z", "text": "Zagreb voted."}).encode() + b"\n"))
    [article] = read_inputs([str(path)])
    assert (article.doc_id, article.text) == ("z", "Zagreb voted.")


# --- HTML -------------------------------------------------------------------------------------

def test_html_page_gives_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = read_inputs([str(path)], published=date(2030, 1, 1))
    assert article.doc_id == str(path)
    assert article.text == ("The Latvian foreign minister met the Finnish envoy in Riga on Monday.\n\n"
                            "They agreed to share radar data & to meet again\nin June.")
    assert article.title == "Envoy visits Riga for border talks"
    assert article.outlet == "Northern Ledger"
    assert article.url == "https://ledger.example/world/envoy-riga"
    assert (article.published, article.published_source) == (date(2024, 5, 14), PublishedSource.PAGE)


@pytest.mark.parametrize("head, expected", [
    ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
     '"datePublished": "2022-02-03T10:00:00Z"}]}</script>', date(2022, 2, 3)),
    ('<meta property="og:published_time" content="2021-11-30">', date(2021, 11, 30)),
    ('<meta name="date" content="2020-08-09">', date(2020, 8, 9)),
    ("", date(2019, 4, 5)),  # from <time datetime> in the body
])
def test_html_published_date_sources(head: str, expected: date) -> None:
    html = (f"<html><head><title>X</title>{head}</head><body><article>"
            f'<time datetime="2019-04-05">5 April</time><p>Text here.</p></article></body></html>')
    page = parse_page(html)
    assert page.published == expected
    assert page.text == "Text here."


def test_html_without_a_page_date_takes_the_users(tmp_path: Path) -> None:
    path = tmp_path / "plain.htm"
    path.write_text(simple_page("Minsk replied."), encoding="utf-8")
    [article] = read_inputs([str(path)], published=date(2024, 2, 2))
    assert (article.title, article.published_source) == ("T", PublishedSource.USER)


def test_html_paragraphs_outside_an_article_element_and_unclosed_p() -> None:
    page = parse_page("<html><body><div><p>First point.<p>Second point.</div><footer>Contact us</footer></body></html>")
    assert page.text == "First point.\n\nSecond point."


def test_html_without_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav><p>Menu</p></nav><script>x()</script></body></html>", encoding="utf-8")
    [rejection] = read_inputs([str(path)])
    assert (rejection.origin, rejection.code) == (str(path), InvalidRecord.code)


def test_html_detected_by_content_whatever_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(PAGE, encoding="utf-8")
    [article] = read_inputs([str(path)])
    assert article.title == "Envoy visits Riga for border talks"
    assert "<p>" not in article.text


# --- WARC -------------------------------------------------------------------------------------

def build_warc() -> bytes:
    return b"".join([
        warc_record("warcinfo", "", b"software: test\r\n"),
        warc_record("request", "https://a.example/one", b"GET /one HTTP/1.1\r\nHost: a.example\r\n\r\n"),
        warc_record("response", "https://a.example/one", http_response(simple_page("Athens recalled its envoy."))),
        warc_record("response", "https://a.example/logo.png", http_response("PNG", content_type="image/png")),
        warc_record("response", "https://a.example/gone", http_response(simple_page("x"), status="404 Not Found")),
        warc_record("response", "https://a.example/two", http_response(simple_page("Sofia welcomed the move."))),
    ])


def test_warc_response_records_become_articles_named_by_uri(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(build_warc())
    out = list(read_inputs([str(path)]))
    assert [(a.doc_id, a.text) for a in articles(out)] == [
        ("https://a.example/one", "Athens recalled its envoy."),
        ("https://a.example/two", "Sofia welcomed the move."),
    ]
    assert all(a.url == a.doc_id for a in articles(out))
    [gone] = rejections(out)
    assert gone.origin.startswith(f"{path}:") and "404" in gone.message


def test_gzipped_warc_one_member_per_record(tmp_path: Path) -> None:
    records = [warc_record("response", f"https://b.example/{i}", http_response(simple_page(f"Story {i}.")))
               for i in range(3)]
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(gzip.compress(r) for r in records))
    assert [a.doc_id for a in read_inputs([str(path)])] == [f"https://b.example/{i}" for i in range(3)]


def test_broken_warc_records_are_rejected_and_reading_resumes(tmp_path: Path) -> None:
    good = warc_record("response", "https://c.example/ok", http_response(simple_page("Bern agreed.")))
    no_length = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://c.example/bad\r\n\r\njunk\r\n\r\n"
    not_http = warc_record("response", "https://c.example/nohttp", b"just some bytes")
    truncated = warc_record("response", "https://c.example/cut", http_response(simple_page("Cut.")))[:-80]
    path = tmp_path / "broken.warc"
    path.write_bytes(no_length + good + not_http + good.replace(b"/ok", b"/ok2") + truncated)
    out = list(read_inputs([str(path)]))
    assert [a.doc_id for a in articles(out)] == ["https://c.example/ok", "https://c.example/ok2"]
    bad = rejections(out)
    assert [r.code for r in bad] == [UnreadableInput.code] * 3
    assert bad[0].origin == f"{path}:1" and "Content-Length" in bad[0].message
    assert "HTTP" in bad[1].message and "truncated" in bad[2].message
    assert all(r.origin.startswith(f"{path}:") for r in bad)


# --- stdin ------------------------------------------------------------------------------------

def test_stdin_jsonl_is_sniffed_and_unnamed_records_get_their_hash() -> None:
    stdin = io.StringIO('\n{"id": "s1", "text": "Quito protested."}\n{"text": "Lima replied."}\nnope\n')
    out = list(read_inputs(["-"], stdin=stdin))
    first, second, bad = out
    assert first.doc_id == "s1"
    assert second.doc_id == content_hash("Lima replied.") == second.content_hash
    assert (bad.origin, bad.code) == ("<stdin>:4", UnreadableInput.code)


def test_stdin_plain_text_is_one_article_named_by_its_hash() -> None:
    text = "Accra and Lome signed a border deal.\nBoth sides welcomed it.\n"
    [article] = read_inputs(["-"], published=date(2024, 9, 9), stdin=io.StringIO(text))
    assert article.text == text
    assert article.doc_id == content_hash(text)
    assert (article.published, article.published_source) == (date(2024, 9, 9), PublishedSource.USER)


def test_stdin_html_is_sniffed() -> None:
    [article] = read_inputs(["-"], stdin=io.StringIO("\n  " + PAGE))
    assert article.outlet == "Northern Ledger"
    assert article.published_source is PublishedSource.PAGE
    assert article.doc_id == article.content_hash


def test_empty_stdin_is_rejected() -> None:
    [rejection] = read_inputs(["-"], stdin=io.StringIO("\n\n"))
    assert (rejection.origin, rejection.code) == ("<stdin>", InvalidRecord.code)


# --- directories and detection ----------------------------------------------------------------

def test_directory_is_read_recursively_in_sorted_order_skipping_hidden(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "b_sub").mkdir(parents=True)
    (root / ".hidden_dir").mkdir()
    (root / "c.txt").write_text("Third.", encoding="utf-8")
    (root / "a.txt").write_text("First.", encoding="utf-8")
    (root / "b_sub" / "z.html").write_text(simple_page("Second."), encoding="utf-8")
    (root / "b_sub" / "records.jsonl").write_text(json.dumps({"id": "r", "text": "Between."}) + "\n",
                                                  encoding="utf-8")
    (root / ".secret.txt").write_text("Hidden.", encoding="utf-8")
    (root / ".hidden_dir" / "x.txt").write_text("Hidden too.", encoding="utf-8")
    out = list(read_inputs([str(root)]))
    assert [a.text for a in out] == ["First.", "Between.", "Second.", "Third."]
    assert [a.doc_id for a in out] == [f"{root}/a.txt", "r", f"{root}/b_sub/z.html", f"{root}/c.txt"]


@pytest.mark.parametrize("head, name, kind", [
    (b"WARC/1.0\r\n", "x.bin", Kind.WARC),
    (b'\n  {"id": 1}', "x.txt", Kind.JSONL),
    (b"<!DOCTYPE html><html>", "x.txt", Kind.HTML),
    (b"<html><body>", "", Kind.HTML),
    (b"Just words.", "page.html", Kind.HTML),
    (b"Just words.", "x.jsonl", Kind.JSONL),
    (b"Just words.", "x.warc", Kind.WARC),
    (b"Just words.", "x.txt", Kind.TEXT),
    (b"Just words.", "README", Kind.TEXT),
])
def test_sniff_content_first_extension_second(head: bytes, name: str, kind: Kind) -> None:
    assert sniff(head, name) is kind


@pytest.mark.shared
def test_shared_eval_files_read_without_rejections() -> None:
    """The project's real JSONL inputs (../shared/eval) all read as articles."""
    path = Path(__file__).parents[2] / "shared" / "eval" / "news_dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found (../shared beside the repo is absent)")
    out = list(read_inputs([str(path)]))
    assert out and not rejections(out)
    assert all(a.published_source is PublishedSource.METADATA for a in articles(out))
