"""One typing style: typing's generics (List, Dict, Optional, ...), as Rasa's own code uses."""

from __future__ import annotations

import re
from typing import List

from bot.paths import ROOT

CODE = [
    path
    for folder in ("bot", "actions", "launcher", "tests")
    for path in sorted((ROOT / folder).rglob("*.py"))
    if "data" not in path.relative_to(ROOT).parts
]
BUILTIN_GENERIC = re.compile(r"(?<![\w.\"'])(list|dict|tuple|set|frozenset)\[")
NONE_UNION = re.compile(r"\w[\]\w]* \| None\b")


def test_annotations_use_typings_generics_and_optional() -> None:
    found: List[str] = []
    for path in CODE:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if BUILTIN_GENERIC.search(line) or NONE_UNION.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == [], "use List/Dict/Tuple/Set/FrozenSet and Optional[...]"
