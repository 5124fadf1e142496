"""The PLOVER sentence scorer on hand-made rows and predictions."""
from eventwatch.evaluate_plover import evaluate_plover, format_plover, is_plover_file


def _row(text, event, actor="Ruritania"):
    return {"id": text[:10], "text": text, "event": event, "mode": None, "actor": [{"actorText": actor}], "recipient": []}


ROWS = [
    _row("Ruritania accused Freedonia of shelling.", "DISAPPROVE"),
    _row("Ruritania demanded the release of the envoy.", "DEMAND"),
    _row("Ruritania rejected the offer.", "REJECT"),
    _row("Rebels stormed the town.", "FIGHT", actor="Rebels"),
]
PREDICTED = {
    ROWS[0]["text"]: [{"type": "ACCUSE", "source": "Government of Ruritania"}],
    ROWS[1]["text"]: [{"type": "THREATEN", "source": "Ruritania"}],
    ROWS[2]["text"]: [{"type": "REJECT", "source": "Freedonia"}],
    ROWS[3]["text"]: [{"type": "REJECT", "source": "Rebels"}],
}


def test_recognises_plover_rows_only():
    assert is_plover_file(ROWS[0])
    assert not is_plover_file({"id": "a", "text": "x", "events": [], "statements": []})
    assert not is_plover_file({"text": "x", "labels": {"KILL": True}})


def test_per_type_precision_recall_with_plover_names_mapped():
    report = evaluate_plover(ROWS, lambda text: PREDICTED[text])
    assert report["types"]["ACCUSE"]["tp"] == 1 and report["types"]["ACCUSE"]["precision"] == 1.0
    assert report["types"]["REQUEST"]["recall"] == 0.0
    assert report["types"]["REJECT"]["precision"] == 0.5  # one right, one on a FIGHT sentence
    assert report["verbal"]["tp"] == 2
    assert report["source_right"] == 0.5  # Ruritania found for the accusation, not for the rejection
    assert ["FIGHT", "REJECT", 1] in report["confusions"]
    assert "REJECT" in format_plover(report)
