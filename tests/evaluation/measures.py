"""How the trained model is measured on held-out data: shared by the floors and `make eval`.

Every measure takes Rasa parse results (``Agent.parse_message`` output) for labelled
messages, so the quality floors in tests/model/test_nlu_quality.py and the report in
``tests.evaluation.report`` compute each figure in exactly one way.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, NamedTuple, Optional, Sequence, Tuple

import yaml

from bot.intents import CRISIS_INTENT, FIXED_REPLY_INTENTS, is_guidance_intent
from bot.paths import MODEL
from bot.understanding import get_interpreter
from bot.understanding.interpret import GUIDANCE as GUIDANCE_KIND
from bot.understanding.interpret import Memory, heard_from_parse
from tests.harness.paths import CRISIS_MESSAGES, NLU_TESTS, NOT_CRISIS_MESSAGES, OFFTOPIC

CRISIS = CRISIS_MESSAGES
NOT_CRISIS = NOT_CRISIS_MESSAGES

GUIDANCE, CRISIS_OUTCOME, CLARIFY = "guidance", "crisis", "clarify"

Parsed = Dict[str, Any]
Parse = Callable[[Sequence[str]], List[Parsed]]

_ANNOTATION = re.compile(r"\[([^\]]+)\]\{\"entity\": \"platform\", \"value\": \"([a-z0-9_]+)\"\}")


class HeldOut(NamedTuple):
    """One held-out NLU example: its intent, its plain text and the apps it names."""

    intent: str
    text: str
    platforms: List[str]


def held_out(path: Path = NLU_TESTS) -> List[HeldOut]:
    """The held-out NLU examples, with platform annotations removed from the text."""
    rows = []
    for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
        for line in block.get("examples", "").splitlines():
            if line.strip().startswith("- "):
                raw = line.strip()[2:]
                platforms = [value for _, value in _ANNOTATION.findall(raw)]
                rows.append(HeldOut(block["intent"], _ANNOTATION.sub(r"\1", raw), platforms))
    return rows


def crisis_messages(path: Path = CRISIS) -> List[Dict[str, str]]:
    """The crisis file: each item has a ``text`` and a ``category``."""
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))["crisis"])


def hard_negatives(path: Path = NOT_CRISIS) -> List[str]:
    """Messages on crisis themes that are not a crisis now (they should get guidance)."""
    return [item["text"] for item in yaml.safe_load(path.read_text(encoding="utf-8"))["not_crisis"]]


def offtopic_rows(path: Path = OFFTOPIC) -> List[Dict[str, str]]:
    """The off-topic set: ``text`` and the CLINC150 ``clinc_intent`` it came from."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def offtopic_texts(path: Path = OFFTOPIC) -> List[str]:
    """The off-topic messages alone."""
    return [row["text"] for row in offtopic_rows(path)]


@contextmanager
def nlu_parser(model: Path = MODEL) -> Iterator[Parse]:
    """Load the model once and yield a function that parses a list of messages.

    The full NLU pipeline runs, the scope gate and the crisis safety net included, so
    the figures describe what the assistant does, not what the classifier alone says.
    """
    from rasa.core.agent import Agent  # slow to import: only when a model is wanted

    agent = Agent.load(str(model))
    loop = asyncio.new_event_loop()

    def parse(texts: Sequence[str]) -> List[Parsed]:
        return [loop.run_until_complete(agent.parse_message(text)) for text in texts]

    try:
        yield parse
    finally:
        loop.close()


def outcome(parsed: Parsed) -> str:
    """What the assistant does with the message as a conversation's first: guidance, crisis, ...

    The crisis decision is NLU's; everything else is the guidance action's, made by the
    same interpreter with an empty conversation.
    """
    intent = parsed["intent"]["name"]
    if intent == CRISIS_INTENT:
        return CRISIS_OUTCOME
    if intent in FIXED_REPLY_INTENTS:
        return str(intent)
    kind = get_interpreter().interpret(heard_from_parse(parsed), Memory()).kind
    return GUIDANCE if kind == GUIDANCE_KIND else kind


@dataclass(frozen=True)
class Share:
    """The messages whose outcome counts towards a rate, and the rest."""

    matching: Tuple[str, ...]
    others: Tuple[str, ...]
    outcomes: Counter

    @property
    def total(self) -> int:
        """How many messages were measured."""
        return len(self.matching) + len(self.others)

    @property
    def rate(self) -> Optional[float]:
        """The matching share, or None when nothing was measured (a sample can be empty)."""
        return len(self.matching) / self.total if self.total else None


def share_of(parsed: Sequence[Parsed], counts: Callable[[str], bool]) -> Share:
    """Split parse results by whether their outcome ``counts``."""
    outcomes = [outcome(p) for p in parsed]
    return Share(
        matching=tuple(p["text"] for p, o in zip(parsed, outcomes, strict=True) if counts(o)),
        others=tuple(p["text"] for p, o in zip(parsed, outcomes, strict=True) if not counts(o)),
        outcomes=Counter(outcomes),
    )


def in_scope_guidance(rows: Sequence[HeldOut], parsed: Sequence[Parsed]) -> Share:
    """Held-out guidance questions (``ask_*`` and whole-app) that get guidance."""
    in_scope = [p for row, p in zip(rows, parsed, strict=True) if is_guidance_intent(row.intent)]
    return share_of(in_scope, lambda o: o == GUIDANCE)


def crisis_recall(parsed: Sequence[Parsed]) -> Share:
    """Crisis messages that get the crisis response; ``others`` are the misses."""
    return share_of(parsed, lambda o: o == CRISIS_OUTCOME)


def false_crisis(parsed: Sequence[Parsed]) -> Share:
    """Non-crisis messages that wrongly get the crisis response (``matching``)."""
    return share_of(parsed, lambda o: o == CRISIS_OUTCOME)


def non_crisis(rows: Sequence[HeldOut], parsed: Sequence[Parsed]) -> List[Parsed]:
    """Parse results of the held-out examples not labelled as a crisis."""
    return [p for row, p in zip(rows, parsed, strict=True) if row.intent != CRISIS_INTENT]


def offtopic_without_guidance(parsed: Sequence[Parsed]) -> Share:
    """Off-topic messages that get neither guidance nor the crisis response."""
    return share_of(parsed, lambda o: o not in (GUIDANCE, CRISIS_OUTCOME))


@dataclass(frozen=True)
class EntityScores:
    """Platform mentions found against those annotated, counted per canonical app id."""

    true_positive: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float:
        """Share of the apps found that were annotated."""
        return self.true_positive / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Share of the annotated apps that were found."""
        return self.true_positive / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0 when either is 0)."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def platform_entity_scores(rows: Sequence[HeldOut], parsed: Sequence[Parsed]) -> EntityScores:
    """Platform entity scores: a found app counts once per annotation of the same app."""
    true_positive = predicted = expected = 0
    for row, p in zip(rows, parsed, strict=True):
        found = [e["value"] for e in p["entities"] if e["entity"] == "platform"]
        expected += len(row.platforms)
        predicted += len(found)
        true_positive += sum((Counter(row.platforms) & Counter(found)).values())
    return EntityScores(true_positive, predicted, expected)
