"""Intent classification figures on the held-out file, with scikit-learn's metrics.

Predictions are read the way `rasa test nlu` reads them (a fallback prediction is undone
to the intent it shadowed), so accuracy and macro F1 here match the figures in the README
and the floors checked on `rasa test nlu`'s own report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Sequence

import numpy as np
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_recall_fscore_support,
)

from bot.intents import PLATFORM_SAFETY_INTENT, topic_for_intent
from tests.evaluation.measures import Parsed

# The topic of "is <app> safe?" questions comes from the app's category.
APP_CATEGORY = "(the app's category)"


def predicted_intent(parsed: Parsed) -> str:
    """The intent as `rasa test nlu` scores it: the classifier's, not ``nlu_fallback``."""
    from rasa.nlu.classifiers import fallback_classifier  # Rasa is slow to import

    if fallback_classifier.is_fallback_classifier_prediction(parsed):
        parsed = fallback_classifier.undo_fallback_prediction(parsed)
    return str(parsed["intent"]["name"])


def topic_of(intent: str) -> Optional[str]:
    """The guidance topic an intent asks about, for the per-topic table."""
    if intent == PLATFORM_SAFETY_INTENT:
        return APP_CATEGORY
    return topic_for_intent(intent)


@dataclass(frozen=True)
class IntentRow:
    """Precision, recall and F1 of one intent; ``support`` is its number of test examples."""

    intent: str
    topic: Optional[str]
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class IntentScores:
    """Overall and per-intent figures and the confusion matrix (rows are the true intents)."""

    accuracy: float
    macro_f1: float
    rows: List[IntentRow]
    labels: List[str]
    confusion: np.ndarray


def score_intents(gold: Sequence[str], predicted: Sequence[str]) -> IntentScores:
    """Score predicted against gold intents.

    The labels are every intent seen in either list, as in scikit-learn's
    classification report (and so in `rasa test nlu`): an intent predicted but never
    expected lowers the macro average instead of being ignored.
    """
    labels = sorted(set(gold) | set(predicted))
    precision, recall, f1, support = precision_recall_fscore_support(
        gold, predicted, labels=labels, zero_division=0
    )
    rows = [
        IntentRow(label, topic_of(label), float(p), float(r), float(f), int(s))
        for label, p, r, f, s in zip(labels, precision, recall, f1, support, strict=True)
    ]
    return IntentScores(
        accuracy=float(accuracy_score(gold, predicted)),
        macro_f1=float(f1_score(gold, predicted, labels=labels, average="macro", zero_division=0)),
        rows=rows,
        labels=labels,
        confusion=confusion_matrix(gold, predicted, labels=labels),
    )
