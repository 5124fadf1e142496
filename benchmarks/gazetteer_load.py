"""Gazetteer load benchmark: cold build, warm load, peak RSS, lookup and resolver throughput.

Targets (issue 4): warm ``load_s`` at most 1 s; resolver memory at most 400 MB (``peak_rss_mb`` is the whole
process after imports, index load and resolving; ``resolver_rss_mb`` is the part the resolver adds).

Each phase runs in a fresh interpreter so its peak RSS is its own. Usage::

    python benchmarks/gazetteer_load.py            # builds into a temporary directory (cold), then loads it (warm)
    python benchmarks/gazetteer_load.py --cache-dir ~/.cache/eventwatch --warm-only
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from eventwatch.resolve.gazetteer import Gazetteer
from eventwatch.resolve.places import PlaceResolver
rss_imports = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t1 = time.perf_counter()
gazetteer = Gazetteer.load(cache_dir=Path(sys.argv[1]))
t2 = time.perf_counter()
names = ["Homs", "Hama", "Deraa", "Idlib province", "Baghdad", "Mogadishu", "Police", "Kidal region", "Adhamiya", "Springfield"]
start = time.perf_counter()
for i in range(2000):
    gazetteer._lookup_uncached(names[i % len(names)])
lookup_us = (time.perf_counter() - start) / 2000 * 1e6
text = ("BEIRUT (AP) — Syrian forces shelled Homs and villages near Hama on Friday, activists said. "
        "A car bomb exploded in Adhamiya, a Baghdad district, and clashes hit Idlib province. ") * 10
resolver = PlaceResolver(gazetteer)
start = time.perf_counter()
for _ in range(20):
    focus = resolver.country_focus(text)
    resolver.find(text, focus=focus[:3])
find_ms = (time.perf_counter() - start) / 20 * 1000
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({
    "resolver_rss_mb": round(peak - rss_imports, 1),  # what the loaded index and resolver caches add
    "import_s": round(t1 - t0, 3), "load_s": round(t2 - t1, 3),
    "peak_rss_mb": round(peak, 1),
    "rss_after_imports_mb": round(rss_imports, 1), "lookup_us": round(lookup_us, 1),
    "find_ms_per_1900_chars": round(find_ms, 2), "index_mb": round(gazetteer.path.stat().st_size / 2**20, 1),
}))
"""


def _run(cache_dir: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(cache_dir)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", type=Path, default=None, help="index directory (default: a temporary one)")
    parser.add_argument("--warm-only", action="store_true", help="skip the cold build")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cache_dir = args.cache_dir or Path(tmp)
        if not args.warm_only:
            print("cold (build + load):", _run(cache_dir))
        print("warm (load):        ", _run(cache_dir))


if __name__ == "__main__":
    main()
