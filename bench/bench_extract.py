"""Benchmark: full extraction (``extract_document``, every step) on ~700-word articles.

Runs on one core (BLAS/OpenMP threads pinned to 1 before anything is imported),
prints articles per second, words per second, time per step and the peak resident
memory. The articles are generated from sentence templates written for this
benchmark (names, offices, places and organisations drawn at random), so that the
figure does not depend on any third-party text.

Usage::

    .venv/bin/python bench/bench_extract.py [--articles 60] [--words 700] [--seed 1]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402

from passerelle import registry  # noqa: E402
from passerelle.extract import components_for, load_builtins  # noqa: E402
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


def run(n: int, words: int, seed: int) -> dict[str, float]:
    """Extract ``n`` generated articles; return the measured figures."""
    rng = random.Random(seed)
    bodies = [make_article(rng, words) for _ in range(n)]
    load_builtins()
    steps = components_for("en")
    _extract(Document("warm", bodies[0], language="en"), steps, defaultdict(float))
    per_step: dict[str, float] = defaultdict(float)
    start = time.perf_counter()
    for i, body in enumerate(bodies):
        _extract(Document(f"b{i}", body, language="en", published="2025-03-10"), steps, per_step)
    elapsed = time.perf_counter() - start
    total_words = sum(len(b.split()) for b in bodies)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {"articles": n, "seconds": elapsed, "articles_per_s": n / elapsed,
           "words_per_s": total_words / elapsed, "peak_rss_mb": peak_mb}
    out.update({f"step_{k}_ms": v * 1000 / n for k, v in per_step.items()})
    return out


def _extract(doc: Document, steps: dict[str, str], per_step: dict[str, float]) -> None:
    analysis = analyze(doc)
    for step in ("entities", "geocode", "sectors", "events", "commitments"):
        name = steps.get(step)
        if name:
            t = time.perf_counter()
            registry.get(name)(analysis)
            per_step[step] += time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--words", type=int, default=700)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    figures = run(args.articles, args.words, args.seed)
    for key, value in figures.items():
        print(f"{key:>22}: {value:,.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
