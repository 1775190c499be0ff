"""Throughput of ingest: generate pages, run ``read_sources`` over them, report speed.

Usage::

    .venv/bin/python bench/bench_ingest.py [--n 5000] [--extraction-benchmark PATH]

Half of the generated pages are scraped-text pages (title, stamp, captions with
credits, placeholders, a Source line, navigation and a headline tail), half are HTML
pages with a lead paragraph outside the article. No database, no network. With
``--extraction-benchmark`` it also scores ``clean_html`` on the article-extraction
benchmark (word 4-gram shingle F1, as SCORING.md measures bodies).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from passerelle.ingest import Loaded, read_sources  # noqa: E402
from passerelle.ingest.html import clean_html  # noqa: E402
from passerelle.ingest.quality import body_scores  # noqa: E402

CITIES = ["Lyon", "Nantes", "Rennes", "Lille", "Bordeaux", "Dresden", "Kobe", "Osaka", "Brest"]
PROVINCES = ["Hue", "Da Nang", "Can Tho", "Hai Phong", "Quang Ninh", "Lao Cai", "Nghe An"]
TOPICS = ["heritage", "tourism", "vocational training", "water supply", "public health",
          "urban transport", "renewable energy", "agriculture", "higher education"]
SENTENCES = [
    "The mayor of {city} received a delegation of {prov} province on {day}.",
    "Both sides reviewed ten years of cooperation in {topic} and agreed on new projects.",
    "The chairman of {prov} said the province hoped to sign a friendship charter with {city}.",
    "{city} proposed to send experts in {topic} to {prov} for two months next year.",
    "The delegation visited a training centre and a museum in the old town of {city}.",
    "Officials of {prov} invited the mayor to visit the province during its spring festival.",
]


def _story(rng: random.Random) -> tuple[str, list[str]]:
    city, prov = rng.choice(CITIES), rng.choice(PROVINCES)
    paragraphs = []
    for _ in range(rng.randint(5, 9)):
        picked = rng.sample(SENTENCES, 3)
        paragraphs.append(" ".join(s.format(city=city, prov=prov, topic=rng.choice(TOPICS),
                                            day=rng.choice(["Monday", "Friday"])) for s in picked))
    return f"{city} and {prov} widen their cooperation in {rng.choice(TOPICS)}", paragraphs


def _text_page(rng: random.Random, n: int) -> str:
    title, paras = _story(rng)
    lines = [title, "", f"Example Daily{rng.randint(1, 28):02d}/0{rng.randint(1, 9)}/2024", ""]
    for i, p in enumerate(paras):
        lines += [p, ""]
        if i == 1:
            lines += [f"{title} photo 1", "", "Officials at the meeting. (Photo: PEN)", ""]
    lines += [f"Source: https://example.org/p/{n}.html", "", "Comment (0)", "Same tag",
              "Rice harvest starts early in the delta", "A new ferry links two islands"]
    return "\n".join(lines)


def _html_page(rng: random.Random, n: int) -> str:
    title, paras = _story(rng)
    body = "".join(f"<p>{p}</p>" for p in paras[1:])
    return (f"<!DOCTYPE html><html><head><title>{title}</title>"
            f'<link rel="canonical" href="https://example.org/h/{n}.html"></head><body>'
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><h1>{title}</h1>"
            f'<p class="sapo">{paras[0]}</p><article>{body}</article>'
            f"<footer>Contact - Terms</footer></body></html>")


def generate(folder: Path, n: int, seed: int = 7) -> None:
    """Write ``n`` pages (alternately text and HTML) into ``folder``."""
    rng = random.Random(seed)
    for i in range(n):
        if i % 2:
            (folder / f"page{i:05d}.html").write_text(_html_page(rng, i), encoding="utf-8")
        else:
            (folder / f"page{i:05d}.txt").write_text(_text_page(rng, i), encoding="utf-8")


def run_throughput(n: int) -> dict:
    """Generate ``n`` pages in a temporary folder and time ``read_sources`` over them."""
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), n)
        start = time.perf_counter()
        items = [isinstance(item, Loaded) for item in read_sources([tmp])]
        loaded, failed = sum(items), len(items) - sum(items)
        seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"pages": n, "loaded": loaded, "failed": failed, "seconds": round(seconds, 2),
            "docs_per_second": round(loaded / seconds, 1), "peak_rss_mb": round(peak_mb, 1)}


def run_extraction_benchmark(folder: Path) -> dict:
    """Body precision/recall/F1 of ``clean_html`` on the article-extraction benchmark."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pairs = []
    for key, item in sorted(truth.items()):
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        try:
            body = clean_html(html.decode("utf-8", "replace"), url=item.get("url")).body
        except Exception:  # a page we cannot read scores as empty
            body = ""
        pairs.append((body, item["articleBody"]))
    p, r, f = body_scores(pairs)
    return {"pages": len(pairs), "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=5000, help="pages to generate (default 5000)")
    parser.add_argument("--extraction-benchmark", type=Path, default=None,
                        help="folder of article-extraction-benchmark (html/, ground-truth.json)")
    args = parser.parse_args(argv)
    print(json.dumps({"throughput": run_throughput(args.n)}))
    if args.extraction_benchmark:
        print(json.dumps({"extraction_benchmark": run_extraction_benchmark(
            args.extraction_benchmark)}))


if __name__ == "__main__":
    main()
