"""Real parents' questions and multi-turn conversations, scored through the widget API.

Two sources share one format (see ../shared/eval/README.md):

- the shared dev sets in ``../shared/eval/`` (``parent_questions_dev.jsonl``,
  ``conversations_dev.jsonl``): real questions from public parenting pages;
- our own sets in ``tests/data/evaluation/`` (``heldout``, ``fresh``, ``tuning``, ``voices``,
  ``fresh_second``, ``harvested``, ``crisis_wordings``, ``follow_ups``), each by someone who
  never saw the training data, the crisis patterns or the dev sets (each folder's README says
  who and how). ``fresh`` and ``fresh_second`` are never read; the others were read while
  tuning.

Neither is ever trained on (tests/unit/data/test_training_data.py enforces it). This module reads the
rows and judges replies; the report plays them against the real assistant. Everything
here is tested without a server.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from tests.harness.paths import (
    CRISIS_EIGHTH,
    CRISIS_ELEVENTH,
    CRISIS_FIFTEENTH,
    CRISIS_FIFTH,
    CRISIS_FOURTEENTH,
    CRISIS_FOURTH,
    CRISIS_FRESH,
    CRISIS_NINTH,
    CRISIS_SECOND,
    CRISIS_SEVENTH,
    CRISIS_SIXTEENTH,
    CRISIS_SIXTH,
    CRISIS_TENTH,
    CRISIS_THIRD,
    CRISIS_THIRTEENTH,
    CRISIS_TWELFTH,
    CRISIS_WORDINGS,
    EVERYDAY,
    FOLLOW_UPS,
    FRESH,
    FRESH_EIGHTH,
    FRESH_ELEVENTH,
    FRESH_FIFTH,
    FRESH_FOURTH,
    FRESH_NINTH,
    FRESH_SECOND,
    FRESH_SEVENTH,
    FRESH_SIXTH,
    FRESH_TENTH,
    FRESH_THIRD,
    FRESH_THIRTEENTH,
    FRESH_TWELFTH,
    HARVESTED,
    HELD_OUT,
    LONG_MESSAGES,
    PHONE_TYPING,
    SHARED_EVAL,
    TUNING,
    VOICES,
)

# (sender, message) -> the widget API's reply {"messages": [...], "meta": {...}}.
Send = Callable[[str, str], Dict[str, Any]]


@dataclass(frozen=True)
class Expectation:
    """What a reply must be: an acceptable kind, and where given, topic, app, age, country."""

    kinds: Sequence[str]
    topics: Sequence[str] = ()
    platform: Optional[str] = None
    age_band: Optional[str] = None
    country: Optional[str] = None
    needs: Sequence[str] = ()

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Expectation:
        """Read one question or turn; missing keys expect nothing."""
        return cls(
            kinds=tuple(row["kinds"]),
            topics=tuple(row.get("topics") or ()),
            platform=row.get("platform"),
            age_band=row.get("age_band"),
            country=row.get("country"),
            needs=tuple(row.get("needs") or ()),
        )


@dataclass(frozen=True)
class Judgement:
    """Which parts of an expectation a reply met (None: nothing was expected there)."""

    kind: bool
    topic: Optional[bool]
    platform: Optional[bool]
    rest: List[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Every expectation met."""
        return (
            self.kind and self.topic is not False and self.platform is not False and not self.rest
        )


def judge(expected: Expectation, reply: Mapping[str, Any]) -> Judgement:
    """Score one reply by the shared eval rules (../shared/eval/README.md)."""
    meta = reply.get("meta") or {}
    kind = meta.get("kind")
    topic: Optional[bool] = None
    if "guidance" in expected.kinds and expected.topics:
        # A crisis reply where crisis is also acceptable carries no topic to judge.
        topic = kind != "guidance" or meta.get("topic") in expected.topics
        if kind not in ("guidance", "crisis"):
            topic = False
    platform = None if expected.platform is None else meta.get("platform") == expected.platform
    rest = []
    for key in ("age_band", "country"):
        wanted = getattr(expected, key)
        if wanted is not None and meta.get(key) != wanted:
            rest.append(f"{key}: expected {wanted!r}, got {meta.get(key)!r}")
    text = reply_text(reply).lower()
    rest += [f"text lacks {need!r}" for need in expected.needs if need.lower() not in text]
    return Judgement(kind in expected.kinds, topic, platform, rest)


def reply_text(reply: Mapping[str, Any]) -> str:
    """All message texts of a widget reply."""
    return "\n".join(str(m.get("text") or "") for m in reply.get("messages") or [])


def read_jsonl(path: Path) -> List[Dict[str, Any]]:
    """One JSON object a line; blank lines skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@dataclass(frozen=True)
class QuestionSet:
    """A named set of single questions (each played as a new conversation)."""

    name: str
    rows: Sequence[Dict[str, Any]]


@dataclass(frozen=True)
class ConversationSet:
    """A named set of multi-turn conversations (one sender each)."""

    name: str
    conversations: Sequence[Dict[str, Any]]


@dataclass(frozen=True)
class CrisisSet:
    """Crisis messages in parents' own words (``category``) or hard negatives (``why``)."""

    name: str
    crises: Sequence[Dict[str, Any]]
    not_crises: Sequence[Dict[str, Any]]


def crisis_sets() -> List[CrisisSet]:
    """Crisis and hard-negative sets written independently of the patterns and training data.

    Sets A, B, C, F, I, K, M, N, O, R, T, X and Y have been tuned on (their misses were read while the
    crisis rules were extended); sets G, L, Q, V and AB, by other authors, are measured and never
    read.
    """
    found = []
    for name, folder, crises, negatives in (
        ("set_a", HELD_OUT, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_b", HELD_OUT, "crisis_test.jsonl", "not_crisis_test.jsonl"),
        ("set_c", FRESH, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_f", VOICES, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_g", FRESH_SECOND, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_i", CRISIS_WORDINGS, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_k", LONG_MESSAGES, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_m", PHONE_TYPING, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_l", FRESH_THIRD, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_n", CRISIS_SECOND, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_o", CRISIS_THIRD, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_q", CRISIS_FRESH, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_r", CRISIS_FOURTH, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_t", CRISIS_FIFTH, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_v", CRISIS_SIXTH, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_x", CRISIS_SEVENTH, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_y", CRISIS_EIGHTH, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_ab", CRISIS_NINTH, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_ad", CRISIS_TENTH, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_af", CRISIS_ELEVENTH, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_ah", CRISIS_TWELFTH, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_aj", CRISIS_THIRTEENTH, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_ak", CRISIS_FOURTEENTH, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_am", CRISIS_FIFTEENTH, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
        ("set_an", CRISIS_SIXTEENTH, "crisis_messages.jsonl", "not_crisis_messages.jsonl"),
    ):
        if (folder / crises).exists() and (folder / negatives).exists():
            found.append(
                CrisisSet(name, read_jsonl(folder / crises), read_jsonl(folder / negatives))
            )
    return found


def _present(dev_file: str, held_out_file: str) -> List[Tuple[str, List[Dict[str, Any]]]]:
    """(name, rows) for the dev and held-out files of one kind that are beside this checkout."""
    paths = (
        ("dev", SHARED_EVAL / dev_file),
        ("held_out", HELD_OUT / held_out_file),
        ("fresh", FRESH / held_out_file),
        ("tuning", TUNING / held_out_file),
        ("voices", VOICES / held_out_file),
        ("fresh_second", FRESH_SECOND / held_out_file),
        ("harvested", HARVESTED / held_out_file),
        ("follow_ups", FOLLOW_UPS / held_out_file),
        ("long_messages", LONG_MESSAGES / held_out_file),
        ("phone_typing", PHONE_TYPING / held_out_file),
        ("fresh_third", FRESH_THIRD / held_out_file),
        ("fresh_fourth", FRESH_FOURTH / held_out_file),
        ("fresh_fifth", FRESH_FIFTH / held_out_file),
        ("fresh_sixth", FRESH_SIXTH / held_out_file),
        ("fresh_seventh", FRESH_SEVENTH / held_out_file),
        ("fresh_eighth", FRESH_EIGHTH / held_out_file),
        ("fresh_ninth", FRESH_NINTH / held_out_file),
        ("fresh_tenth", FRESH_TENTH / held_out_file),
        ("fresh_eleventh", FRESH_ELEVENTH / held_out_file),
        ("fresh_twelfth", FRESH_TWELFTH / held_out_file),
        ("fresh_thirteenth", FRESH_THIRTEENTH / held_out_file),
        ("everyday", EVERYDAY / held_out_file),
    )
    return [(name, read_jsonl(path)) for name, path in paths if path.exists()]


def question_sets() -> List[QuestionSet]:
    """The parent question sets that are present beside this checkout."""
    return [
        QuestionSet(name, rows)
        for name, rows in _present("parent_questions_dev.jsonl", "parent_questions.jsonl")
    ]


def conversation_sets() -> List[ConversationSet]:
    """The conversation sets that are present beside this checkout."""
    return [
        ConversationSet(name, rows)
        for name, rows in _present("conversations_dev.jsonl", "conversations.jsonl")
    ]


def score_questions(rows: Sequence[Mapping[str, Any]], send: Send) -> Dict[str, Any]:
    """Kind, topic and app rates over ``rows``, per group, with every miss."""
    misses = []
    totals: Dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        reply = send(f"q-{uuid.uuid4().hex[:12]}", row["text"])
        verdict = judge(Expectation.from_row(row), reply)
        groups = {"all", str(row.get("group") or "all")}
        for group in groups:
            tally = totals[group]
            tally["n"] += 1
            tally["kind"] += verdict.kind
            if verdict.topic is not None:
                tally["topic_n"] += 1
                tally["topic"] += verdict.topic
            if verdict.platform is not None:
                tally["app_n"] += 1
                tally["app"] += verdict.platform
            if "crisis" not in row["kinds"]:
                tally["not_crisis_n"] += 1
                tally["false_crisis"] += (reply.get("meta") or {}).get("kind") == "crisis"
        if not verdict.passed:
            meta = reply.get("meta") or {}
            misses.append(
                {
                    "text": row["text"],
                    "expected": {k: row.get(k) for k in ("kinds", "topics", "platform")},
                    "got": {k: meta.get(k) for k in ("kind", "topic", "platform")},
                }
            )
    return {"rates": {g: _rates(t) for g, t in totals.items()}, "misses": misses}


def _rates(tally: Counter) -> Dict[str, Optional[float]]:
    def share(hits: str, n: str) -> Optional[float]:
        return tally[hits] / tally[n] if tally[n] else None

    return {
        "n": tally["n"],
        "kind": share("kind", "n"),
        "topic": share("topic", "topic_n"),
        "app": share("app", "app_n"),
        "false_crisis": share("false_crisis", "not_crisis_n"),
    }


def score_conversations(conversations: Sequence[Mapping[str, Any]], send: Send) -> Dict[str, Any]:
    """Share of turns and of whole conversations meeting every expectation, with misses."""
    turns = passed_turns = whole = 0
    misses = []
    for conversation in conversations:
        sender = f"c-{uuid.uuid4().hex[:12]}"
        all_passed = True
        for number, turn in enumerate(conversation["turns"], start=1):
            reply = send(sender, turn["text"])
            verdict = judge(Expectation.from_row(turn), reply)
            turns += 1
            passed_turns += verdict.passed
            if not verdict.passed:
                all_passed = False
                meta = reply.get("meta") or {}
                misses.append(
                    {
                        "conversation": conversation.get("id"),
                        "turn": number,
                        "text": turn["text"],
                        "expected": {
                            k: turn.get(k)
                            for k in ("kinds", "topics", "platform", "age_band", "country", "needs")
                            if turn.get(k) is not None
                        },
                        "got": {
                            k: meta.get(k)
                            for k in ("kind", "topic", "platform", "age_band", "country")
                        },
                        "problems": verdict.rest,
                    }
                )
        whole += all_passed
    return {
        "turns": passed_turns / turns if turns else None,
        "conversations": whole / len(conversations) if conversations else None,
        "n_turns": turns,
        "n_conversations": len(conversations),
        "misses": misses,
    }
