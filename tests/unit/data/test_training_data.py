"""Training data hygiene: held-out tests stay held out, and no example is repeated.

Test sets that overlap training data measure recall, not generalisation (the reference
Rasa demos leaked 62-82% of their test lines), and case- or punctuation-only variants add
nothing once the text is lower-cased.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Dict, Iterator, List, Set, Tuple

import pytest
import yaml

from bot.intents import (
    FOLLOW_UP_INTENT,
    PLATFORM_SAFETY_INTENT,
    intent_for_topic,
    topic_for_intent,
)
from bot.knowledge.schema import TOPICS
from bot.paths import ROOT
from tests.harness.paths import (
    CONVERSATION_TESTS,
    INDEPENDENT_SETS,
    NLU_TESTS,
    OFFTOPIC,
    SHARED_EVAL,
)

TRAINING_FILES = sorted((ROOT / "data" / "nlu").glob("*.yml"))
NLU_TEST_FILE = NLU_TESTS
OFFTOPIC_EVAL = OFFTOPIC
DOMAIN_DIR = ROOT / "bot" / "domain"
MIN_EXAMPLES_PER_INTENT = 15
# Word-set overlap (Jaccard) at which two examples count as near-duplicates.
NEAR_DUPLICATE = 0.75

_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


def normalise(text: str) -> str:
    """Lower case, entity markup removed, punctuation dropped, spaces collapsed."""
    plain = _ANNOTATION.sub(r"\1", text).lower()
    return " ".join(re.findall(r"[a-z0-9]+", plain))


def nlu_examples(path: Path) -> Iterator[Tuple[str, str]]:
    """(intent, example text) for every example in a Rasa NLU YAML file."""
    for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
        if "intent" not in block:
            continue
        for line in block["examples"].splitlines():
            line = line.strip()
            if line.startswith("- "):
                yield block["intent"], line[2:].strip()


def conversation_user_lines(path: Path) -> List[str]:
    stories = yaml.safe_load(path.read_text(encoding="utf-8"))["stories"]
    return [step["user"].strip() for story in stories for step in story["steps"] if "user" in step]


def training() -> List[Tuple[str, str]]:
    return [pair for path in TRAINING_FILES for pair in nlu_examples(path)]


def test_training_files_exist() -> None:
    assert TRAINING_FILES and len(training()) > 500


def test_no_training_example_is_a_case_or_punctuation_variant_of_another() -> None:
    seen: Dict[str, Tuple[str, str]] = {}
    repeats = []
    for intent, text in training():
        key = normalise(text)
        if key in seen:
            repeats.append((seen[key], (intent, text)))
        seen[key] = (intent, text)
    assert repeats == []


def test_no_example_appears_under_two_intents_anywhere() -> None:
    intents_of: Dict[str, Set[str]] = defaultdict(set)
    for intent, text in [*training(), *nlu_examples(NLU_TEST_FILE)]:
        intents_of[normalise(text)].add(intent)
    assert {text: i for text, i in intents_of.items() if len(i) > 1} == {}


def test_held_out_nlu_tests_are_disjoint_from_training() -> None:
    trained = {normalise(text) for _, text in training()}
    leaked = [text for _, text in nlu_examples(NLU_TEST_FILE) if normalise(text) in trained]
    assert leaked == []


def test_conversation_test_lines_are_disjoint_from_training_and_nlu_tests() -> None:
    seen = {normalise(t) for _, t in training()} | {
        normalise(t) for _, t in nlu_examples(NLU_TEST_FILE)
    }
    lines = conversation_user_lines(CONVERSATION_TESTS)
    assert len(lines) >= 20
    assert [line for line in lines if normalise(line) in seen] == []


def test_offtopic_evaluation_set_is_never_trained_on() -> None:
    if not OFFTOPIC_EVAL.exists():
        pytest.skip(f"{OFFTOPIC_EVAL} is not beside this checkout")
    evaluation = {
        normalise(json.loads(line)["text"])
        for line in OFFTOPIC_EVAL.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    assert len(evaluation) > 1000
    assert [text for _, text in training() if normalise(text) in evaluation] == []


def domain_intents() -> Set[str]:
    intents: Set[str] = set()
    for path in DOMAIN_DIR.glob("*.yml"):
        intents.update(yaml.safe_load(path.read_text(encoding="utf-8")).get("intents", []))
    return intents


def test_trained_and_tested_intents_are_declared_in_the_domain() -> None:
    trained = {intent for intent, _ in training()}
    tested = {intent for intent, _ in nlu_examples(NLU_TEST_FILE)}
    assert trained == domain_intents()
    assert tested <= trained


def test_every_topic_has_its_intent_and_every_guidance_intent_a_topic() -> None:
    declared = domain_intents()
    assert {intent_for_topic(topic) for topic in TOPICS} <= declared
    guidance = {i for i in declared if i.startswith("ask_") and i != "ask_capabilities"}
    # Whole-app questions and open follow-ups take their topic from the app or the conversation.
    assert {i for i in guidance if topic_for_intent(i) is None} == {
        PLATFORM_SAFETY_INTENT,
        FOLLOW_UP_INTENT,
    }


def test_every_intent_has_enough_examples() -> None:
    counts: Dict[str, int] = defaultdict(int)
    for intent, _ in training():
        counts[intent] += 1
    assert {i: n for i, n in counts.items() if n < MIN_EXAMPLES_PER_INTENT} == {}


def _words(text: str) -> Set[str]:
    return set(normalise(text).split())


def _near(a: Set[str], b: Set[str]) -> bool:
    return len(a) >= 4 and len(b) >= 4 and len(a & b) / len(a | b) >= NEAR_DUPLICATE


def test_no_held_out_example_is_a_near_duplicate_of_a_training_example() -> None:
    trained = [(text, _words(text)) for _, text in training()]
    held_out = [t for _, t in nlu_examples(NLU_TEST_FILE)] + conversation_user_lines(
        CONVERSATION_TESTS
    )
    close = [
        (test, train)
        for test, test_words in ((t, _words(t)) for t in held_out)
        for train, words in trained
        if _near(test_words, words)
    ]
    assert close == []


def test_no_two_training_examples_of_an_intent_are_near_duplicates() -> None:
    by_intent: Dict[str, List[Tuple[str, Set[str]]]] = defaultdict(list)
    for intent, text in training():
        by_intent[intent].append((text, _words(text)))
    close = [
        (a, b)
        for examples in by_intent.values()
        for i, (a, words_a) in enumerate(examples)
        for b, words_b in examples[i + 1 :]
        if _near(words_a, words_b)
    ]
    assert close == []


# Evaluation sets that are measured, never trained on: the shared dev sets beside the
# checkout and our own independent sets (one folder per author, tests/harness/paths.py).
def evaluation_texts() -> List[Tuple[str, str]]:
    """(file, text) of every message in the question, conversation and crisis eval sets."""
    found = []
    files = [path for folder in INDEPENDENT_SETS for path in sorted(folder.glob("*.jsonl"))]
    files += [SHARED_EVAL / n for n in ("parent_questions_dev.jsonl", "conversations_dev.jsonl")]
    for path in files:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            texts = [turn["text"] for turn in row["turns"]] if "turns" in row else [row["text"]]
            found += [(path.name, text) for text in texts]
    return found


def entry_questions() -> List[str]:
    """The example questions kept with guidance entries and app profiles (matched at run time)."""
    from bot.knowledge import get_knowledge_base

    kb = get_knowledge_base()
    return [q for e in kb.entries for q in e.questions] + [
        q for p in kb.profiles.values() for q in p.questions
    ]


def test_evaluation_sets_are_never_trained_on_nor_kept_as_entry_questions() -> None:
    held = evaluation_texts()
    if not held:
        pytest.skip("no evaluation set beside this checkout")
    trained = [text for _, text in training()] + entry_questions()
    exact = {normalise(text) for text in trained}
    leaked = [(name, text) for name, text in held if normalise(text) in exact]
    assert leaked == []
    trained_words = [_words(text) for text in trained]
    held_words = [(name, text, _words(text)) for name, text in held]
    near = [
        (name, text)
        for name, text, words in held_words
        if len(words) >= 4 and any(_near(words, w) for w in trained_words)
    ]
    assert near == []
