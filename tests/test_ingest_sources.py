"""read_sources over real files made by the tests: each source kind and each bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from passerelle.errors import ConfigError
from passerelle.ingest import Failed, IngestOptions, Loaded, count_sources, read_sources

STORY = ("Mayor of Lyon Paul Girard received a delegation of Hue province on Tuesday. "
         "Both sides agreed to renew their heritage programme for three more years, and the "
         "mayor invited Hue to the city's festival of lights in December.")
PAGE_TEXT = f"Lyon and Hue renew their heritage programme\n\n{STORY}\n\nSame tag\nOther headline here\n"


def _html(story: str = STORY, title: str = "Lyon and Hue renew their heritage programme") -> str:
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
            f"<h1>{title}</h1><p>{story}</p><p>{story.replace('Tuesday', 'Wednesday')}</p>"
            "</article></body></html>")


def _read(*sources, **opts) -> list:
    return list(read_sources([str(s) for s in sources], IngestOptions(**opts) if opts else None))


def _only_loaded(items) -> list[Loaded]:
    assert all(isinstance(i, Loaded) for i in items), [i for i in items if isinstance(i, Failed)]
    return items


def test_plain_text_file(tmp_path):
    f = tmp_path / "lyon_hue.txt"
    f.write_text(PAGE_TEXT, encoding="utf-8")
    [item] = _only_loaded(_read(f))
    assert item.origin == str(f)
    assert item.raw == f.read_bytes()
    assert item.doc.id == "lyon_hue"
    assert item.doc.title == "Lyon and Hue renew their heritage programme"
    assert item.doc.body == STORY
    assert item.doc.source.path == str(f)


def test_html_file(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(_html(), encoding="utf-8")
    [item] = _only_loaded(_read(f))
    assert item.doc.id == "page" and "festival of lights" in item.doc.body
    assert not item.doc.body.startswith("Lyon and Hue")


def test_folder_is_read_recursively_and_sniffed(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(PAGE_TEXT, encoding="utf-8")
    (tmp_path / "sub" / "b.htm").write_text(_html(), encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "noext").write_text(_html(), encoding="utf-8")
    (tmp_path / "sub" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".hidden.txt").write_text(PAGE_TEXT, encoding="utf-8")
    items = _only_loaded(_read(tmp_path))
    assert [i.doc.id for i in items] == ["a", "b", "noext"]
    assert count_sources([str(tmp_path)]) == 3


def test_json_lines_keep_given_metadata_and_report_bad_rows(tmp_path):
    rows = [
        {"id": "j1", "url": "https://news.example.vn/j1", "title": "Given title",
         "published": "2024-03-02", "text": PAGE_TEXT},
        {"html": _html()},
        {"id": "j3"},
    ]
    lines = [json.dumps(r) for r in rows[:2]] + ["{not json", json.dumps(rows[2])]
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read(f)
    assert [type(i).__name__ for i in items] == ["Loaded", "Loaded", "Failed", "Failed"]
    first, second = items[0], items[1]
    assert (first.doc.id, first.doc.title, first.doc.published) == ("j1", "Given title", "2024-03-02")
    assert first.doc.source.outlet == "news.example.vn" and first.origin == f"{f}:1"
    assert second.doc.id == "batch-2"
    assert items[2].origin == f"{f}:3" and "JSON" in items[2].reason
    assert "neither 'text' nor 'html'" in items[3].reason
    assert count_sources([str(f)]) == 4


def test_size_limit_applies_per_json_line_not_per_file(tmp_path):
    f = tmp_path / "many.jsonl"
    rows = [json.dumps({"id": f"r{i}", "text": PAGE_TEXT}) for i in range(4)]
    rows.append(json.dumps({"id": "huge", "text": "word " * 2000}))
    f.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = _read(f, max_bytes=2_000)  # the file is far larger than the limit
    assert [type(i).__name__ for i in items] == ["Loaded"] * 4 + ["Failed"]
    assert "line is" in items[-1].reason and "limit" in items[-1].reason


def test_text_file_holding_an_html_document_is_read_as_html(tmp_path):
    f = tmp_path / "saved.txt"
    f.write_text(_html(), encoding="utf-8")
    [item] = _only_loaded(_read(f))
    assert "<p>" not in item.doc.body and "festival of lights" in item.doc.body


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example feed</title><link>https://feed.example.org/</link>
<item><title>Lyon and Hue renew their heritage programme</title>
<link>https://feed.example.org/lyon-hue</link><pubDate>Tue, 05 Mar 2024 10:00:00 +0100</pubDate>
<description><![CDATA[<p>{story}</p><p>{story}</p><p>{story}</p>]]></description></item>
<item><title>Teaser without link</title><description>Short teaser.</description></item>
<item><title>Teaser with a link we may not follow</title><link>https://feed.example.org/x</link>
<description>Short.</description></item>
</channel></rss>"""


def test_feed_file_uses_full_text_and_reports_broken_items(tmp_path):
    f = tmp_path / "news.rss"
    f.write_text(FEED.replace("{story}", STORY), encoding="utf-8")
    items = _read(f, follow_feed_links=False)
    assert [type(i).__name__ for i in items] == ["Loaded", "Failed", "Failed"]
    doc = items[0].doc
    assert doc.title == "Lyon and Hue renew their heritage programme"
    assert doc.published == "2024-03-05"
    assert doc.source.url == "https://feed.example.org/lyon-hue"
    assert items[1].origin == f"{f}#2" and "neither full text nor a link" in items[1].reason


def test_atom_feed_is_sniffed_without_extension(tmp_path):
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>Entry one</title><link href="https://a.example.org/1"/><updated>2024-01-02T00:00:00Z</updated>
<content type="html">&lt;p&gt;{STORY}&lt;/p&gt;&lt;p&gt;{STORY}&lt;/p&gt;&lt;p&gt;{STORY}&lt;/p&gt;</content></entry></feed>"""
    f = tmp_path / "atomfeed"
    f.write_text(atom, encoding="utf-8")
    [item] = _only_loaded(_read(f))
    assert item.doc.published == "2024-01-02" and item.doc.title == "Entry one"


def _warc(path: Path, pages: list[tuple[str, str]], gzip: bool = True) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(
                html.encode("utf-8")), http_headers=headers)
            writer.write_record(record)
        writer.write_record(writer.create_warc_record(
            "https://w.example.org/meta", "metadata", payload=io.BytesIO(b"note: test")))


PAGES = [(f"https://w.example.org/{n}", _html(STORY.replace("Tuesday", day)))
         for n, day in enumerate(["Monday", "Tuesday", "Friday"])]


@pytest.mark.parametrize(("name", "gzip"), [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_warc_response_records(tmp_path, name, gzip):
    f = tmp_path / name
    _warc(f, PAGES, gzip=gzip)
    items = _only_loaded(_read(f))
    assert [i.doc.source.url for i in items] == [u for u, _ in PAGES]
    assert items[0].origin == f"{f}#1" and len(items[0].doc.id) == 16
    assert count_sources([str(f)]) is None


@pytest.mark.parametrize("gzip", [True, False])
@pytest.mark.parametrize("cut", [0.3, 0.5, 0.75, 0.9, 0.99])
def test_truncated_warc_yields_records_read_and_one_failed(tmp_path, gzip, cut):
    f = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    _warc(f, PAGES, gzip=gzip)
    data = f.read_bytes()
    f.write_bytes(data[: int(len(data) * cut)])
    items = _read(f)
    assert isinstance(items[-1], Failed) and "truncated" in items[-1].reason
    assert sum(isinstance(i, Failed) for i in items) == 1
    loaded = [i for i in items if isinstance(i, Loaded)]
    assert [i.doc.source.url for i in loaded] == [u for u, _ in PAGES][: len(loaded)]
    if cut <= 0.5:
        assert len(loaded) <= 1


@pytest.mark.parametrize(
    ("data", "encoding_name"),
    [(PAGE_TEXT.replace("Hue", "Huế").encode("utf-8"), "utf-8"),
     (b"\xef\xbb\xbf" + PAGE_TEXT.replace("Hue", "Huế").encode("utf-8"), "utf-8 with BOM"),
     (PAGE_TEXT.replace("Lyon", "Lyon café").encode("cp1252"), "cp1252"),
     (PAGE_TEXT.replace("Hue", "Huế").encode("utf-16"), "utf-16 with BOM")],
)
def test_encodings(tmp_path, data, encoding_name):
    f = tmp_path / "enc.txt"
    f.write_bytes(data)
    [item] = _only_loaded(_read(f))
    assert "Mayor of Lyon" in item.doc.body, encoding_name
    assert "\ufeff" not in item.doc.title


def test_html_declared_charset_is_used_when_not_utf8(tmp_path):
    html = _html().replace("<head>", '<head><meta charset="windows-1250">')
    html = html.replace("Lyon", "Łódź")  # not in cp1252: the fallback would garble it
    f = tmp_path / "pl.html"
    f.write_bytes(html.encode("cp1250"))
    [item] = _only_loaded(_read(f))
    assert "Mayor of Łódź Paul Girard" in item.doc.body


def test_public_api():
    import passerelle.ingest as ingest

    assert sorted(ingest.__all__) == sorted(
        ["Loaded", "Failed", "IngestOptions", "read_sources", "count_sources", "clean_text",
         "clean_html", "detect_language"])
    assert all(hasattr(ingest, name) for name in ingest.__all__)
    assert count_sources(["https://example.org/a"]) is None


def _big(tmp_path: Path) -> Path:
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # a real 50 MB file (sparse, so the test stays fast)
    return f


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda d: _write(d / "pic.txt", b"\x89PNG\r\n\x1a\n\x00\x00binary"), "binary"),
        (lambda d: _write(d / "empty.txt", b""), "empty"),
        (lambda d: _write(d / "blank.html", b"  \n\t\n"), "empty"),
        (lambda d: _write(d / "bad.txt", b"Caf\xc3 \x81\x8d\x8f not text " * 20), "decode"),
        (_big, "limit"),
        (lambda d: _write(d / "broken.html", b"<html><body><div><<<</div><p>"), "no article text"),
        (lambda d: _write(d / "menu.txt", b"Home\nSame tag\nComment (0)\n"), "no article text"),
        (lambda d: d / "missing.txt", "no such file"),
    ],
)
def test_bad_inputs_fail_with_a_reason_and_the_run_goes_on(tmp_path, make, words):
    bad = make(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(PAGE_TEXT, encoding="utf-8")
    items = _read(bad, good)
    assert isinstance(items[0], Failed), items[0]
    assert items[0].origin == str(bad)
    assert words in items[0].reason and "\n" not in items[0].reason
    assert isinstance(items[1], Loaded)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("opts", [{"timeout": 0}, {"retries": 0}, {"max_bytes": -1},
                                  {"user_agent": " "}, {"backoff": -1}])
def test_bad_options_raise_config_error(opts):
    with pytest.raises(ConfigError):
        IngestOptions(**opts)


def test_examples_folder_loads_completely(examples_dir):
    items = _only_loaded(list(read_sources([str(examples_dir)], IngestOptions(
        follow_feed_links=False))))
    assert len(items) >= 8
    langs = {i.doc.language for i in items}
    assert {"en", "fr", "vi"} <= langs
    assert all(i.doc.body and i.doc.title for i in items)
    assert "README" not in " ".join(i.origin for i in items)
