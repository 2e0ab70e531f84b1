"""Actions that answer parents' questions from the guidance knowledge base."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import (
    earlier_user_texts,
    heard,
    memory,
    resolve_country,
    school_contact,
    school_links,
    send_reply,
    slot_events,
)
from actions.crisis import send_crisis_response
from actions.small_talk import send_small_talk
from bot.answering import Family, answer, clarify_buttons
from bot.intents import topic_for_intent
from bot.knowledge import get_knowledge_base
from bot.replies import Reply, reply_meta
from bot.safety.crisis import crisis_in_context
from bot.understanding import get_interpreter
from bot.understanding.children import age_of_child_returned_to, said_of_child_returned_to
from bot.understanding.interpret import SMALL_TALK, Heard, Interpreter, Memory


class ActionAnswerGuidance(Action):
    """Answer in the conversation's context: guidance, a question back, or off-topic.

    Every message that is not a crisis or small talk comes here, off-topic ones
    included, because only here is the conversation known: "what could go wrong?" is a
    question about the app just discussed, not an off-topic request.
    """

    def name(self) -> str:
        """Unique identifier of the action."""
        return "action_answer_guidance"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[str, Any],
    ) -> List[EventType]:
        """Send the reply and remember the topic, app, age and country for follow-ups."""
        said = heard(tracker)
        # Read once: the crisis check, the child returned to and that child's app all use it.
        earlier = list(earlier_user_texts(tracker))
        in_context = crisis_in_context(said.text, earlier)
        if in_context is not None:
            # "now it's going round her year group", after "she sent her boyfriend a pic"
            return send_crisis_response(dispatcher, tracker, in_context.category)
        kb = get_knowledge_base()
        country = resolve_country(tracker, kb)
        if said.age_band is None:
            # "back to my daughter": her age, said earlier, not the last child's.
            returned_to = age_of_child_returned_to(said.text, earlier)
            said = replace(said, age_band=returned_to) if returned_to else said
        interpreter = get_interpreter()
        meaning = interpreter.interpret(said, memory_for_child(tracker, said, earlier, interpreter))
        if meaning.kind == SMALL_TALK and meaning.small_talk:
            # Thanks or "are you a real person?" in the parent's own words.
            send_small_talk(dispatcher, tracker, meaning.small_talk)
            return []
        reply = answer(
            kb, meaning, Family(country, school_contact(tracker), school_links(tracker)), said.text
        )
        send_reply(dispatcher, reply)
        return slot_events(tracker, {**reply.slots, "country": country})


def memory_for_child(
    tracker: Tracker, said: Heard, earlier: List[str], interpreter: Interpreter
) -> Memory:
    """The conversation's memory, with the app of the child the parent goes back to.

    "Back to Maya. Is the private account thing on automatically?" continues Maya's TikTok,
    not her sister's Roblox: the latest app named in what was said about Maya.
    """
    remembered = memory(tracker)
    if interpreter.platform_named(said):
        return remembered
    for about_the_child in said_of_child_returned_to(said.text, earlier):
        app = interpreter.app_written_in(about_the_child)
        if app:
            return replace(remembered, platform=app, game=None)
    return remembered


class ActionClarify(Action):
    """When no rule applies, offer the most likely topics as buttons instead of guessing."""

    def name(self) -> str:
        """Unique identifier of the action."""
        return "action_clarify"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[str, Any],
    ) -> List[EventType]:
        """Send the clarify question with up to three topic buttons."""
        kb = get_knowledge_base()
        ranking = (tracker.latest_message or {}).get("intent_ranking") or []
        topics = [t for t in (topic_for_intent(r.get("name")) for r in ranking) if t][:3]
        buttons = clarify_buttons(kb, topics, tracker.get_slot("platform"))
        meta = reply_meta(
            "clarify",
            age_band=tracker.get_slot("age_band"),
            country=tracker.get_slot("country"),
        )
        template = "clarify" if buttons else "not_understood"
        send_reply(dispatcher, Reply(template, meta, buttons=buttons))
        return []
