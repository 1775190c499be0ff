"""Benchmark: full extraction (``extract_document``, every step) on ~700-word articles.

Runs on one core (the process is pinned to one CPU and BLAS/OpenMP threads to 1
before anything is imported) and times each article with ``time.process_time()``
(CPU time of this process), so that other work on a shared machine does not count.
Prints articles per second (from the CPU time), wall-clock articles per second,
the median and 90th percentile per article, CPU time per step (``analyze`` =
sentence splitting, then entities, geocode, sectors, events, commitments) and the
peak resident memory. Warm-up articles (model loading, first gazetteer look-ups)
are not counted.

By default the articles are generated from sentence templates written for this
benchmark (names, offices, places and organisations drawn at random), so that the
figure does not depend on any third-party text. ``--input FILE.jsonl`` measures on
documents read at run time instead (``body`` or ``text``, optional ``captions``,
``language``, ``published``), e.g. a corpus's gold records.

Usage::

    .venv/bin/python bench/bench_extract.py [--articles 60] [--words 700] [--seed 1]
    .venv/bin/python bench/bench_extract.py --input corpus/gold.jsonl [--language en]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402

from passerelle import registry  # noqa: E402
from passerelle.extract import STEPS, components_for, load_builtins  # noqa: E402
from passerelle.extract.base import analyze  # noqa: E402
from passerelle.records import Document  # noqa: E402

_PEOPLE = ["Nguyen Van Long", "Tran Thi Mai", "Claire Dubois", "Marc Lefebvre", "Le Quang Huy",
           "Sophie Martin", "Pham Duc Anh", "Jean-Luc Bernard", "Hoang Thi Thu", "Paul Girard"]
_ROLES = ["Mayor", "Deputy Mayor", "Governor", "Vice Chairman", "President", "Consul General"]
_FR_PLACES = ["Bordeaux", "Toulouse", "Nantes", "Lyon", "Lille", "Montpellier", "Rennes", "Brest"]
_VN_PLACES = ["Da Nang", "Hue", "Can Tho", "Hai Phong", "Quang Ninh", "Lam Dong", "Hanoi"]
_ORGS = ["Orion Robotics", "Atlantic Seafood Group", "the University of Nantes",
         "the French Development Agency (AFD)", "the Chamber of Commerce and Industry"]
_SECTORS = ["tourism", "education", "renewable energy", "seafood processing", "aerospace",
            "urban planning", "health care", "climate change response", "digital technology"]
_TEMPLATES = [
    "Vietnamese Ambassador to France {p1} paid a working visit to {fr} from March {d}-{d2}.",
    "During the visit, Ambassador {s1} met {role} of {fr} {p2} to discuss {sec} and {sec2}.",
    "{p2} said the city hoped to strengthen cooperation with {vn} in {sec}.",
    "The two sides agreed to expand exchanges in {sec}, especially for young people.",
    "At {org}, the delegation learned about projects in {sec} and {sec2}.",
    "{s1} invited local businesses to explore investment opportunities in {vn}.",
    "Chairman of the People's Committee of {vn} province {p3} welcomed the French guests.",
    "The Ambassador stressed that Vietnam and France share a long history of friendship.",
    "Mr. {p2} expressed his wish to establish a sister city relationship with {vn}.",
    "Representatives of {org} presented their plans for {sec} in the region.",
    "{s3} proposed that both localities sign a cooperation agreement next year.",
    "The meeting in {fr} was an opportunity to review twenty years of cooperation.",
]


def _sentence(rng: random.Random) -> str:
    p1, p2, p3 = rng.sample(_PEOPLE, 3)
    return rng.choice(_TEMPLATES).format(
        p1=p1, p2=p2, p3=p3, s1=p1.split()[-1], s3=p3.split()[-1], role=rng.choice(_ROLES),
        fr=rng.choice(_FR_PLACES), vn=rng.choice(_VN_PLACES), org=rng.choice(_ORGS),
        sec=rng.choice(_SECTORS), sec2=rng.choice(_SECTORS), d=rng.randint(1, 9),
        d2=rng.randint(10, 20),
    )


def make_article(rng: random.Random, words: int) -> str:
    """A generated article of about ``words`` words, in paragraphs of three sentences."""
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < words:
        sentences.append(_sentence(rng))
    paras = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    return "\n\n".join(paras)


def generated(n: int, words: int, seed: int) -> list[Document]:
    """``n`` generated English articles of about ``words`` words."""
    rng = random.Random(seed)
    return [Document(f"b{i}", make_article(rng, words), language="en", published="2025-03-10")
            for i in range(n)]


def from_jsonl(path: str, language: str | None) -> list[Document]:
    """Documents of a JSONL file (``body`` or ``text``), optionally of one language only."""
    docs = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            rec = json.loads(line)
            lang = rec.get("language") or "en"
            if language and lang != language:
                continue
            docs.append(Document(str(rec.get("id", i)), rec.get("body") or rec.get("text") or "",
                                 captions=list(rec.get("captions") or []), language=lang,
                                 published=rec.get("published")))
    return docs


def run(docs: list[Document], warmup: list[Document]) -> dict[str, float]:
    """Extract ``docs`` after ``warmup``; return the measured figures."""
    load_builtins()
    for doc in warmup:
        _extract(doc, defaultdict(float))
    per_step: dict[str, float] = defaultdict(float)
    cpu: list[float] = []
    wall = time.perf_counter()
    for doc in docs:
        t = time.process_time()
        _extract(doc, per_step)
        cpu.append(time.process_time() - t)
    wall = time.perf_counter() - wall
    n, total = len(docs), sum(cpu)
    total_words = sum(len(d.body.split()) for d in docs)
    out = {"articles": n, "words_per_article": total_words / n, "cpu_seconds": total,
           "articles_per_s": n / total, "words_per_s": total_words / total,
           "wall_articles_per_s": n / wall, "median_ms": statistics.median(cpu) * 1000,
           "p90_ms": sorted(cpu)[int(0.9 * (n - 1))] * 1000,
           "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    out.update({f"step_{k}_ms": v * 1000 / n for k, v in per_step.items()})
    return out


def _extract(doc: Document, per_step: dict[str, float]) -> None:
    """``extract_document`` step by step, adding each step's CPU time to ``per_step``."""
    t = time.process_time()
    analysis = analyze(doc)
    per_step["analyze"] += time.process_time() - t
    steps = components_for(doc.language)
    for step in STEPS:
        name = steps.get(step)
        if name:
            t = time.process_time()
            registry.get(name)(analysis)
            per_step[step] += time.process_time() - t


def _pin_one_core() -> None:
    """Run on one CPU (the first this process may use), where the OS allows it."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=60, help="generated articles")
    parser.add_argument("--words", type=int, default=700, help="words per generated article")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--input", help="JSONL of documents to use instead of generated ones")
    parser.add_argument("--language", help="with --input: only documents of this language")
    parser.add_argument("--all-cores", action="store_true", help="do not pin to one CPU")
    args = parser.parse_args(argv)
    if not args.all_cores:
        _pin_one_core()
    if args.input:
        docs = from_jsonl(args.input, args.language)
    else:
        docs = generated(args.articles, args.words, args.seed)
    if not docs:
        parser.error("no documents to extract")
    figures = run(docs, generated(3, args.words, args.seed + 1000))
    for key, value in figures.items():
        print(f"{key:>22}: {value:,.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
