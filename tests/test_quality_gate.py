"""The quality gate: dev-set scores must not fall below the pinned floors (DESIGN §7)."""
from pathlib import Path

import pytest

from eventwatch.evaluate import check_floors, default_gazetteer, evaluate, load_floors, load_gold
from eventwatch.evaluation_run import gold_articles
from eventwatch.pipeline import Pipeline

DEVSET = Path(__file__).resolve().parents[1].parent / "shared" / "devset"


@pytest.mark.slow
@pytest.mark.skipif(not DEVSET.is_dir(), reason="the shared dev set is not beside this checkout")
def test_dev_scores_hold_their_floors():
    gold = load_gold(sorted(DEVSET.glob("*.jsonl")))
    predictions = {r.article.id: r.to_dict() for r in Pipeline().code_many(gold_articles(gold))}
    report = evaluate(gold, predictions, gazetteer=default_gazetteer())
    assert check_floors(report, load_floors()) == [], report.table()
