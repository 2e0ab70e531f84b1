"""No value in data/guidance is cut short by a " #" that YAML reads as a comment.

Unquoted, ``title: Europol's #SayNo! campaign`` loads as "Europol's": everything from " #"
on is a comment. Comments on their own line are fine, and so is "#" inside quotes or inside
a ``>-`` / ``|`` block, where YAML keeps it as text.
"""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest
import yaml

from bot.knowledge.loader import DEFAULT_GUIDANCE_DIR

FILES = sorted(DEFAULT_GUIDANCE_DIR.rglob("*.yml"))


def values_cut_by_a_comment(text: str) -> List[str]:
    """Each unquoted value followed by a comment on its line, as "line N: 'value' # rest"."""
    lines = text.splitlines()
    found = []
    for token in yaml.scan(text, Loader=yaml.SafeLoader):
        if isinstance(token, yaml.ScalarToken) and token.plain:
            end = token.end_mark
            rest = lines[end.line][end.column :] if end.line < len(lines) else ""
            if rest[:1] in (" ", "\t") and rest.lstrip().startswith("#"):
                found.append(f"line {end.line + 1}: {token.value!r}{rest}")
    return found


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(DEFAULT_GUIDANCE_DIR)))
def test_no_value_is_cut_by_a_comment(path: Path) -> None:
    found = values_cut_by_a_comment(path.read_text(encoding="utf-8"))
    assert not found, (
        f"{path.relative_to(DEFAULT_GUIDANCE_DIR)}: a value is followed by ' #', which YAML "
        "reads as a comment; quote the value (or move the comment to its own line):\n"
        + "\n".join(found)
    )


@pytest.mark.parametrize(
    "text, cut",
    [
        ("title: Europol's #SayNo! page\n", ['line 1: "Europol\'s" #SayNo! page']),
        ("aliases: [a, b #c]\n", ["line 1: 'b' #c]"]),
        ("review_by: 2027-06-06   # six months\n", ["line 1: '2027-06-06'   # six months"]),
        ('title: "Europol\'s #SayNo! page"\n', []),
        ("# a comment on its own line\nkey: value\n", []),
        ("answer: >-\n  Search for #SayNo! on\n  Europol's site.\n", []),
        ("keywords: ['#sayno', sayno]\n", []),
        ("url: https://example.org/page#part\n", []),
    ],
)
def test_the_guard_finds_exactly_the_cut_values(text: str, cut: List[str]) -> None:
    assert values_cut_by_a_comment(text) == cut
