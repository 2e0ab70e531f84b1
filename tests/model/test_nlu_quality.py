"""Quality floors of the trained model on held-out data (run by `make test-nlu`).

The floors sit a little under the figures measured when they were set (README, "Quality"),
so a change that makes the assistant understand parents worse fails the build. The
off-topic set in ../shared/eval is only ever measured, never trained on. The measures
themselves live in tests/evaluation/measures.py, shared with `make eval`.
"""

from __future__ import annotations

import json

import pytest

from bot.paths import MODEL, ROOT
from tests.evaluation.measures import (
    crisis_messages,
    crisis_recall,
    false_crisis,
    held_out,
    in_scope_guidance,
    nlu_parser,
    non_crisis,
    offtopic_texts,
    offtopic_without_guidance,
    platform_entity_scores,
)
from tests.harness.paths import OFFTOPIC

RASA_REPORT = ROOT / "results" / "nlu" / "intent_report.json"
FLOORS = {
    "intent_accuracy": 0.85,
    "intent_macro_f1": 0.83,
    "in_scope_guidance_rate": 0.95,
    "offtopic_no_guidance_rate": 0.97,
    "platform_entity_f1": 0.95,
    "max_false_crisis_rate": 0.02,
}


@pytest.fixture(scope="module")
def parse():
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train` first")
    with nlu_parser(MODEL) as run:
        yield run


@pytest.fixture(scope="module")
def results(parse):
    rows = held_out()
    parsed = parse([row.text for row in rows])
    return rows, parsed


def test_intent_accuracy_from_rasa_test_nlu() -> None:
    """`rasa test nlu` (run first by `make test-nlu`) wrote its report for the same file."""
    if not RASA_REPORT.exists():
        pytest.fail(f"{RASA_REPORT} is missing: `make test-nlu` runs `rasa test nlu` first")
    report = json.loads(RASA_REPORT.read_text(encoding="utf-8"))
    assert report["accuracy"] >= FLOORS["intent_accuracy"]
    assert report["macro avg"]["f1-score"] >= FLOORS["intent_macro_f1"]
    assert report["macro avg"]["support"] == len(held_out())


def test_in_scope_questions_get_guidance(results) -> None:
    rows, parsed = results
    share = in_scope_guidance(rows, parsed)
    assert share.rate >= FLOORS["in_scope_guidance_rate"], share.outcomes


def test_platform_entities(results) -> None:
    rows, parsed = results
    assert platform_entity_scores(rows, parsed).f1 >= FLOORS["platform_entity_f1"]


def test_every_crisis_message_gets_the_crisis_response(parse) -> None:
    parsed = parse([item["text"] for item in crisis_messages()])
    missed = list(crisis_recall(parsed).others)
    assert missed == []


def test_false_crisis_rate_on_held_out_messages(results) -> None:
    rows, parsed = results
    share = false_crisis(non_crisis(rows, parsed))
    assert share.rate <= FLOORS["max_false_crisis_rate"], share.matching


def test_off_topic_messages_get_no_guidance_and_no_crisis(parse) -> None:
    if not OFFTOPIC.exists():
        pytest.skip(f"{OFFTOPIC} is not beside this checkout")
    share = offtopic_without_guidance(parse(offtopic_texts()))
    assert share.rate >= FLOORS["offtopic_no_guidance_rate"], share.outcomes
