"""Quality floors on real parents' questions and conversations, through the widget API.

The shared dev sets (../shared/eval) and our independent sets (tests/data/evaluation/heldout,
fresh and tuning) are played against the real assistant, as `make eval` does;
the crisis sets written by other authors go through the full NLU pipeline. Each floor
sits a few points under the figure measured when it was set (README, "Quality").
"""

from __future__ import annotations

from typing import Any, Dict, Iterator

import pytest

from bot.paths import MODEL
from tests.evaluation import parents
from tests.evaluation.measures import crisis_recall, false_crisis, nlu_parser

QUESTION_FLOORS = {
    "dev": {"kind": 0.95, "topic": 0.89, "app": 0.94, "max_false_crisis": 0.01},
    "held_out": {"kind": 0.94, "topic": 0.78, "app": 0.92, "max_false_crisis": 0.02},
    "fresh": {"kind": 0.91, "topic": 0.84, "app": 0.88, "max_false_crisis": 0.02},
    "tuning": {"kind": 0.94, "topic": 0.84, "app": 0.95, "max_false_crisis": 0.02},
    "harvested": {"kind": 0.92, "topic": 0.86, "app": 0.94, "max_false_crisis": 0.03},
}
CONVERSATION_FLOORS = {
    "dev": {"turns": 0.93, "conversations": 0.86},
    "held_out": {"turns": 0.86, "conversations": 0.63},
    "fresh": {"turns": 0.68, "conversations": 0.32},
    "tuning": {"turns": 0.87, "conversations": 0.70},
    "voices": {"turns": 0.74, "conversations": 0.33},
    "follow_ups": {"turns": 0.70, "conversations": 0.28},
    "long_messages": {"turns": 0.64, "conversations": 0.22},
    "phone_typing": {"turns": 0.76, "conversations": 0.48},
    "everyday": {"turns": 0.74, "conversations": 0.32},
    # Never read: the floor guards against a fall, the README gives the figure.
    "fresh_second": {"turns": 0.60, "conversations": 0.18},
    "fresh_third": {"turns": 0.62, "conversations": 0.25},
    "fresh_fourth": {"turns": 0.66, "conversations": 0.28},
    "fresh_fifth": {"turns": 0.69, "conversations": 0.28},
    # Read while tuning, after its first measurement (69.0 / 17.8%).
    "fresh_sixth": {"turns": 0.66, "conversations": 0.15},
    # Read while tuning, after its first measurement (57.1 / 17.8%).
    "fresh_seventh": {"turns": 0.62, "conversations": 0.15},
    # Never read, measured once (62.2 / 13.3%): the floor guards against a fall.
    "fresh_eighth": {"turns": 0.56, "conversations": 0.08},
    # Read while tuning, after its first measurement (72.3 / 28.9%; 81.1 / 48.9% after).
    "fresh_ninth": {"turns": 0.75, "conversations": 0.38},
    # Never read, measured on arrival only (62.4 / 15.6%).
    "fresh_tenth": {"turns": 0.56, "conversations": 0.08},
    # Read while tuning, after its first measurement (73.6 / 33.3%).
    "fresh_eleventh": {"turns": 0.67, "conversations": 0.22},
    # Never read, measured on arrival only (68.5 / 22.2%).
    "fresh_twelfth": {"turns": 0.62, "conversations": 0.13},
    # Read while tuning, after its first measurement (68.2 / 22.2%).
    "fresh_thirteenth": {"turns": 0.62, "conversations": 0.13},
}
CRISIS_FLOORS = {
    # Sets A, B, C, F, I, K, M, N, O and R were read while the crisis rules were extended; G, L
    # and Q never (README).
    "set_a": {"recall": 0.98, "max_false_crisis": 0.03},
    "set_b": {"recall": 0.97, "max_false_crisis": 0.03},
    "set_c": {"recall": 0.96, "max_false_crisis": 0.03},
    "set_f": {"recall": 0.97, "max_false_crisis": 0.03},
    # Never read: 8.8% of its hard negatives still get the crisis response (README).
    "set_g": {"recall": 0.94, "max_false_crisis": 0.12},
    "set_i": {"recall": 0.96, "max_false_crisis": 0.03},
    "set_k": {"recall": 0.96, "max_false_crisis": 0.03},
    "set_m": {"recall": 0.96, "max_false_crisis": 0.03},
    "set_n": {"recall": 0.96, "max_false_crisis": 0.03},
    "set_o": {"recall": 0.96, "max_false_crisis": 0.03},
    # Never read, like G (README): the floors guard against a fall.
    "set_l": {"recall": 0.95, "max_false_crisis": 0.09},
    "set_q": {"recall": 0.92, "max_false_crisis": 0.16},
    "set_r": {"recall": 0.96, "max_false_crisis": 0.03},
    "set_t": {"recall": 0.96, "max_false_crisis": 0.03},
    # Never read, measured on arrival only (README).
    "set_v": {"recall": 0.87, "max_false_crisis": 0.10},
    # Read while tuning, after its first measurement (88.2 / 5.0%).
    "set_x": {"recall": 0.96, "max_false_crisis": 0.03},
    # Read while tuning, after its first measurement (89.1 / 6.1%).
    "set_y": {"recall": 0.96, "max_false_crisis": 0.03},
    # Never read, measured once (94.1 / 7.2%).
    "set_ab": {"recall": 0.90, "max_false_crisis": 0.12},
    # Read while tuning, after its first measurement (89.9 / 12.2%; 100 / 0.6% after).
    "set_ad": {"recall": 0.96, "max_false_crisis": 0.03},
    # Never read, measured on arrival only (94.1 / 7.8%).
    "set_af": {"recall": 0.90, "max_false_crisis": 0.12},
    # Read while tuning, after its first measurement (95.0 / 3.9%).
    "set_ah": {"recall": 0.91, "max_false_crisis": 0.08},
    # Never read, measured on arrival only (96.6 / 5.6%).
    "set_aj": {"recall": 0.92, "max_false_crisis": 0.10},
    # Read while tuning, after its first measurement (95.0 / 6.1%).
    "set_ak": {"recall": 0.91, "max_false_crisis": 0.10},
    # Read while tuning, after its first measurement (96.7 / 14.0%; 98.3 / 3.3% after).
    "set_am": {"recall": 0.94, "max_false_crisis": 0.07},
    # Never read, measured at the start of session 15 and after it (95.0 / 9.3%; 95.8 / 9.0%).
    "set_an": {"recall": 0.91, "max_false_crisis": 0.13},
}


@pytest.fixture(scope="module")
def ask() -> Iterator[parents.Send]:
    from tests.evaluation.widget import running_assistant

    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train` first")
    with running_assistant(MODEL) as send:

        def ask(sender: str, message: str) -> Dict[str, Any]:
            return send(sender, message, None)

        yield ask


@pytest.mark.parametrize("question_set", parents.question_sets(), ids=lambda s: s.name)
def test_parent_questions(question_set: parents.QuestionSet, ask: parents.Send) -> None:
    floors = QUESTION_FLOORS[question_set.name]
    rates = parents.score_questions(question_set.rows, ask)["rates"]["all"]
    assert rates["kind"] >= floors["kind"], rates
    assert rates["topic"] >= floors["topic"], rates
    assert rates["app"] >= floors["app"], rates
    assert rates["false_crisis"] <= floors["max_false_crisis"], rates


@pytest.mark.parametrize("conversation_set", parents.conversation_sets(), ids=lambda s: s.name)
def test_parent_conversations(conversation_set: parents.ConversationSet, ask: parents.Send) -> None:
    floors = CONVERSATION_FLOORS[conversation_set.name]
    scored = parents.score_conversations(conversation_set.conversations, ask)
    assert scored["turns"] >= floors["turns"], scored["misses"]
    assert scored["conversations"] >= floors["conversations"], scored["misses"]


@pytest.fixture(scope="module")
def parse():
    with nlu_parser(MODEL) as run:
        yield run


@pytest.mark.parametrize("crisis_set", parents.crisis_sets(), ids=lambda s: s.name)
def test_crisis_sets_by_other_authors(crisis_set: parents.CrisisSet, parse) -> None:
    floors = CRISIS_FLOORS[crisis_set.name]
    recall = crisis_recall(parse([row["text"] for row in crisis_set.crises]))
    alarms = false_crisis(parse([row["text"] for row in crisis_set.not_crises]))
    assert recall.rate >= floors["recall"], recall.others
    assert alarms.rate <= floors["max_false_crisis"], alarms.matching
