"""Every app the assistant recognises gets an app-specific, sourced answer to four questions.

"Is X safe for my 10 year old", "what age is X for", "parental controls on X" and "how do I
report someone on X": the reply names X, reports it in ``meta.platform``, and cites a
primary source first. The classifier's part is written by hand, so no model is needed.
"""

from __future__ import annotations

from typing import List, Tuple

import pytest

from bot.answering import Family, answer
from bot.knowledge import get_knowledge_base
from bot.replies import fill_template
from bot.understanding import get_interpreter
from bot.understanding.interpret import Heard, Memory

QUESTIONS: List[Tuple[str, str]] = [
    ("is {app} safe for my 10 year old", "ask_platform_safety"),
    ("what age is {app} for", "ask_age_requirements"),
    ("parental controls on {app}", "ask_parental_controls"),
    ("how do I report someone on {app}", "ask_reporting"),
]
KB = get_knowledge_base()


def reply_text(reply) -> str:
    names = [n for n in (reply.preface, reply.template, reply.follow_up) if n]
    return "\n\n".join(fill_template(name, reply.values) for name in names)


@pytest.mark.parametrize("platform_id", sorted(KB.platforms))
@pytest.mark.parametrize("question, intent", QUESTIONS, ids=[i for _, i in QUESTIONS])
def test_every_app_gets_an_answer_naming_it(platform_id: str, question: str, intent: str) -> None:
    app = KB.platforms[platform_id]
    text = question.format(app=app.name)
    heard = Heard(
        text=text,
        intent=intent,
        ranking=[{"name": intent, "confidence": 0.9}],
        platform_mentions=[platform_id],
    )
    meaning = get_interpreter().interpret(heard, Memory())
    reply = answer(KB, meaning, Family(country="GB"), text)
    assert reply.meta["kind"] == "guidance"
    assert reply.meta["platform"] == platform_id
    assert app.name.lower() in reply_text(reply).lower()
    first = reply.meta["sources"][0]["url"]
    assert KB.source_policy.is_primary(first), first


def test_every_app_has_a_profile() -> None:
    assert sorted(KB.profiles) == sorted(KB.platforms)
