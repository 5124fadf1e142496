"""The ``eventwatch`` command. Each subcommand parses arguments, calls one library function, formats the result."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence, TextIO

from .errors import EventwatchError
from .records import Result
from .settings import SETTINGS, load_settings

__all__ = ["main", "build_parser"]

_CODE_EXAMPLE = """examples:
  eventwatch code examples/damascus_bombing.txt --published 2012-01-07
  eventwatch code articles.jsonl --format csv > events.csv
  cat story.html | eventwatch code - --format geojson"""
_INGEST_EXAMPLE = """examples:
  eventwatch ingest ../shared/devset/*.jsonl --db events.duckdb"""
_EXPORT_EXAMPLE = """examples:
  eventwatch export --db events.duckdb --format parquet --output events.parquet
  eventwatch export --db events.duckdb --format csv > acled.csv"""
_CLUSTER_EXAMPLE = """examples:
  eventwatch cluster --db events.duckdb --max-days 2"""
_EVAL_EXAMPLE = """examples:
  eventwatch eval ../shared/devset/*.jsonl
  eventwatch eval ../shared/devset/*.jsonl --pred predictions.jsonl --json
  eventwatch eval ../shared/external/india_police_sents.jsonl --limit 3000"""


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (use YYYY-MM-DD)") from None


def _add_settings(parser: argparse.ArgumentParser, names: Sequence[str]) -> None:
    for setting in SETTINGS:
        if setting.name in names:
            parser.add_argument(setting.flag, dest=setting.name, default=None,
                                help=f"{setting.help} (env {setting.env}; default {setting.default})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventwatch", description="Code news reports of political violence into ACLED/CAMEO/PLOVER records.")
    sub = parser.add_subparsers(dest="command", required=True)

    code = sub.add_parser("code", help="code articles and print records", epilog=_CODE_EXAMPLE,
                          formatter_class=argparse.RawDescriptionHelpFormatter)
    code.add_argument("inputs", nargs="+", help="files, directories, JSONL files, URLs, or - for stdin")
    code.add_argument("--published", type=_date, help="publication date (YYYY-MM-DD) for plain inputs")
    code.add_argument("--format", choices=["jsonl", "json", "csv", "geojson"], default="jsonl")
    code.add_argument("--output", "-o", type=Path, help="write here instead of stdout")
    code.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    _add_settings(code, ["spacy_model", "batch_size", "n_process", "actors", "gazetteer_cache", "max_chars"])

    ingest = sub.add_parser("ingest", help="code articles and store them in DuckDB", epilog=_INGEST_EXAMPLE,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    ingest.add_argument("inputs", nargs="+")
    ingest.add_argument("--published", type=_date)
    ingest.add_argument("--quiet", "-q", action="store_true")
    _add_settings(ingest, ["db", "spacy_model", "batch_size", "n_process", "actors", "gazetteer_cache", "max_chars"])

    export = sub.add_parser("export", help="write stored records", epilog=_EXPORT_EXAMPLE,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    export.add_argument("--format", choices=["csv", "geojson", "jsonl", "json", "parquet", "plover"], default="jsonl")
    export.add_argument("--output", "-o", type=Path)
    _add_settings(export, ["db"])

    cluster = sub.add_parser("cluster", help="group stored events into cross-article incidents", epilog=_CLUSTER_EXAMPLE,
                             formatter_class=argparse.RawDescriptionHelpFormatter)
    cluster.add_argument("--max-days", type=int, default=2)
    cluster.add_argument("--threshold", type=float, default=0.6)
    _add_settings(cluster, ["db"])

    evaluate = sub.add_parser("eval", help="score against gold annotations", epilog=_EVAL_EXAMPLE,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    evaluate.add_argument("gold", nargs="+", type=Path)
    evaluate.add_argument("--pred", type=Path, help="predictions JSONL (default: code the gold articles now)")
    evaluate.add_argument("--json", action="store_true", help="print only JSON")
    evaluate.add_argument("--check-floors", action="store_true", help="exit 1 when a score is below its pinned floor")
    evaluate.add_argument("--limit", type=int, help="score only the first N rows of a sentence-label file")
    evaluate.add_argument("--details", action="store_true",
                          help="also print, per article, missed and extra events and the fields that disagree")
    _add_settings(evaluate, ["spacy_model", "batch_size", "actors", "gazetteer_cache"])
    return parser


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    return {s.name: getattr(args, s.name) for s in SETTINGS if getattr(args, s.name, None) is not None}


def _progress(items: Iterable[Result], *, enabled: bool) -> Iterator[Result]:
    if not enabled:
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, unit="article", file=sys.stderr, leave=False)


def _show_progress(args: argparse.Namespace) -> bool:
    return not args.quiet and sys.stderr.isatty()


def _coded(args: argparse.Namespace) -> Iterator[Result]:
    from .ingest import read_inputs
    from .pipeline import Pipeline

    settings = load_settings(_overrides(args))
    pipeline = Pipeline(settings=settings)
    items = read_inputs(args.inputs, published=args.published, max_chars=settings.max_chars)
    return _progress(pipeline.code_many(items), enabled=_show_progress(args))


def _open_out(path: Path | None) -> TextIO:
    return open(path, "w", encoding="utf-8", newline="") if path else sys.stdout


def _cmd_code(args: argparse.Namespace) -> int:
    from . import export

    out = _open_out(args.output)
    try:
        if args.format == "jsonl":
            for result in _coded(args):
                out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                out.flush()
        else:
            export.FORMATS[args.format].write((r.to_dict() for r in _coded(args)), out)
    finally:
        if args.output:
            out.close()
    return 0


def _cmd_ingest(args: argparse.Namespace) -> int:
    from .store import Store

    settings = load_settings(_overrides(args))
    with Store(settings.db) as store:
        report = store.write(_coded(args))
    print(f"stored in {settings.db}: {report.articles} articles, {report.events} events, {report.claims} claims, "
          f"{report.statements} statements, {report.skipped} skipped", file=sys.stderr)
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from . import export
    from .store import Store

    settings = load_settings(_overrides(args))
    with Store(settings.db, read_only=True) as store:
        rows = list(store.results())
    if export.FORMATS[args.format].to_path:
        if not args.output:
            raise EventwatchError("parquet needs --output FILE", hint="eventwatch export --format parquet -o events.parquet")
        export.FORMATS[args.format].write(rows, args.output)
        return 0
    out = _open_out(args.output)
    try:
        export.FORMATS[args.format].write(rows, out)
    finally:
        if args.output:
            out.close()
    return 0


def _cmd_cluster(args: argparse.Namespace) -> int:
    from .cluster import cluster_events
    from .store import Store

    settings = load_settings(_overrides(args))
    with Store(settings.db) as store:
        incidents = cluster_events(store.results(), max_days=args.max_days, threshold=args.threshold)
        store.write_incidents(incidents)
    multi = sum(1 for i in incidents if len(i.article_ids) > 1)
    print(f"{len(incidents)} incidents ({multi} reported by more than one article)", file=sys.stderr)
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from .evaluation_run import run_eval

    settings = load_settings(_overrides(args))
    return run_eval(args.gold, pred=args.pred, settings=settings, as_json=args.json,
                    check_floors=args.check_floors, limit=args.limit, details=args.details)


_COMMANDS = {"code": _cmd_code, "ingest": _cmd_ingest, "export": _cmd_export, "cluster": _cmd_cluster, "eval": _cmd_eval}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except EventwatchError as exc:
        print(f"eventwatch: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
