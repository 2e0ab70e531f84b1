"""Quality floors of the trained model on held-out data (run by `make test-nlu`).

The floors sit a little under the figures measured when they were set (README, "Quality"),
so a change that makes the assistant understand parents worse fails the build. The
off-topic set in ../shared/eval is only ever measured, never trained on.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest
import yaml

from bot.answering import runner_up_topic
from bot.intents import PLATFORM_SAFETY_INTENT, is_guidance_intent, topic_for_intent

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "parental.tar.gz"
NLU_TESTS = ROOT / "tests" / "nlu" / "test_nlu.yml"
CRISIS = ROOT / "tests" / "safety" / "crisis_messages.yml"
OFFTOPIC = ROOT.parent / "shared" / "eval" / "offtopic_dev.jsonl"
pytestmark = pytest.mark.model

RASA_REPORT = ROOT / "results" / "nlu" / "intent_report.json"
FLOORS = {
    "intent_accuracy": 0.85,
    "intent_macro_f1": 0.83,
    "in_scope_guidance_rate": 0.95,
    "offtopic_no_guidance_rate": 0.97,
    "platform_entity_f1": 0.95,
    "max_false_crisis_rate": 0.02,
}
_ANNOTATION = re.compile(r"\[([^\]]+)\]\{\"entity\": \"platform\", \"value\": \"([a-z0-9_]+)\"\}")


def held_out() -> List[Tuple[str, str, List[str]]]:
    """(intent, plain text, annotated platform ids) for each held-out example."""
    rows = []
    for block in yaml.safe_load(NLU_TESTS.read_text(encoding="utf-8"))["nlu"]:
        for line in block.get("examples", "").splitlines():
            if line.strip().startswith("- "):
                raw = line.strip()[2:]
                platforms = [value for _, value in _ANNOTATION.findall(raw)]
                rows.append((block["intent"], _ANNOTATION.sub(r"\1", raw), platforms))
    return rows


@pytest.fixture(scope="module")
def parse():
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train` first")
    from rasa.core.agent import Agent

    agent = Agent.load(str(MODEL))
    loop = asyncio.new_event_loop()

    def run(texts: List[str]) -> List[Dict[str, Any]]:
        return [loop.run_until_complete(agent.parse_message(t)) for t in texts]

    yield run
    loop.close()


def outcome(parsed: Dict[str, Any]) -> str:
    """What the assistant does with the message: guidance, crisis or something else."""
    intent = parsed["intent"]["name"]
    if intent == "report_crisis":
        return "crisis"
    if intent == PLATFORM_SAFETY_INTENT:
        has_app = any(e["entity"] == "platform" for e in parsed["entities"])
        runner_up = runner_up_topic(parsed.get("intent_ranking") or [])
        return "guidance" if has_app or runner_up else "clarify"
    return "guidance" if topic_for_intent(intent) else intent


@pytest.fixture(scope="module")
def results(parse):
    rows = held_out()
    parsed = parse([text for _, text, _ in rows])
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
    outcomes = [
        outcome(p)
        for (intent, _, _), p in zip(rows, parsed, strict=False)
        if is_guidance_intent(intent)
    ]
    rate = outcomes.count("guidance") / len(outcomes)
    assert rate >= FLOORS["in_scope_guidance_rate"], Counter(outcomes)


def test_platform_entities(results) -> None:
    rows, parsed = results
    true_positive = predicted = expected = 0
    for (_, _, gold), p in zip(rows, parsed, strict=False):
        found = [e["value"] for e in p["entities"] if e["entity"] == "platform"]
        expected += len(gold)
        predicted += len(found)
        true_positive += sum((Counter(gold) & Counter(found)).values())
    precision, recall = true_positive / predicted, true_positive / expected
    assert 2 * precision * recall / (precision + recall) >= FLOORS["platform_entity_f1"]


def test_every_crisis_message_gets_the_crisis_response(parse) -> None:
    items = yaml.safe_load(CRISIS.read_text(encoding="utf-8"))["crisis"]
    parsed = parse([item["text"] for item in items])
    missed = [
        item["text"] for item, p in zip(items, parsed, strict=False) if outcome(p) != "crisis"
    ]
    assert missed == []


def test_false_crisis_rate_on_held_out_messages(results) -> None:
    rows, parsed = results
    others = [
        p for (intent, _, _), p in zip(rows, parsed, strict=False) if intent != "report_crisis"
    ]
    flagged = [p["text"] for p in others if outcome(p) == "crisis"]
    assert len(flagged) / len(others) <= FLOORS["max_false_crisis_rate"], flagged


def test_off_topic_messages_get_no_guidance_and_no_crisis(parse) -> None:
    if not OFFTOPIC.exists():
        pytest.skip(f"{OFFTOPIC} is not beside this checkout")
    texts = [json.loads(line)["text"] for line in OFFTOPIC.read_text().splitlines() if line.strip()]
    outcomes = Counter(outcome(p) for p in parse(texts))
    rate = 1 - (outcomes["guidance"] + outcomes["crisis"]) / len(texts)
    assert rate >= FLOORS["offtopic_no_guidance_rate"], outcomes
