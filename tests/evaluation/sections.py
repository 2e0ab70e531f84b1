"""The report's sections: each measures one data set and returns figures, counts and details.

A section writes its own tables and plots to the output folder and returns what the
summary needs; ``details`` are the misses and breakdowns behind the figures, kept for a
reviewer (details.json).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, TypeVar

from tests.evaluation import plots, tables
from tests.evaluation.conversations import (
    EXPECTABLE,
    Conversation,
    Send,
    TurnResult,
    pass_rates,
    play,
)
from tests.evaluation.intents import predicted_intent, score_intents
from tests.evaluation.measures import (
    HeldOut,
    Parse,
    Parsed,
    Share,
    crisis_recall,
    false_crisis,
    in_scope_guidance,
    non_crisis,
    offtopic_without_guidance,
    platform_entity_scores,
)
from tests.evaluation.parents import score_conversations, score_questions

Item = TypeVar("Item")
INTENT_COLUMNS = ("intent", "topic", "precision", "recall", "f1", "support")


@dataclass
class Section:
    """Headline figures (None: not measured), sample sizes, and the misses behind them."""

    figures: Dict[str, Optional[float]] = field(default_factory=dict)
    n: Dict[str, int] = field(default_factory=dict)
    details: Dict[str, Any] = field(default_factory=dict)


def sample(items: Sequence[Item], limit: Optional[int], seed: int) -> List[Item]:
    """At most ``limit`` items, drawn at random with ``seed``, in their original order.

    A random draw rather than the first ``limit``: the files are grouped by intent or
    category, so their heads would measure one intent only.
    """
    if limit is None or limit >= len(items):
        return list(items)
    chosen = sorted(random.Random(seed).sample(range(len(items)), limit))
    return [items[index] for index in chosen]


def held_out_section(rows: Sequence[HeldOut], parsed: Sequence[Parsed], out: Path) -> Section:
    """Intent accuracy and F1, platform entity F1 and the in-scope guidance rate."""
    gold = [row.intent for row in rows]
    predicted = [predicted_intent(p) for p in parsed]
    scores = score_intents(gold, predicted)
    entities = platform_entity_scores(rows, parsed)
    in_scope = in_scope_guidance(rows, parsed)

    table = [vars(row) for row in scores.rows]
    tables.write_csv(table, INTENT_COLUMNS, out / "intents.csv")
    (out / "intents.md").write_text(tables.markdown_table(table, INTENT_COLUMNS), encoding="utf-8")
    matrix = [
        {"true": label, **dict(zip(scores.labels, map(int, counts), strict=True))}
        for label, counts in zip(scores.labels, scores.confusion, strict=True)
    ]
    tables.write_csv(matrix, ["true", *scores.labels], out / "confusion_matrix.csv")
    plots.save_confusion_matrix(scores.labels, scores.confusion, out / "confusion_matrix.png")
    plots.save_f1_bars(scores.rows, out / "intent_f1.png")

    return Section(
        figures={
            "intent_accuracy": scores.accuracy,
            "intent_macro_f1": scores.macro_f1,
            "platform_entity_f1": entities.f1,
            "in_scope_guidance_rate": in_scope.rate,
        },
        n={
            "held_out": len(rows),
            "in_scope": in_scope.total,
            "platform_mentions": entities.expected,
        },
        details={
            "misclassified": [
                {"text": row.text, "intent": row.intent, "predicted": guess}
                for row, guess in zip(rows, predicted, strict=True)
                if guess != row.intent
            ],
            "in_scope_without_guidance": list(in_scope.others),
            "in_scope_outcomes": dict(in_scope.outcomes),
            "platform_entities": vars(entities)
            | {"precision": entities.precision, "recall": entities.recall},
        },
    )


def crisis_section(
    crisis_parsed: Sequence[Parsed],
    held_out_rows: Sequence[HeldOut],
    held_out_parsed: Sequence[Parsed],
    hard_negatives_parsed: Sequence[Parsed],
) -> Section:
    """Crisis recall, and false crisis responses on held-out and hard-negative messages."""
    recall = crisis_recall(crisis_parsed)
    held_out_not_crises = non_crisis(held_out_rows, held_out_parsed)
    not_crises = [*held_out_not_crises, *hard_negatives_parsed]
    on_held_out = false_crisis(held_out_not_crises)
    on_hard_negatives = false_crisis(hard_negatives_parsed)
    overall = false_crisis(not_crises)
    return Section(
        figures={
            "crisis_recall": recall.rate,
            "false_crisis_rate": overall.rate,
            "false_crisis_rate_held_out": on_held_out.rate,
            "false_crisis_rate_hard_negatives": on_hard_negatives.rate,
        },
        n={
            "crisis": recall.total,
            "non_crisis_held_out": on_held_out.total,
            "hard_negatives": on_hard_negatives.total,
        },
        details={
            "missed_crises": list(recall.others),
            # Which layer raised each false alarm: the patterns or the classifier.
            "false_crises": [
                {"text": p["text"], "detected_by": _crisis_detector(p)}
                for p in not_crises
                if p["text"] in overall.matching
            ],
        },
    )


def _crisis_detector(parsed: Parsed) -> str:
    """The crisis safety net marks what its patterns caught; the rest is the classifier's."""
    return "patterns" if (parsed.get("crisis") or {}).get("detected_by") else "classifier"


def offtopic_section(rows: Sequence[Dict[str, str]], parse: Parse) -> Section:
    """Off-topic messages answered with neither guidance nor the crisis response."""
    share: Share = offtopic_without_guidance(parse([row["text"] for row in rows]))
    source = {row["text"]: row.get("clinc_intent") for row in rows}
    return Section(
        figures={"offtopic_no_guidance_rate": share.rate},
        n={"offtopic": share.total},
        details={
            "offtopic_answered": [
                {"text": text, "clinc_intent": source.get(text)} for text in share.others
            ],
            "offtopic_outcomes": dict(share.outcomes),
        },
    )


def conversation_section(conversations: Sequence[Conversation], send: Send, out: Path) -> Section:
    """Play the scripted conversations through the widget API and judge every turn."""
    played = [
        play(conversation, f"eval-{index:03d}", send)
        for index, conversation in enumerate(conversations)
    ]
    rates = pass_rates(played)
    turns = [turn for conversation in played for turn in conversation]
    _write_turns(turns, out)
    return Section(
        figures={
            "conversation_turn_pass_rate": rates.turns,
            "conversation_pass_rate": rates.conversations,
        },
        n={"conversations": rates.n_conversations, "conversation_turns": rates.n_turns},
        details={"failed_turns": [vars(turn) for turn in turns if not turn.passed]},
    )


def _write_turns(turns: Sequence[TurnResult], out: Path) -> None:
    """Every turn with what it expected and got, for reading the failures in context."""
    rows = [
        {
            "conversation": turn.conversation,
            "message": turn.message,
            "passed": "yes" if turn.passed else "NO",
            "expected": _fields(turn.expected),
            "got": _fields({key: turn.got.get(key) for key in EXPECTABLE if key in turn.got}),
            "problems": "; ".join(turn.problems),
        }
        for turn in turns
    ]
    columns = ("conversation", "message", "passed", "expected", "got", "problems")
    (out / "conversations.md").write_text(tables.markdown_table(rows, columns), encoding="utf-8")


def _fields(values: Dict[str, Any]) -> str:
    return ", ".join(f"{key}={value}" for key, value in values.items())


def independent_crisis_section(
    name: str,
    crises: Sequence[Dict[str, Any]],
    crises_parsed: Sequence[Parsed],
    not_crises: Sequence[Dict[str, Any]],
    not_crises_parsed: Sequence[Parsed],
) -> Section:
    """Crisis recall per category and false alarms on a set written by another author."""
    recall = crisis_recall(crises_parsed)
    alarms = false_crisis(not_crises_parsed)
    per_category: Dict[str, List[int]] = {}
    for row, parsed in zip(crises, crises_parsed, strict=True):
        hits = per_category.setdefault(str(row.get("category")), [0, 0])
        hits[0] += parsed["text"] in recall.matching
        hits[1] += 1
    why = {row["text"]: row.get("why") for row in not_crises}
    return Section(
        figures={
            f"crisis_recall_{name}": recall.rate,
            f"false_crisis_rate_{name}": alarms.rate,
        },
        n={f"crisis_{name}": recall.total, f"not_crisis_{name}": alarms.total},
        details={
            f"crisis_recall_by_category_{name}": {
                category: round(hit / total, 4) for category, (hit, total) in per_category.items()
            },
            f"missed_crises_{name}": [
                {"text": row["text"], "category": row.get("category")}
                for row in crises
                if row["text"] in recall.others
            ],
            f"false_crises_{name}": [
                {"text": p["text"], "why": why.get(p["text"]), "detected_by": _crisis_detector(p)}
                for p in not_crises_parsed
                if p["text"] in alarms.matching
            ],
        },
    )


def parent_questions_section(name: str, rows: Sequence[Dict[str, Any]], send: Any) -> Section:
    """Real parents' questions through the widget API: kind, topic and app, per group."""
    scored = score_questions(rows, send)
    overall = scored["rates"]["all"]
    return Section(
        figures={
            f"questions_{name}_kind": overall["kind"],
            f"questions_{name}_topic": overall["topic"],
            f"questions_{name}_app": overall["app"],
            f"questions_{name}_false_crisis": overall["false_crisis"],
        },
        n={f"questions_{name}": overall["n"]},
        details={
            f"questions_{name}_by_group": scored["rates"],
            f"questions_{name}_misses": scored["misses"],
        },
    )


def parent_conversations_section(
    name: str, conversations: Sequence[Dict[str, Any]], send: Any
) -> Section:
    """Multi-turn conversations through the widget API: turns and whole conversations."""
    scored = score_conversations(conversations, send)
    return Section(
        figures={
            f"conversations_{name}_turns": scored["turns"],
            f"conversations_{name}_whole": scored["conversations"],
        },
        n={
            f"conversations_{name}": scored["n_conversations"],
            f"conversation_turns_{name}": scored["n_turns"],
        },
        details={f"conversations_{name}_misses": scored["misses"]},
    )
