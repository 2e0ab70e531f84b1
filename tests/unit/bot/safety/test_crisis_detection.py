"""The crisis safety net: every crisis message caught, ordinary questions left alone.

The crisis file was written independently of the patterns (by someone who had not
seen them). Recall must be 100%: a missed crisis is the failure that matters most.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import List, Optional

import pytest
import yaml

from bot.knowledge.schema import CRISIS_TOPICS
from bot.safety.crisis import detect_crisis
from bot.safety.framing import worry_without_danger
from tests.harness.paths import CRISIS_MESSAGES, NLU_TESTS, NOT_CRISIS_MESSAGES

CRISIS = yaml.safe_load(CRISIS_MESSAGES.read_text(encoding="utf-8"))["crisis"]
HARD_NEGATIVES = yaml.safe_load(NOT_CRISIS_MESSAGES.read_text(encoding="utf-8"))["not_crisis"]
MAX_FALSE_CRISIS_RATE = 0.02
_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


def held_out_non_crisis() -> List[str]:
    """Every held-out NLU test message not labelled as a crisis."""
    texts = []
    for block in yaml.safe_load(NLU_TESTS.read_text(encoding="utf-8"))["nlu"]:
        if block.get("intent") in (None, "report_crisis"):
            continue
        for line in block["examples"].splitlines():
            if line.strip().startswith("- "):
                texts.append(_ANNOTATION.sub(r"\1", line.strip()[2:]))
    return texts


def test_crisis_file_is_large_and_covers_every_kind_of_crisis() -> None:
    counts = Counter(item["category"] for item in CRISIS)
    assert len(CRISIS) >= 60
    assert set(counts) == set(CRISIS_TOPICS)
    assert min(counts.values()) >= 10


@pytest.mark.parametrize("item", CRISIS, ids=lambda item: item["text"][:50])
def test_every_crisis_message_is_caught(item) -> None:
    assert detect_crisis(item["text"]) is not None


def test_crisis_recall_is_100_percent() -> None:
    missed = [item["text"] for item in CRISIS if detect_crisis(item["text"]) is None]
    assert missed == []


def test_false_crisis_rate_on_held_out_messages_is_at_most_2_percent() -> None:
    texts = held_out_non_crisis()
    flagged = [text for text in texts if detect_crisis(text)]
    assert len(texts) >= 300
    assert len(flagged) / len(texts) <= MAX_FALSE_CRISIS_RATE, flagged


def test_false_crisis_rate_on_hard_negatives_is_at_most_2_percent() -> None:
    flagged = [item["text"] for item in HARD_NEGATIVES if detect_crisis(item["text"])]
    assert len(HARD_NEGATIVES) >= 60
    assert len(flagged) / len(HARD_NEGATIVES) <= MAX_FALSE_CRISIS_RATE, flagged


@pytest.mark.parametrize(
    "text, category",
    [
        ("Someone is blackmailing my son with a photo, what do I do?", "sextortion"),
        ("he says hell post my pics unless i pay", "sextortion"),
        ("my daughter is going to meet a man from snapchat tonight", "meeting"),
        ("a man on discord keeps asking my 11 year old for nudes", "abuse"),
        ("my son hasnt come home and his phone is off", "missing"),
        ("i want to die", "self_harm"),
        ("found child porn on a laptop", "abuse_material"),
        # Ideas combined, in words no pattern was written for.
        ("they say if he reports them the photos go up everywhere, he's 13", "sextortion"),
        ("a grown man on a train was filming my 9 year old while she changed", "covert_recording"),
        (
            "boys held a phone over the cubicle while my daughter was in the toilet",
            "covert_recording",
        ),
        ("she's missing and the last person she messaged was someone from a game", "missing"),
        ("my son says he will die because of the video they have of him online", "self_harm"),
        ("a 40 year old keeps asking my 11 year old for pics in her swimsuit", "abuse"),
        (
            "someone from a game wants my 10 year old on facetime with the door shut, not to tell mum",
            "abuse",
        ),
        (
            "an account dared my son (12) to try the blackout challenge or they'd leak his chats",
            "self_harm",
        ),
        ("my stepdad put a little camera in my daughter's bedroom", "covert_recording"),
        # General framing does not hide what is still going on.
        ("is it normal for an adult to keep messaging my 10 year old asking for nudes", "abuse"),
    ],
)
def test_category_is_reported(text: str, category: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None and signal.category == category
    assert signal.topic == CRISIS_TOPICS[category]


@pytest.mark.parametrize(
    "text",
    [
        "what is sextortion?",
        "what are the warning signs of grooming",
        "is it safe for teens to meet people they know from games?",
        "my son is missing out on sleep",
        "suicide prevention content for schools",
        "how much money does roblox cost",
        "I'm terrified of grooming, my girl is 9 and on roblox. nothing has happened yet",
        "a podcast said sextortion cases have tripled, what should parents know",
        "my son had counselling after being bullied and is doing well now, can he have snapchat",
        "the youth leader will be at the meet-up with the boy she games with, should I still worry",
        # Figures of speech, past events, supervised meetings, a family's own camera.
        "the school wants phones banned, how do I stay in touch with my daughter",
        "my niece went through sextortion in 2023 and she's fine now, can she share her story",
        "how do I start talking about sextortion without scaring my 12 year old",
        "he wants to meet a friend from fortnite, I've spoken to the boy's dad and I will go too",
        "we installed a nanny cam in the playroom, is that legal",
        "my son ran off giggling when I asked about his screen time haha",
        "my daughter is missing out on homework because of tiktok",
        "someone showed me porn online when i was a kid, how do I protect my own children",
    ],
)
def test_general_questions_are_not_crises(text: str) -> None:
    assert detect_crisis(text) is None


@pytest.mark.parametrize(
    "text, topic",
    [
        ("my son watched something horrible on youtube and now has nightmares", "harmful_content"),
        ("she saw a scary clip of a car crash at her friend's house", "harmful_content"),
        (
            "my 14 year old spends hours with an ai companion, her best friend",
            "harmful_content",
        ),
        # A danger named, or a child shown being harmed, is never mere worry.
        ("my son saw a video of a man hurting a child", None),
        ("she saw a video of her friend self harming", None),
        ("an ai chatbot told my son to kill himself", None),
        ("a man sent my daughter a video of himself naked", None),
    ],
)
def test_an_upsetting_sight_or_a_chatbot_with_no_danger_named_is_worry(
    text: str, topic: Optional[str]
) -> None:
    # The safety net turns the classifier's unsure-of-danger crisis into this topic's question.
    assert worry_without_danger(text) == topic


@pytest.mark.parametrize(
    "text",
    [
        # An adult asking a child for pictures, with no sexual word said.
        "a 40 year old man on snapchat keeps asking my 11 year old daughter for selfies",
        "some grown man keeps begging my son (12) for pics of himself",
        # A home camera reaching strangers.
        "the baby monitor camera was hacked and someone online is streaming my toddler's room",
        # Evidence found by looking, told plainly.
        "I checked my daughter's profile and there's a video of her changing filmed by her coach",
    ],
)
def test_new_wordings_of_each_category_raise_the_alarm(text: str) -> None:
    assert detect_crisis(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "a boy in her class asked her for a photo of her new puppy",
        "my daughter wants to stream on twitch from her bedroom, is that safe?",
        "should we put a camera in the nursery to watch the baby",
    ],
)
def test_the_same_words_without_the_danger_do_not(text: str) -> None:
    assert detect_crisis(text) is None


def test_a_picture_named_earlier_and_now_going_round_is_a_crisis() -> None:
    from bot.safety.crisis import crisis_in_context

    earlier = ["she sent a nude to her boyfriend last month"]
    signal = crisis_in_context(
        "a 15 year old's photo is going round the year group chat now", earlier
    )
    assert signal is not None and signal.category == "image_shared"
    # Without a private picture said before, a photo going round is not one.
    assert (
        crisis_in_context("her photo is going round the class chat", ["what age for tiktok"])
        is None
    )
