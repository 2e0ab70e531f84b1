"""Framings that make alarming words no emergency (bot/safety/framing.py)."""

from __future__ import annotations

import pytest

from bot.safety.framing import shows_ordinary_pictures


@pytest.mark.parametrize(
    "text",
    [
        "she sends pictures of her face with cat whiskers to her cousins all day",
        "my son posts videos of his dog on tiktok, he's 12",
        "they swap selfies with silly filters in the group chat",
        "can i put photos from the school trip on our family page",
    ],
)
def test_everyday_pictures_are_ordinary(text: str) -> None:
    assert shows_ordinary_pictures(text)


@pytest.mark.parametrize(
    "text",
    [
        # The same pictures, with someone pressing for them or threatening with them.
        "a man on roblox keeps asking her for pictures of her face",
        "he has pictures of her face and says he'll post them unless she pays",
        "someone wants more photos of her with filters, he says he's 25",
        # Pictures whose subject is not said.
        "she keeps sending pictures to a boy from another school",
    ],
)
def test_pictures_with_a_danger_or_no_subject_are_not(text: str) -> None:
    assert not shows_ordinary_pictures(text)
