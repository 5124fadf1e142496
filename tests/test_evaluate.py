"""Scoring coded output against gold: matching, field scores, claims, statements, floors, sentence labels."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from eventwatch.errors import EvalError
from eventwatch.evaluate import (
    LOWER_IS_BETTER,
    SCORE_NAMES,
    EvalReport,
    check_floors,
    evaluate,
    evaluate_sentences,
    is_sentence_label_file,
    load_floors,
    load_gold,
    load_predictions,
    normalise_place,
    pin_floors,
    save_floors,
)
from eventwatch.records import Place

ATTACK = "Gunmen attacked a police checkpoint in Homs on Monday, killing four officers, state media said."
MARCH = "Hundreds of protesters marched through central Hama after Friday prayers."
ACCUSE = "The opposition accused the army of shelling the town."
DENY = "Officials denied the claim."
TEXT = " ".join([ATTACK, MARCH, ACCUSE, DENY])


def gold_article() -> dict:
    return {
        "id": "t-1", "text": TEXT, "published": "2012-01-03",
        "events": [
            {"event_type": "Battles", "sub_event_type": "Armed clash", "date": "2012-01-02",
             "date_precision": "day", "location": "Homs", "location_detail": None, "admin1": "Homs",
             "country": "SY", "actor1": "Unidentified Armed Group (Syria)", "actor2": "Police Forces of Syria",
             "fatalities": {"min": 4, "max": 4}, "injured": None, "cluster": "homs-checkpoint",
             "claims": [
                 {"claimant": "state media", "claimant_type": "media", "about": "fatalities",
                  "min": 4, "max": 4, "quote": ATTACK},
                 {"claimant": "state media", "claimant_type": "media", "about": "attribution",
                  "min": None, "max": None, "quote": ATTACK},
             ],
             "evidence": ATTACK},
            {"event_type": "Protests", "sub_event_type": "Peaceful protest", "date": "2012-01-06",
             "date_precision": "day", "location": "Hama", "location_detail": None, "admin1": "Hama",
             "country": "SY", "actor1": "Protesters (Syria)", "actor2": None, "fatalities": None,
             "injured": None, "cluster": "hama-march", "claims": [], "evidence": MARCH},
        ],
        "statements": [
            {"type": "ACCUSE", "source": "Opposition (Syria)", "target": "Military Forces of Syria",
             "evidence": ACCUSE},
            {"type": "REJECT", "source": "Government of Syria", "target": None, "evidence": DENY},
        ],
    }


def span_of(sentence: str) -> list[int]:
    start = TEXT.index(sentence)
    return [start, start + len(sentence)]


def prediction_from(gold: dict) -> dict:
    """What a perfect coder would output for ``gold`` under the DESIGN §4 contract."""
    events = []
    for event in gold["events"]:
        predicted = copy.deepcopy(event)
        predicted.pop("cluster")
        predicted.update(modality="asserted", evidence_span=span_of(event["evidence"]))
        predicted["claims"] = [dict(c, about="killed") for c in event["claims"] if c["about"] == "fatalities"]
        events.append(predicted)
    statements = [dict(s, evidence_span=span_of(s["evidence"])) for s in gold["statements"]]
    return {"article": {"id": gold["id"]}, "skipped": None, "events": events, "statements": statements}


def score(gold: dict, prediction: dict | None, **kwargs: object) -> EvalReport:
    return evaluate([gold], {} if prediction is None else {gold["id"]: prediction}, **kwargs)


def test_perfect_prediction_scores_one_everywhere_it_is_measured() -> None:
    report = score(gold_article(), prediction_from(gold_article()))
    measured = {k: v for k, v in report.scores.items() if v is not None}
    assert set(measured) >= {"event_detection_f1", "sub_event_type", "place", "date", "actor2_lenient",
                             "fatalities_exact", "claims_f1", "statements_f1"}
    assert all(value == 1.0 for value in measured.values())
    assert report.counts["matched_events"] == 2 and report.counts["claims_recall"] == 1


def test_missing_event_lowers_recall_only() -> None:
    prediction = prediction_from(gold_article())
    del prediction["events"][1]
    report = score(gold_article(), prediction)
    assert report.scores["event_detection_recall"] == 0.5
    assert report.scores["event_detection_precision"] == 1.0
    assert report.per_article[0].notes[0].startswith("missed gold 1")


def test_extra_event_lowers_precision_only() -> None:
    prediction = prediction_from(gold_article())
    prediction["events"].append(dict(prediction["events"][0], location="Aleppo", evidence=DENY,
                                     evidence_span=span_of(DENY)))
    report = score(gold_article(), prediction)
    assert report.scores["event_detection_precision"] == pytest.approx(2 / 3)
    assert report.scores["event_detection_recall"] == 1.0


@pytest.mark.parametrize("modality", ["negated", "hypothetical", "future", "historical"])
def test_non_asserted_events_are_not_counted_as_detections(modality: str) -> None:
    prediction = prediction_from(gold_article())
    prediction["events"].append(dict(prediction["events"][0], modality=modality, evidence=ACCUSE,
                                     evidence_span=span_of(ACCUSE)))
    assert score(gold_article(), prediction).scores["event_detection_precision"] == 1.0


@pytest.mark.parametrize(("field", "wrong", "score_name"), [
    ("sub_event_type", "Government regains territory", "sub_event_type"),
    ("event_type", "Riots", "event_type"),
    ("country", "LB", "country"),
    ("admin1", "Idlib", "admin1"),
    ("location", "Aleppo", "place"),
    ("date", "2012-01-01", "date"),
    ("date_precision", "week", "date_precision"),
    ("actor1", "Military Forces of Syria", "actor1"),
    ("actor2", "Civilians (Syria)", "actor2_lenient"),
    ("fatalities", {"min": 4, "max": None}, "fatalities_exact"),
    ("fatalities", None, "fatalities_min_exact"),
    ("injured", {"min": 2, "max": 2}, "injured_exact"),
])
def test_wrong_field_lowers_its_accuracy_but_not_detection(field: str, wrong: object, score_name: str) -> None:
    prediction = prediction_from(gold_article())
    prediction["events"][0][field] = wrong
    report = score(gold_article(), prediction)
    assert report.scores[score_name] == 0.5
    assert report.scores["event_detection_f1"] == 1.0


@pytest.mark.parametrize(("gold_name", "predicted_name", "exact", "lenient"), [
    ("Protesters (Syria)", "Protesters (Egypt)", 0.5, 1.0),
    ("Military Forces of Syria", "Military Forces of Syria (2000-)", 0.5, 1.0),
    ("Police Forces of Syria", "Military Forces of Syria", 0.5, 0.5),
    ("ABC: Armed Brigades of the Coast", "Armed Brigades of the Coast", 0.5, 1.0),
    ("Police Forces of Syria", "police forces of  syria", 1.0, 1.0),
])
def test_lenient_actor_score_compares_categories(gold_name: str, predicted_name: str, exact: float,
                                                 lenient: float) -> None:
    gold = gold_article()
    gold["events"][0]["actor2"] = gold_name
    prediction = prediction_from(gold)
    prediction["events"][0]["actor2"] = predicted_name
    report = score(gold, prediction)
    assert (report.scores["actor2"], report.scores["actor2_lenient"]) == (exact, lenient)


@pytest.mark.parametrize(("variant", "canonical"), [
    ("Al-Qusayr", "Qusayr"), ("el-Arish", "Arish"), ("Homs Governorate", "Homs"), ("Idlib Province", "idlib"),
    ("Dar'a", "Dara"), ("Ḥamāh", "Hamah"), ("Deir al-Zour", "Deir Zour"), ("Rural  Damascus", "rural damascus"),
])
def test_place_spelling_variants_normalise_alike(variant: str, canonical: str) -> None:
    assert normalise_place(variant) == normalise_place(canonical)


def test_place_matches_location_detail_against_location() -> None:
    prediction = prediction_from(gold_article())
    prediction["events"][0].update(location="Damascus", location_detail="Homs")
    assert score(gold_article(), prediction).scores["place"] == 1.0


def test_gold_null_fields_are_not_scored() -> None:
    gold = gold_article()
    gold["events"][1]["date"] = None
    prediction = prediction_from(gold_article())
    report = score(gold, prediction)
    assert report.counts["date"] == 1 and report.scores["date"] == 1.0


def test_same_type_and_place_match_without_overlapping_evidence() -> None:
    prediction = prediction_from(gold_article())
    prediction["events"][1].update(evidence="", evidence_span=None)
    report = score(gold_article(), prediction)
    assert report.scores["event_detection_f1"] == 1.0


def test_evidence_string_locates_a_prediction_without_span() -> None:
    prediction = prediction_from(gold_article())
    prediction["events"][0].update(evidence_span=None, location="Aleppo")
    assert score(gold_article(), prediction).scores["event_detection_recall"] == 1.0


@pytest.mark.parametrize(("change", "precision", "recall"), [
    ({"claimant_type": "government"}, 0.0, 0.0),
    ({"min": 5, "max": 5}, 0.0, 0.0),
    ({"about": "injured"}, 0.0, 0.0),
    ({}, 1.0, 1.0),
])
def test_claims_compare_about_claimant_type_and_range(change: dict, precision: float, recall: float) -> None:
    prediction = prediction_from(gold_article())
    prediction["events"][0]["claims"][0].update(change)
    report = score(gold_article(), prediction)
    assert (report.scores["claims_precision"], report.scores["claims_recall"]) == (precision, recall)


def test_attribution_claims_are_not_scored_for_figures() -> None:
    report = score(gold_article(), prediction_from(gold_article()))
    assert report.counts["claims_recall"] == 1  # the attribution claim is left out


@pytest.mark.parametrize(("predicted_type", "sentence", "matched"), [
    ("ACCUSE", ACCUSE, True),
    ("ACCUSE", "The opposition accused the army", True),  # partial overlap is enough
    ("ACCUSE", DENY, False),  # right type, wrong sentence
    ("THREATEN", ACCUSE, False),  # right sentence, wrong type
])
def test_statement_matches_on_type_and_overlapping_evidence(predicted_type: str, sentence: str,
                                                            matched: bool) -> None:
    gold = gold_article()
    gold["statements"] = gold["statements"][:1]
    prediction = prediction_from(gold)
    prediction["statements"] = [{"type": predicted_type, "evidence": sentence, "evidence_span": span_of(sentence)}]
    assert score(gold, prediction).scores["statements_f1"] == (1.0 if matched else 0.0)


def test_events_predicted_for_an_empty_article_are_false_alarms() -> None:
    gold = dict(gold_article(), events=[])
    prediction = prediction_from(gold_article())
    report = score(gold, prediction)
    assert report.scores["false_events_per_empty_article"] == 2.0
    assert report.scores["empty_articles_clean"] == 0.0


@pytest.mark.parametrize("prediction", [None, {"article": {"id": "t-1"}, "skipped": "not English", "events": []}])
def test_missing_or_skipped_prediction_misses_every_event(prediction: dict | None) -> None:
    report = score(gold_article(), prediction)
    assert report.scores["event_detection_recall"] == 0.0
    assert report.scores["event_detection_precision"] is None


class FakeGazetteer:
    def lookup(self, name: str) -> list[Place]:
        places = {"Homs": [Place("Homs", "SY", 34.73, 36.71, population=650000)],
                  "Hama": [Place("Hama", "SY", 35.13, 36.75, population=700000)]}
        return places.get(name, [])


@pytest.mark.parametrize(("latitude", "longitude", "expected"), [
    (34.75, 36.70, 1.0),  # about 2 km away
    (33.51, 36.29, 0.5),  # Damascus, 140 km away
    (None, None, 0.5),  # no coordinates is a miss
])
def test_coordinates_within_25km_of_gold_place(latitude: float | None, longitude: float | None,
                                               expected: float) -> None:
    prediction = prediction_from(gold_article())
    prediction["events"][0].update(latitude=latitude, longitude=longitude)
    prediction["events"][1].update(latitude=35.13, longitude=36.75)
    report = score(gold_article(), prediction, gazetteer=FakeGazetteer())
    assert report.scores["coords_within_25km"] == expected


def test_coordinates_unscored_without_gazetteer() -> None:
    assert score(gold_article(), prediction_from(gold_article())).scores["coords_within_25km"] is None


@pytest.mark.parametrize(("labels", "f1"), [(["a", "b"], 1.0), (["a", "a"], 2 / 3), ([None, None], 2 / 3)])
def test_cluster_bcubed_when_predictions_carry_clusters(labels: list, f1: float) -> None:
    prediction = prediction_from(gold_article())
    for event, label in zip(prediction["events"], labels):
        event["cluster"] = label
    report = score(gold_article(), prediction)
    if labels[0] is None:
        assert report.scores["cluster_bcubed_f1"] is None
    else:
        assert report.scores["cluster_bcubed_f1"] == pytest.approx(f1)


def test_cluster_bcubed_from_an_incident_mapping() -> None:
    prediction = prediction_from(gold_article())
    for number, event in enumerate(prediction["events"]):
        event["id"] = f"e{number}"
    report = score(gold_article(), prediction, incidents={"e0": "inc-1", "e1": "inc-1"})
    assert report.scores["cluster_bcubed_precision"] == 0.5 and report.scores["cluster_bcubed_recall"] == 1.0


def test_table_and_json_list_every_score() -> None:
    report = score(gold_article(), prediction_from(gold_article()))
    table = report.table()
    assert all(name in table for name in SCORE_NAMES)
    assert set(report.to_json()) == {"scores", "counts"}
    assert json.loads(json.dumps(report.to_json(per_article=True)))["per_article"][0]["id"] == "t-1"


@pytest.mark.parametrize(("scores", "floors", "failed"), [
    ({"event_detection_f1": 0.5}, {"event_detection_f1": 0.6}, ["event_detection_f1"]),
    ({"event_detection_f1": 0.6}, {"event_detection_f1": 0.6}, []),
    ({"coords_within_25km": None}, {"coords_within_25km": 0.9}, []),  # unmeasured is not a regression
    ({"false_events_per_empty_article": 0.8}, {"false_events_per_empty_article": 0.5},
     ["false_events_per_empty_article"]),
    ({"false_events_per_empty_article": 0.2}, {"false_events_per_empty_article": 0.5}, []),
])
def test_check_floors_flags_regressions(scores: dict, floors: dict, failed: list) -> None:
    assert check_floors(EvalReport(scores=scores, counts={}), floors) == failed


def test_check_floors_rejects_unknown_score_names() -> None:
    with pytest.raises(EvalError, match="unknown"):
        check_floors(EvalReport(scores={"event_detection_f1": 1.0}, counts={}), {"event_f1": 0.5})


def test_shipped_floors_pin_the_headline_scores() -> None:
    floors = load_floors()
    assert set(floors) <= set(SCORE_NAMES)
    assert {"event_detection_f1", "event_type", "sub_event_type", "country", "date", "fatalities_exact",
            "claims_f1", "statements_f1", "false_events_per_empty_article"} <= set(floors)
    assert all(0.0 <= value <= 1.0 for value in floors.values())


def test_pinned_floors_round_trip_and_pass_on_the_same_run(tmp_path: Path) -> None:
    report = score(gold_article(), prediction_from(gold_article()))
    path = save_floors(pin_floors(report, margin=0.05), tmp_path / "floors.json", note="test run")
    floors = load_floors(path)
    assert floors["event_detection_f1"] == 0.95 and check_floors(report, floors) == []


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "not a JSON object"),
    ('{"id": "x", "events": [], "statements": []}', "'text'"),
    ('{"id": "x", "text": "t", "events": {}, "statements": []}', "must be lists"),
    ('{"id": "x", "text": "t", "events": [{"event_type": "Riots"}], "statements": []}', "evidence"),
    ('{"id": "s-1", "text": "Police arrested two men.", "labels": {"ARREST": true}}', "sentence-label"),
])
def test_load_gold_rejects_bad_lines_with_a_hint(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match=message) as caught:
        load_gold([path])
    assert caught.value.hint and "gold.jsonl:1" in caught.value.message


def test_load_gold_and_predictions_read_jsonl(tmp_path: Path) -> None:
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text(json.dumps(gold_article()) + "\n\n", encoding="utf-8")
    pred_path.write_text(json.dumps(prediction_from(gold_article())) + "\n", encoding="utf-8")
    report = evaluate(load_gold([gold_path]), load_predictions([pred_path]))
    assert report.scores["event_detection_f1"] == 1.0


@pytest.mark.parametrize(("line", "message"), [
    ('{"events": []}', "article.id"),
    ('{"article": {"id": "a"}, "events": {}}', "must be a list"),
])
def test_load_predictions_rejects_bad_lines_with_a_hint(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match=message) as caught:
        load_predictions([path])
    assert caught.value.hint


def test_load_gold_rejects_duplicate_ids(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text((json.dumps(gold_article()) + "\n") * 2, encoding="utf-8")
    with pytest.raises(EvalError, match="duplicate"):
        load_gold([path])


def labelled_sentence(number: int, text: str, *, kill: bool = False, arrest: bool = False) -> dict:
    return {"id": f"s-{number}", "text": text, "labels": {"KILL": kill, "ARREST": arrest, "ANY_ACTION": kill or arrest}}


SENTENCES = [
    labelled_sentence(1, "Police shot dead two rioters near the market.", kill=True),
    labelled_sentence(2, "Police arrested 12 men after the clashes.", arrest=True),
    labelled_sentence(3, "A mob burned shops and killed a shopkeeper."),
    labelled_sentence(4, "Officers detained a leader at his home.", arrest=True),
]


def keyword_predictor(text: str) -> set[str]:
    fired = set()
    if "killed" in text or "shot dead" in text:
        fired.add("KILL")
    if "arrested" in text:
        fired.add("ARREST")
    return fired


@pytest.mark.parametrize(("label", "precision", "recall", "support"), [
    ("KILL", 0.5, 1.0, 1),  # fires on the mob killing, which police did not do
    ("ARREST", 1.0, 0.5, 2),  # misses "detained"
])
def test_sentence_labels_scored_per_label(label: str, precision: float, recall: float, support: int) -> None:
    result = evaluate_sentences(SENTENCES, keyword_predictor)
    scores = result["labels"][label]
    assert (scores["precision"], scores["recall"], scores["support"]) == (precision, recall, support)
    assert result["sentences"] == 4


@pytest.mark.parametrize(("row", "expected"), [
    (SENTENCES[0], True),
    (gold_article(), False),
    ({"text": "x", "labels": {"KILL": "yes"}}, False),
    ({"text": "x", "labels": {}}, False),
])
def test_sentence_label_files_are_recognised(row: dict, expected: bool) -> None:
    assert is_sentence_label_file(row) is expected
