"""Framings that make alarming words no emergency (bot/safety/framing.py)."""

from __future__ import annotations

import pytest

from bot.safety.crisis import detect_crisis
from bot.safety.framing import (
    framed_as_general,
    normalise,
    shows_ordinary_pictures,
    speaks_figuratively,
    without_jests,
)


@pytest.mark.parametrize(
    "text",
    [
        "she sends pictures of her face with cat whiskers to her cousins all day",
        "my son posts videos of his dog on tiktok, he's 12",
        "they swap selfies with silly filters in the group chat",
        "can i put photos from the school trip on our family page",
        # A small child's snapshot kept in the family.
        "a photo of my granddaughter, she's 2, splashing naked in the paddling pool, ok for the fridge?",
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
        # The same snapshot, out of the family.
        "a photo of my 3 year old in the bath on the fridge got posted online by a stranger",
    ],
)
def test_pictures_with_a_danger_or_no_subject_are_not(text: str) -> None:
    assert not shows_ordinary_pictures(text)


def test_a_threat_to_self_said_in_jest_loses_only_that_clause() -> None:
    jest = "he said he'd kill himself if we make him go to the wedding, he was laughing"
    assert "kill" not in without_jests(normalise(jest))
    assert speaks_figuratively(jest) and detect_crisis(jest) is None
    # Without the light-hearted evidence it is taken seriously...
    assert detect_crisis("he said he'd kill himself if we make him go to the wedding") is not None
    # ...and a danger told beside the jest is still one.
    both = jest + ". a man on discord is asking him for nudes right now"
    assert detect_crisis(both) is not None


@pytest.mark.parametrize(
    "text",
    [
        "the pics were taken down in 2023 and the boy was suspended, how do I help her now?",
        "he ran off to meet someone from a game the summer before last, police dealt with it, "
        "he's fine. is a supervised meet-up ok now?",
        "heard on the radio about kids being blackmailed over photos, my son is 10, should I worry?",
        "our drama club's play is about a girl being groomed online, what support should we offer?",
        "in a scenario where a pupil says her nudes are being shared, what should the teacher do first?",
    ],
)
def test_dated_dealt_with_second_hand_fictional_and_planned_are_general(text: str) -> None:
    assert framed_as_general(text)


@pytest.mark.parametrize(
    "text",
    [
        # Dated, but happening again now.
        "the pics were taken down in 2023 but now they're back up on another site",
        # A play, but a real pupil filmed now.
        "a pupil was filmed in the changing rooms during rehearsals and it's being shared right now",
    ],
)
def test_what_is_going_on_now_outweighs_the_framing(text: str) -> None:
    assert not framed_as_general(text)


def test_a_message_about_adults_only_is_not_a_childs_crisis() -> None:
    from bot.safety.framing import about_adults_only

    assert about_adults_only("my colleague's 24 year old had her pictures leaked by an ex")
    # the adult is the danger, the child the one in it
    assert not about_adults_only("my little sister is 13 and some 22 year old keeps asking her")
    assert not about_adults_only("a 30 year old man is messaging my daughter")


def test_asking_whether_a_group_may_post_photos_is_everyday_advice() -> None:
    from bot.safety.framing import asks_for_everyday_advice

    assert asks_for_everyday_advice("can we share pictures of the team on our club page?")
