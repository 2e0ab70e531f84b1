"""The report's figures as PNG files (matplotlib's Agg backend: no display is needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import numpy as np

from tests.evaluation.intents import IntentRow


def _pyplot() -> Any:
    """pyplot on the Agg backend, chosen before pyplot is first imported."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def save_confusion_matrix(labels: Sequence[str], matrix: np.ndarray, path: Path) -> None:
    """A confusion matrix with counts in the cells: true intents down, predicted across."""
    plt = _pyplot()
    from sklearn.metrics import ConfusionMatrixDisplay

    size = max(6.0, 0.42 * len(labels) + 3)
    figure, axes = plt.subplots(figsize=(size, size))
    display = ConfusionMatrixDisplay(confusion_matrix=matrix, display_labels=list(labels))
    display.plot(ax=axes, cmap="Blues", colorbar=False, xticks_rotation="vertical")
    # Zero cells say nothing and crowd the picture: show only the counts that exist.
    for text in display.text_.ravel():
        if text.get_text() == "0":
            text.set_text("")
    axes.set_title("Held-out intents: true (rows) against predicted (columns)")
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)


def save_f1_bars(rows: Sequence[IntentRow], path: Path) -> None:
    """Per-intent F1 as horizontal bars, worst first, with each intent's support."""
    plt = _pyplot()
    ordered = sorted(rows, key=lambda row: row.f1)
    figure, axes = plt.subplots(figsize=(8, max(4.0, 0.3 * len(ordered) + 1)))
    axes.barh([f"{row.intent} ({row.support})" for row in ordered], [row.f1 for row in ordered])
    axes.set_xlim(0, 1)
    axes.set_xlabel("F1 on the held-out file (support in brackets)")
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)
