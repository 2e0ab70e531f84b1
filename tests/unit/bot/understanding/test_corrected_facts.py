"""Facts corrected after the December 2026 check, asked as a parent would ask them.

Each test asks the question through the interpreter and the answer builder (the NLU part
written by hand) and checks what the parent reads.
"""

from __future__ import annotations

from typing import Optional, Sequence

from bot.answering import Family, answer
from bot.knowledge import get_knowledge_base
from bot.replies import fill_template
from bot.safety.response import crisis_reply
from bot.understanding import get_interpreter
from bot.understanding.interpret import Heard, Memory

KB = get_knowledge_base()


def ask(text: str, intent: str, apps: Sequence[str] = (), country: Optional[str] = None) -> str:
    heard = Heard(text, intent, [{"name": intent, "confidence": 0.9}], list(apps))
    reply = answer(KB, get_interpreter().interpret(heard, Memory()), Family(country), text)
    names = [n for n in (reply.preface, reply.template, reply.follow_up) if n]
    return "\n\n".join(fill_template(name, reply.values) for name in names)


def test_an_australian_parent_asking_the_tiktok_age_hears_16() -> None:
    text = ask("what age is tiktok for", "ask_age_requirements", ["tiktok"], country="AU")
    assert "16" in text and "10 December 2025" in text


def test_a_uk_parent_hears_what_the_online_safety_act_requires() -> None:
    text = ask("what age is instagram for", "ask_age_requirements", ["instagram"], country="GB")
    assert "Online Safety Act" in text


def test_microsoft_child_accounts_are_for_under_13s_in_the_us_and_uk() -> None:
    text = ask("xbox parental controls", "ask_parental_controls", ["xbox"])
    assert "13" in text
    assert "under-16s in the US and EU are reported" not in text


def test_tiktok_live_rule_dates_are_the_announcement_and_the_start() -> None:
    text = ask("can my 15 year old go live on tiktok", "ask_livestreaming", ["tiktok"])
    assert "17 October 2022" in text or "23 November 2022" in text


def test_the_us_child_helpline_is_childhelp_not_the_suicide_line() -> None:
    reply = crisis_reply(KB, "sextortion", "US")
    support = reply.values["support"]
    assert "1-800-422-4453" in support
    assert KB.countries["US"].child_helpline is not None
    assert "988" not in (KB.countries["US"].child_helpline.phone or "")


def test_lifeline_is_not_listed_as_an_australian_parent_helpline() -> None:
    parent = KB.countries["AU"].parent_helpline
    assert parent is None or "Lifeline" not in parent.name


def test_the_international_crisis_answer_names_europols_page_in_full() -> None:
    reply = crisis_reply(KB, "sextortion", None)
    lines = fill_template("crisis", reply.values).splitlines()
    assert not any(line.rstrip().endswith("Europol's") for line in lines)


def test_wizz_is_not_said_to_be_off_the_app_store() -> None:
    text = ask("is wizz safe for my 14 year old", "ask_platform_safety", ["wizz"])
    assert "removed from the App Store" not in text and "removed from Apple" not in text


def test_the_unconfirmed_campaigns_are_not_attributed_to_europol() -> None:
    text = ask("what is #DontBeAnEasyCatch", "ask_campaigns_and_sources")
    assert "named by Europol" not in text


def test_a_parent_asking_youtubes_minimum_age_hears_13_and_the_younger_options() -> None:
    # Tenth check (#42): the entry had said it held no minimum age for YouTube.
    text = ask("what age do you have to be for youtube", "ask_age_requirements", ["youtube"])
    assert "at least 13" in text
    assert "no reviewed copy" not in text
