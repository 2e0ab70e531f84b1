"""Static checks on widget/widget.js and widget/demo.html (no browser needed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

WIDGET = Path(__file__).resolve().parents[2] / "widget"
SCRIPT = (WIDGET / "widget.js").read_text(encoding="utf-8")


def test_widget_is_small_and_ascii() -> None:
    # Served without a charset, a script is decoded with the embedding page's encoding.
    # The budget was 20 KiB until the crisis card (about 3.5 KiB), 24 KiB until "Was this
    # helpful?" (about 2.4 KiB), 28 KiB until the site's look and "Save this advice" (about
    # 5.2 KiB together).
    assert (WIDGET / "widget.js").stat().st_size < 31 * 1024
    assert SCRIPT.isascii()


@pytest.mark.parametrize(
    "forbidden",
    ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
     "localStorage", "document.cookie", "http://", "import("],
)  # fmt: skip
def test_widget_never_uses(forbidden: str) -> None:
    assert forbidden not in SCRIPT


def test_widget_loads_nothing_from_elsewhere() -> None:
    # The only absolute URL is the default Quick exit target.
    assert re.findall(r"https://[^\s\"'`)]+", SCRIPT.split("*/", 1)[1]) == [
        "https://www.google.com"
    ]


def test_demo_page_embeds_the_widget_once() -> None:
    page = (WIDGET / "demo.html").read_text(encoding="utf-8")
    assert page.count("<script") == 1
    assert '<script src="/webhooks/widget/widget.js" defer></script>' in page
