"""Decide what a parent's message asks, in the context of the conversation so far.

NLU hands over what it heard in the message alone (intent ranking, app mentions); the
conversation remembers the topic, app and child's age of the last answer. This module
weighs three signals for the topic — the classifier, the knowledge base's own words
(``retrieval``) and the feature, service and campaign names that entries list as
``keywords`` — and applies the follow-up rules of ``follow_up``. It decides here, not in
a stateless NLU component, whether the message is in scope: "what could go wrong" is a
fair question inside a conversation about YouTube, and off-topic on its own.

Crises are decided before this runs (the crisis safety net and the ``report_crisis``
intent); this module never turns a message into one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from bot.intents import (
    ACKNOWLEDGE,
    BOT_CHALLENGE_INTENT,
    FOLLOW_UP_INTENT,
    INFORM_AGE_INTENT,
    NLU_FALLBACK_INTENT,
    OUT_OF_SCOPE_INTENT,
    PLATFORM_SAFETY_INTENT,
    THANK_INTENT,
    topic_for_intent,
)
from bot.knowledge.ages import age_band_from_text, says_only_teen
from bot.knowledge.schema import AGE_BANDS, CONSOLES, GuidanceEntry, KnowledgeBase
from bot.safety.countries import without_places
from bot.understanding import follow_up
from bot.understanding.app_names import BareNames, mentions_meant
from bot.understanding.retrieval import TopicIndex, ranked
from bot.understanding.scope import (
    continues_a_safety_conversation,
    has_strong_cue,
    is_about_children_online,
    mentions_someone,
    names_a_child_online,
    names_another_domain,
)
from bot.understanding.small_talk import (
    introduces_the_writer,
    is_a_bare_reply,
    is_a_reaction,
    is_a_remark,
    only_thanks,
    picks_a_choice,
    small_talk_intent,
)
from bot.understanding.text import RANDOM_VIDEO_CHAT_WORDS, as_meant, padded
from bot.understanding.topic_words import (
    TOPIC_WORD_WEIGHT,
    TOPIC_WORD_WEIGHT_IN_CONVERSATION,
    topics_named,
)
from bot.understanding.unlisted_apps import (
    asks_about_the_app,
    says_app_or_game,
    unlisted_app_name,
)

GUIDANCE, OUT_OF_SCOPE, CLARIFY, AGE_NOTED = "guidance", "out_of_scope", "clarify", "age_noted"
SMALL_TALK = "small_talk"

# How much each signal weighs in a topic's score. The classifier's probabilities sum to
# one over all intents; retrieval's cosine rarely passes 0.5 even for a close question.
RETRIEVAL_WEIGHT = 1.0
KEYWORD_WEIGHT = 0.6
# Below this combined score no topic is plausible enough to answer: ask instead.
ANSWER_MIN_SCORE = 0.3
# A topic this sure replaces the conversation's topic in a message the classifier found
# off-topic; below it, such a message continues the conversation's topic.
CONFIDENT_TOPIC_SCORE = 0.6
# A question naming an app whose topic is less sure than this gets the app's overview
# (age, contact, family tools), which answers most questions about an app in part.
APP_OVERVIEW_BELOW = 0.5
# A message the classifier calls off-topic is answered only with a strong subject cue
# and this much evidence for a topic, so "what's my bank balance" stays off-topic.
RESCUE_MIN_SCORE = 0.35
MAX_CLARIFY_OPTIONS = 3
# What a broad question with no clearer topic is answered from.
GENERAL_TOPIC = "talking_with_children"
# The topic a word "live" can wrongly point to ("we live in France").
LIVESTREAMING_TOPIC = "livestreaming"
# Sites that pair strangers on camera: a topic of its own, never the topic of an app of another kind.
RANDOM_VIDEO_CHAT_TOPIC = "random_video_chat"
# Right after the crisis response, "what do we do now?", "do I keep it for evidence?" or
# "who do I ring?" ask about reporting, removal and evidence, whatever the crisis was.
AFTER_CRISIS_TOPIC = "reporting"
# Age rules: a question about this topic must say so in its words, not only give an age.
AGE_TOPIC = "age_requirements"
# The topics a question right after the crisis response can name and still be about it
# ("should we pay?" is sextortion; "should I tell her school" is no bullying question).
AFTER_CRISIS_TOPICS = frozenset(
    # (parental controls: "how do I stop her going live", "can I block him from adding her")
    {
        "reporting",
        "sextortion",
        "grooming",
        "talking_with_children",
        "privacy_and_location",
        "parental_controls",
    }
)


# Chatting with people, as the classifier hears it in any app; in a game it is the game's.
_CHAT_KINDS = frozenset({RANDOM_VIDEO_CHAT_TOPIC, "social_and_chat_apps"})
# Whether strangers can reach a child in a game: "can he talk with strangers in Switch",
# "can people he doesn't know message him on it".
_STRANGERS_CAN_REACH = re.compile(
    r"\b(?:talk|chat|speak|message|play|contact)\w* (?:with |to )?(?:strangers|randoms|people "
    r"(?:he|she|they) (?:don'?t|doesn'?t) know)|\b(?:strangers|randoms) (?:\w+ )?(?:talk|chat|speak|"
    r"message|contact|add)\w*"
)


# A child wanting an app, in words: "the 10 yr old wants fortnite", "she's begging for tiktok".
_WANTS = re.compile(
    r"\b(?:wants?|wanting|asking for|asks for|begging|begs|desperate for|keeps asking)\b"
)


# Another child wanting the app under discussion: "the 9 year old wants it too".
_WANTS_IT_TOO = re.compile(
    r"\b(?:wants?|wanting|begging for|asking for|desperate for) (?:it|that|one|this|them)\b|"
    r"\bwants? to (?:get|have|join|download|use|go on|be on)\b"
)


# Whether something suits a child of that age: "is stumble guys ok for my 7 year old?".
_ASKS_IF_SUITABLE = re.compile(
    r"\b(?:ok|okay|safe|suitable|appropriate|alright|fine|good|right|allowed|ready)\b"
    r"(?: \S+){0,2} (?:for|at)\b"
)


# Topics whose words ("buy", "all the time") any other errand can use: inside a conversation
# they alone do not make a message ours.
_ANY_ERRAND_TOPICS = frozenset({"scams_and_spending", "screen_time"})


@dataclass(frozen=True)
class Heard:
    """What NLU made of the latest message alone."""

    text: str
    intent: Optional[str]
    ranking: Sequence[Mapping[str, Any]] = ()
    # The apps the EntityRuler found, as written in the message ("insta", "the switch").
    platform_mentions: Sequence[str] = ()
    # An age band chosen with a button (an entity), which needs no parsing.
    age_band: Optional[str] = None


@dataclass(frozen=True)
class Memory:
    """What the conversation established in earlier turns."""

    topic: Optional[str] = None
    platform: Optional[str] = None
    age_band: Optional[str] = None
    # The last reply was the crisis response: "what do we do now?" asks what to do about it.
    after_crisis: bool = False
    # The last game discussed: "the game" still means it after a question about the console.
    game: Optional[str] = None

    def follow_up_context(self) -> Optional[str]:
        """The topic a follow-up naming none continues: right after a crisis, how to report it."""
        return AFTER_CRISIS_TOPIC if self.after_crisis else self.topic


@dataclass(frozen=True)
class Interpretation:
    """What to answer: a kind of reply and, for guidance, the topic, app and age."""

    kind: str
    topic: Optional[str] = None
    platform: Optional[str] = None
    age_band: Optional[str] = None
    # "Is <app> safe / what is <app>": an overview of the app, not one topic of it.
    whole_app: bool = False
    # The parent asks about an app or game we do not list.
    unlisted_app: Optional[str] = None
    # An entry whose keyword (a feature, service or campaign) the message names.
    keyword_entry: Optional[str] = None
    # "Is this app safe?" with no app named or remembered: ask which.
    which_app: bool = False
    # Topics to offer as buttons when asking, best first.
    options: Tuple[str, ...] = ()
    # SMALL_TALK: the small-talk intent whose fixed reply answers ("thank", "bot_challenge").
    small_talk: Optional[str] = None
    # Which rule decided: for tests and debugging, never shown to parents.
    reason: str = ""


class Interpreter:
    """Built once per knowledge base: the retrieval index and the keyword list."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.index = TopicIndex(kb.entries)
        # Longest first, so "family pairing" wins over "family"; padded once, here.
        self._keywords: List[Tuple[str, GuidanceEntry]] = sorted(
            (
                (padded(k), e)
                for e in kb.entries
                for k in e.keywords
                if padded(k).strip() and not self._names_the_app_itself(k, e)
            ),
            key=lambda item: -len(item[0]),
        )
        self._app_spellings = follow_up.padded_spellings(
            s for p in kb.platforms.values() for s in p.spellings()
        )
        # Each spelling with its app, longest first ("youtube kids" before "youtube").
        self._spelling_ids = sorted(
            {(padded(s), p.id) for p in kb.platforms.values() for s in p.spellings() if s.strip()},
            key=lambda item: -len(item[0]),
        )
        # (topic, app) for every entry written for an app itself: asked on follow-ups.
        self._own_entries = frozenset((e.topic, p) for e in kb.entries for p in e.platforms)
        self._bare_names = BareNames(
            {
                spelling: p.id
                for p in kb.platforms.values()
                if p.needs_qualifier
                for spelling in (p.id.replace("_", " "), p.name.lower())
            }
        )

    def interpret(self, heard: Heard, memory: Memory) -> Interpretation:
        """The reply this message needs (see the module docstring)."""
        heard = _as_meant(heard)
        text = heard.text
        # Verbs ("switch off") and makers ("Facebook's") dropped once, for every rule below.
        heard = replace(
            heard, platform_mentions=tuple(mentions_meant(text, heard.platform_mentions))
        )
        named = self._platform_in(text, heard.platform_mentions)
        typed_age = age_band_from_text(text)
        if memory.age_band == "16_17" and says_only_teen(text):
            # "a good first car for a teen?" about the 16-year-old: still 16 to 17.
            typed_age = None
        button_age = heard.age_band if heard.age_band in AGE_BANDS else None
        age = button_age or typed_age or memory.age_band
        in_conversation = memory.topic is not None
        general = follow_up.asks_in_general(text)
        remembered = in_conversation or follow_up.refers_back(text)
        carried = memory.platform if remembered and not general else None
        if carried in CONSOLES and memory.game and follow_up.names_the_game(text):
            # "what about the voice chat in the game", after "he plays it on the PS5"
            carried = memory.game
        platform = named or carried

        button_topic = topic_for_intent(heard.intent) if not text.strip() else None
        if button_topic is None and not text.strip() and heard.intent == INFORM_AGE_INTENT:
            # An age button: re-answer the last question for that age.
            if memory.topic:
                return self._guidance(memory.topic, platform, age, reason="age button")
            return Interpretation(AGE_NOTED, age_band=age, reason="age button, no question yet")
        if button_topic is not None:
            # A topic button (clarify): answer it with the app and age already known.
            return self._guidance(button_topic, memory.platform, age, reason="topic button")

        if named is None and typed_age is None:
            chat = self._small_talk_in_words(text, in_conversation)
            if chat is not None:
                # Before any follow-up rule: "ok merci, have a nice day" is no open follow-up,
                # whatever the classifier heard.
                return Interpretation(
                    SMALL_TALK, age_band=age, small_talk=chat, reason="small talk in words"
                )

        form = follow_up.message_form(
            without_places(text),
            self._app_spellings,
            gives_age=typed_age is not None or button_age is not None,
            named_app=named is not None,
        )
        if heard.intent == FOLLOW_UP_INTENT and form == follow_up.NEW_QUESTION and not named:
            form = follow_up.OPEN

        if form == follow_up.ELLIPSIS:
            feature = self._keyword_entry(text)
            if feature is not None and named and feature.platforms:
                # "and snap map?": the feature's own entry, for the app it belongs to.
                return self._guidance(
                    feature.topic, named, age, keyword_entry=feature.id, reason="feature named"
                )
            if in_conversation and memory.topic:
                topic = memory.topic
                whole_app = self._is_whole_app_topic(memory.topic, memory.platform)
                if (
                    named
                    and not whole_app
                    and _WANTS.search(text.lower())
                    and follow_up.only_wants_the_app(text, self._app_spellings)
                ):
                    # "and the 10 yr old wants fortnite": a child wanting another app asks
                    # about that app as a whole, not the last topic of the last one.
                    whole_app = True
                elif named and whole_app and self._has_own_entry(topic, named):
                    # "what about youtube instead", after streaming on Twitch: YouTube has its
                    # own entry on going live, so the subject stays; Discord has none.
                    whole_app = topic == self._category(named)
                if named and whole_app:
                    topic = self._category(named) or topic
                return self._guidance(topic, platform, age, whole_app=whole_app, reason="ellipsis")
            if named:
                return self._guidance(
                    self._category(named) or "",
                    named,
                    age,
                    whole_app=True,
                    reason="app named on its own",
                )
            return Interpretation(AGE_NOTED, age_band=age, reason="age only, no question yet")

        if form == follow_up.OPEN:
            if in_conversation and memory.topic:
                topic = follow_up_topic(text, memory)
                if platform and follow_up.asks_for_an_alternative(text) and not topics_named(text):
                    # "is there a safer alternative": other apps of the same kind, whatever
                    # the last topic was (spending on Roblox leads to other games).
                    topic = self._category(platform) or topic
                else:
                    topic = self._risks_after_age_rule(text, topic, platform)
                whole_app = self._is_whole_app_topic(topic, platform)
                return self._guidance(
                    topic, platform, age, whole_app=whole_app, reason="open follow-up"
                )
            if platform and not named:
                # "But is it safe?" about the app just named, before any topic.
                return self._guidance(
                    self._category(platform) or "",
                    platform,
                    age,
                    whole_app=True,
                    reason="open follow-up about the app",
                )
            if not named and follow_up.is_bare_follow_up(text):
                return Interpretation(CLARIFY, age_band=age, reason="follow-up with no context")
            # "Why are kids drawn to gambling?" has a follow-up's shape but holds its own
            # question: read it as one.

        if in_conversation and typed_age is not None and named is None:
            about_a_child = self._age_given_mid_conversation(heard, memory, platform, age)
            if about_a_child is not None:
                return about_a_child
        return self._new_question(
            heard, memory, named, platform, age, in_conversation, typed_age is not None
        )

    def _age_given_mid_conversation(
        self, heard: Heard, memory: Memory, platform: Optional[str], age: Optional[str]
    ) -> Optional[Interpretation]:
        """A message giving a child's age inside a conversation, naming no app: which answer.

        None when it asks something new, which the rules for a new question then read.
        """
        text, lowered = heard.text, heard.text.lower()
        names_a_topic = bool(topics_named(text))
        if platform and _WANTS_IT_TOO.search(lowered) and not names_a_topic:
            # "my 13yo wants it", "the 9 year old wants it too": the app under discussion, as
            # a whole, for that child.
            return self._guidance(
                self._category(platform) or memory.topic or "",
                platform,
                age,
                whole_app=True,
                reason="another child wants the app",
            )
        if (
            memory.topic
            and topic_for_intent(heard.intent) in (None, AGE_TOPIC)
            and heard.intent != PLATFORM_SAFETY_INTENT
            and not names_a_topic
            and not _ASKS_IF_SUITABLE.search(lowered)
            and not _WANTS_IT_TOO.search(lowered)
            and self._keyword_entry(text) is None
            and unlisted_app_name(text) is None
        ):
            # "she's 13, just started secondary in Galway", "asking for my own kid at home too,
            # she's 7": an age with words around it, asking nothing new. The classifier hears
            # an age and guesses age rules; the parent wants the last answer for this child.
            return self._guidance(
                memory.topic,
                platform,
                age,
                whole_app=self._is_whole_app_topic(memory.topic, platform),
                reason="an age given, the question goes on",
            )
        return None

    def _small_talk_in_words(self, text: str, in_conversation: bool) -> Optional[str]:
        """The small talk a message's own words make, whatever the classifier heard.

        Thanks that ask nothing more, a question about who answers, and (in a conversation) a
        reaction to the last answer. A message naming a feature or an app we do not list, or
        another assistant's subject, is not small talk.
        """
        if self._keyword_entry(text) is not None or unlisted_app_name(text):
            return None
        if only_thanks(text) and not names_another_domain(text):
            return THANK_INTENT
        if small_talk_intent(text) == BOT_CHALLENGE_INTENT and not has_strong_cue(text):
            # "what's your name then?": about us
            return BOT_CHALLENGE_INTENT
        if in_conversation and is_a_reaction(text):
            # "haha ok my wife was right so": a reaction to the answer, not a new question
            return ACKNOWLEDGE
        return None

    def app_written_in(self, text: str) -> Optional[str]:
        """The first listed app a message spells out, without NLU's mentions (earlier turns)."""
        lowered = padded(text.lower().replace("\u2019", "'"))
        found = [
            (lowered.find(spelling), platform_id)
            for spelling, platform_id in self._spelling_ids
            if spelling in lowered
        ]
        return min(found)[1] if found else None

    def platform_named(self, heard: Heard) -> Optional[str]:
        """The app the message names, as ``interpret`` reads it (verbs and bare names too)."""
        return self._platform_in(heard.text, mentions_meant(heard.text, heard.platform_mentions))

    def _platform_in(self, text: str, mentions: Sequence[str]) -> Optional[str]:
        """The app named by ``mentions`` (already filtered) or by a bare everyday name."""
        bare = self._bare_names.found(text)
        first_mention = min(
            (i for i in (text.lower().find(m.lower()) for m in mentions) if i >= 0),
            default=len(text),
        )
        if bare and bare[1] < first_mention:
            # "what is kick and is it worse than twitch": the app asked about comes first.
            return bare[0]
        return self._named_platform(mentions) or (bare[0] if bare else None)

    def repeat(self, memory: Memory) -> Interpretation:
        """The last question again, e.g. once the family's country is known."""
        if not memory.topic:
            return Interpretation(AGE_NOTED, age_band=memory.age_band, reason="nothing to repeat")
        return self._guidance(
            memory.topic,
            memory.platform,
            memory.age_band,
            whole_app=self._is_whole_app_topic(memory.topic, memory.platform),
            reason="repeated for a new country",
        )

    def _new_question(
        self,
        heard: Heard,
        memory: Memory,
        named: Optional[str],
        platform: Optional[str],
        age: Optional[str],
        in_conversation: bool,
        gives_age: bool,
    ) -> Interpretation:
        text = heard.text
        keyword_entry = self._keyword_entry(text)
        # The topics the message's own words name, asked once for every rule below.
        named_topics = topics_named(text)
        # The subjects it names other than age rules, for the rules on ages and unlisted apps.
        subjects_named = [t for t in named_topics if t != AGE_TOPIC]
        word_weight = TOPIC_WORD_WEIGHT_IN_CONVERSATION if in_conversation else TOPIC_WORD_WEIGHT
        scores = self._topic_scores(heard, keyword_entry, named_topics, word_weight)
        best = ranked(scores)
        top_topic, top_score = best[0] if best else ("", 0.0)
        options = tuple(t for t, s in best[:MAX_CLARIFY_OPTIONS] if s > 0)
        # Asked once here, for every rule below.
        unlisted = unlisted_app_name(text)
        strong_cue = has_strong_cue(text)
        other_domain = names_another_domain(text)
        if platform is not None and named is None and not follow_up.refers_back(text):
            # The app remembered from earlier turns is dropped when this question is about
            # something else: a general feature or campaign, an app we do not list, or
            # where the advice comes from.
            general_feature = (
                keyword_entry is not None
                and not keyword_entry.platforms
                and not self._app_has_its_own(text, platform)
            )
            if general_feature or unlisted or top_topic == "campaigns_and_sources":
                platform = None
        intent = heard.intent

        # An app we do not list, named in a question about it for a child ("stumble guys ok
        # for 8?"), makes the message ours whatever the classifier heard; "is rice ok after
        # three days" has the same shape but no child, no age and no app or game.
        if (
            platform is not None
            or keyword_entry is not None
            or not (gives_age or strong_cue or says_app_or_game(text))
            or (other_domain and not says_app_or_game(text))  # "is france safe to travel to"
        ):
            unlisted = None
        mentions = list(heard.platform_mentions)
        # "switch my bank account" names no app, though "switch" is Nintendo's nickname; "is
        # Kick any different" names one by the shape of the question (app_names.BareNames).
        named_outright = named is not None and (
            is_about_children_online("", mentions) or self._bare_names.named(text) == named
        )
        off_topic_by_classifier = intent in (None, NLU_FALLBACK_INTENT, OUT_OF_SCOPE_INTENT)
        about_us = (
            named_outright
            or keyword_entry is not None
            or unlisted is not None
            or is_about_children_online(text, mentions)
            or (
                in_conversation
                and (
                    follow_up.refers_back(text)
                    or continues_a_safety_conversation(text)
                    # "what might they have seen": a question about the children.
                    or (intent != OUT_OF_SCOPE_INTENT and mentions_someone(text))
                    # "if I say yes, what do I need to lock down": the classifier heard a
                    # question of ours, and the conversation says whose.
                    or topic_for_intent(intent) is not None
                    # "who approves the contacts", "where to complain": a subject of ours in
                    # its own words (not spending or time, which any errand can mention).
                    or bool(set(named_topics) - _ANY_ERRAND_TOPICS)
                    # "can the sender be traced", "who do I ask if I'm not sure": the classifier
                    # is unsure, which is not the same as hearing another subject; a remark
                    # ("proud of her tbh") is still only acknowledged.
                    or (intent == NLU_FALLBACK_INTENT and not is_a_remark(text))
                )
            )
        )
        if not named_outright and keyword_entry is None and not unlisted:
            chat = small_talk_intent(text) if off_topic_by_classifier and not strong_cue else None
            if chat is not None:
                # "Much obliged, you're more use than the phone shop": thanks, not a request.
                return Interpretation(
                    SMALL_TALK, age_band=age, small_talk=chat, reason="small talk in words"
                )
        if named is None and is_a_bare_reply(text):
            if in_conversation and not picks_a_choice(text):
                # "ok", "yes" after an answer: taken as read.
                return Interpretation(
                    SMALL_TALK, age_band=age, small_talk=ACKNOWLEDGE, reason="a short reply"
                )
            # "yes" or "the second one" as a first message, or a choice we did not offer.
            return Interpretation(CLARIFY, age_band=age, options=options, reason="a bare reply")
        if (
            # The classifier heard no question of ours: off-topic, or only an age ("I'm the
            # DSL at a primary school" reads to it as an age being given).
            (off_topic_by_classifier or (intent == INFORM_AGE_INTENT and not gives_age))
            and named is None
            and keyword_entry is None
            and not named_topics
            and not other_domain
            and not memory.topic
            and introduces_the_writer(text)
        ):
            # "I'm a kinship carer for my nephew, he's 13": noted, and what would they like to
            # know? Not "outside what I can help with". One that names a subject ("he has an
            # android tablet") is a question in all but form, and answered as one.
            return Interpretation(AGE_NOTED, age_band=age, reason="an introduction")
        if (
            not named_outright
            and keyword_entry is None
            and other_domain
            and (not strong_cue or follow_up.is_an_aside(text))
        ):
            # "can you help me write my end of term reports": another assistant's job, whatever
            # topic of ours its words resemble.
            return Interpretation(OUT_OF_SCOPE, age_band=age, reason="another domain")
        if off_topic_by_classifier and about_us and not named_outright and keyword_entry is None:
            # Dinner, travel and money stay off-topic even beside "the kids".
            about_us = not other_domain
        if off_topic_by_classifier:
            if not named_outright and keyword_entry is None and not unlisted:
                if in_conversation and about_us and memory.topic:
                    # Inside a conversation, "should I contact the other parents?" is a
                    # follow-up even though it names no subject the classifier knows.
                    if top_score < CONFIDENT_TOPIC_SCORE:
                        topic = self._risks_after_age_rule(
                            text, follow_up_topic(text, memory), platform
                        )
                        return self._guidance(
                            topic,
                            platform,
                            age,
                            whole_app=self._is_whole_app_topic(topic, platform),
                            reason="follow-up in context",
                        )
                elif intent != OUT_OF_SCOPE_INTENT and strong_cue and not other_domain:
                    # Unsure of the topic, not of the subject: decided below. "Is France safe
                    # to travel to" has a cue word ("safe") but another assistant's subject.
                    pass
                elif not (
                    # A subject named outright with some evidence for a topic, or a child and
                    # something online named together ("my child's online life").
                    (strong_cue and top_score >= RESCUE_MIN_SCORE) or names_a_child_online(text)
                ):
                    if in_conversation and not about_us and is_a_remark(text):
                        # "proud of her tbh": a remark in the conversation, asking nothing
                        # and about no other assistant's subject, is acknowledged.
                        return Interpretation(
                            SMALL_TALK, age_band=age, small_talk=ACKNOWLEDGE, reason="a remark"
                        )
                    if intent == OUT_OF_SCOPE_INTENT or not about_us:
                        return Interpretation(OUT_OF_SCOPE, age_band=age, reason="off-topic")
                    return Interpretation(CLARIFY, age_band=age, options=options, reason="unsure")
        elif not about_us:
            return Interpretation(OUT_OF_SCOPE, age_band=age, reason="no subject cue")
        if memory.after_crisis and keyword_entry is None:
            # Right after the crisis response, a question is about what to do next ("should
            # we pay the rest?", "do I keep it for evidence?", "it was on snapchat, can it be
            # removed?"): reporting, evidence and removal, unless it names a topic outright.
            # The classifier, which hears the crisis's alarming words, is not asked.
            if not named or len(topics_named_in_context(text, memory)) == 1:
                return self._guidance(
                    follow_up_topic(text, memory),
                    platform,
                    age,
                    reason="follow-up to the crisis response",
                )

        whole_app_intent = (
            intent == PLATFORM_SAFETY_INTENT
            or (intent == INFORM_AGE_INTENT and named is not None)
            or (named is not None and follow_up.only_wants_the_app(text, self._app_spellings))
        )
        # "does pokemon go show where we are?" names its own subject: not the overview.
        names_its_subject = top_topic in named_topics and top_score >= CONFIDENT_TOPIC_SCORE
        if whole_app_intent and platform and keyword_entry is None and not names_its_subject:
            if named or not in_conversation:
                return self._guidance(
                    self._category(platform) or top_topic,
                    platform,
                    age,
                    whole_app=True,
                    reason="whole-app question",
                )
            if memory.topic:
                # "is it safe?" about the app already being discussed.
                return self._guidance(
                    self._category(platform) or memory.topic,
                    platform,
                    age,
                    whole_app=True,
                    reason="whole-app question, app from context",
                )
        if whole_app_intent and not platform and follow_up.names_no_app(text):
            return Interpretation(CLARIFY, age_band=age, which_app=True, reason="which app?")
        classifier_topics = [
            float(r.get("confidence") or 0)
            for r in heard.ranking
            if topic_for_intent(r.get("name"))
        ]
        sure_of_topic = max(classifier_topics, default=0) >= CONFIDENT_TOPIC_SCORE
        # "my nephew plays Free Fire till 2am": the words name the subject (time), and the app
        # is only where it happens; "is Free Fire ok for 12" asks about the app itself.
        if subjects_named and unlisted and not whole_app_intent and not asks_about_the_app(text):
            return self._guidance(
                subjects_named[0], None, age, reason="subject named, app unlisted"
            )
        if unlisted and (whole_app_intent or not sure_of_topic or asks_about_the_app(text)):
            return Interpretation(
                GUIDANCE,
                topic="age_requirements",
                age_band=age,
                unlisted_app=unlisted,
                reason="an app we do not list",
            )
        if keyword_entry is not None and scores.get(keyword_entry.topic, 0) >= top_score * 0.8:
            return self._guidance(
                keyword_entry.topic,
                self._feature_app(keyword_entry, named, platform),
                age,
                keyword_entry=keyword_entry.id,
                reason="feature named",
            )
        if (
            named
            and keyword_entry is None
            and max(classifier_topics, default=0) < APP_OVERVIEW_BELOW
            # The knowledge base's own words can still name the topic clearly.
            and top_score < CONFIDENT_TOPIC_SCORE
        ):
            return self._guidance(
                self._category(named) or top_topic,
                named,
                age,
                whole_app=True,
                reason="app named, topic unsure: its overview",
            )
        classifier_chose_a_topic = topic_for_intent(intent) is not None
        if (top_score < ANSWER_MIN_SCORE and not classifier_chose_a_topic) or not top_topic:
            if named:
                return self._guidance(
                    self._category(named) or "",
                    named,
                    age,
                    whole_app=True,
                    reason="unsure of the topic, app named",
                )
            # A broad question about a child online ("is my child safe online?", "should I
            # read her texts?"): the general advice on talking with your child, with the
            # likeliest topics offered beside it.
            return Interpretation(
                GUIDANCE,
                topic=GENERAL_TOPIC,
                # Inside a conversation the app under discussion stays the subject.
                platform=platform if in_conversation else None,
                age_band=age,
                options=options,
                reason="broad question: general advice",
            )
        if top_topic == AGE_TOPIC and gives_age and AGE_TOPIC not in named_topics:
            # "My son (13) talks every evening with a character on Character AI. Is this
            # healthy?": the classifier hears the age; the words ask something else. The
            # subject the words name, else the app's overview.
            if subjects_named:
                return self._guidance(
                    subjects_named[0], platform, age, reason="an age given, another subject named"
                )
            if named:
                return self._guidance(
                    self._category(named) or top_topic,
                    named,
                    age,
                    whole_app=True,
                    reason="an age given, the app asked about",
                )
        if (
            platform
            and top_topic == "grooming"
            and self._category(platform) == "online_gaming"
            and _STRANGERS_CAN_REACH.search(text.lower().replace("\u2019", "'"))
        ):
            # Who can reach a child in a game or on a console is that game's overview, as it
            # is for chat below; a grooming worry told in other words stays grooming.
            top_topic = "online_gaming"
        if platform and top_topic in _CHAT_KINDS:
            category = self._category(platform)
            if category and category != top_topic:
                # "does it have free chat with strangers?" about Among Us, "can strangers
                # message him on PlayStation", "are twitch channels kid-friendly": chatting in a
                # game or on a streaming site is that app's question, not a random video chat
                # site's or a social app's. (Going live stays a subject of its own: TikTok
                # LIVE is not TikTok's overview.) A subject the words name still comes first.
                top_topic = category
        if platform and top_topic == self._category(platform) != RANDOM_VIDEO_CHAT_TOPIC:
            # "can i read her dms with it": the classifier hears a question about the app (its
            # overview), the words name one subject of it, and the subject is what is asked.
            # Not when the words name the overview's own subject too ("voice chat with
            # strangers"), nor for strangers alone: who can contact a child is what an app's
            # overview answers first. A random video chat site's overview is its one subject.
            subjects = [t for t in named_topics if t not in (top_topic, "grooming")]
            if len(subjects) == 1 and top_topic not in named_topics:
                return self._guidance(
                    subjects[0], platform, age, reason="subject named, not the overview"
                )
        return self._guidance(top_topic, platform, age, reason="new question")

    def _topic_scores(
        self,
        heard: Heard,
        keyword_entry: Optional[GuidanceEntry],
        named_topics: Sequence[str],
        word_weight: float,
    ) -> Dict[str, float]:
        scores: Dict[str, float] = {}
        for item in heard.ranking:
            topic = topic_for_intent(item.get("name"))
            if topic is not None:
                scores[topic] = scores.get(topic, 0.0) + float(item.get("confidence") or 0.0)
        for topic, similarity in self.index.topic_scores(heard.text).items():
            scores[topic] = scores.get(topic, 0.0) + RETRIEVAL_WEIGHT * similarity
        if keyword_entry is not None:
            topic = keyword_entry.topic
            scores[topic] = scores.get(topic, 0.0) + KEYWORD_WEIGHT
        for topic in named_topics:
            scores[topic] = scores.get(topic, 0.0) + word_weight
        return scores

    def _names_the_app_itself(self, keyword: str, entry: GuidanceEntry) -> bool:
        """Whether ``keyword`` is the name of the app ``entry`` gives the overview of.

        "chatgpt" in the ChatGPT entry names the app, not a feature: "my 12 year old uses
        chatgpt for hours" is a question about screen time on ChatGPT, and "and chatgpt?"
        continues the last topic, as for any other app. "snap map" or "robux" stay features.
        """
        platform = self.kb.resolve_platform(keyword)
        return (
            platform is not None
            and platform in entry.platforms
            and self._category(platform) == entry.topic
        )

    def _keyword_entry(self, text: str) -> Optional[GuidanceEntry]:
        """The entry whose longest keyword the message names, if any."""
        haystack = padded(text)
        for keyword, entry in self._keywords:
            if keyword in haystack:
                return entry
        return None

    def _risks_after_age_rule(self, text: str, topic: str, platform: Optional[str]) -> str:
        """The app's overview for "what's the worst that could happen on it" after its age rule.

        The age entry gives the rule; what could go wrong on the app is what its overview gives.
        """
        if platform and topic == AGE_TOPIC and follow_up.asks_about_risks(text):
            return self._category(platform) or topic
        return topic

    @staticmethod
    def _feature_app(
        entry: GuidanceEntry, named: Optional[str], platform: Optional[str]
    ) -> Optional[str]:
        """The app a feature belongs to, over the one remembered.

        "And the My AI thing" after Instagram is Snapchat's. An app named in the message, or
        one the feature belongs to among others, stays.
        """
        if named or not entry.platforms or platform in entry.platforms:
            return platform
        return entry.platforms[0] if len(entry.platforms) == 1 else platform

    def _app_has_its_own(self, text: str, platform: str) -> bool:
        """Whether the general feature the message names is one ``platform`` has its own of.

        "does family center let me see her messages", asked about Snapchat, is about
        Snapchat's Family Center: an entry of the app has a keyword holding the phrase.
        """
        haystack = padded(text)
        said = [k for k, entry in self._keywords if k in haystack and not entry.platforms]
        return any(
            platform in entry.platforms and any(phrase in keyword for phrase in said)
            for keyword, entry in self._keywords
        )

    def _named_platform(self, mentions: Sequence[str]) -> Optional[str]:
        named = []
        for mention in mentions:
            # NLU's synonym mapper already gives canonical ids ("call_of_duty").
            platform_id = mention if mention in self.kb.platforms else None
            platform_id = platform_id or self.kb.resolve_platform(mention)
            if platform_id:
                named.append(platform_id)
        # "he plays Fortnite on his PS5": the console is where, the game is what is asked about,
        # and "the game" in the next message means Fortnite.
        games = [p for p in named if p not in CONSOLES]
        return next(iter(games or named), None)

    def _category(self, platform_id: Optional[str]) -> Optional[str]:
        found = self.kb.platform(platform_id)
        return found.category if found else None

    def _has_own_entry(self, topic: str, platform_id: str) -> bool:
        """Whether the knowledge base holds an entry on ``topic`` for this app itself."""
        return (topic, platform_id) in self._own_entries

    def _is_whole_app_topic(self, topic: Optional[str], platform_id: Optional[str]) -> bool:
        return platform_id is not None and topic == self._category(platform_id)

    @staticmethod
    def _guidance(
        topic: str,
        platform: Optional[str],
        age: Optional[str],
        whole_app: bool = False,
        keyword_entry: Optional[str] = None,
        reason: str = "",
    ) -> Interpretation:
        return Interpretation(
            GUIDANCE,
            topic=topic,
            platform=platform,
            age_band=age,
            whole_app=whole_app,
            keyword_entry=keyword_entry,
            reason=reason,
        )


# Words that point the classifier at a topic, which ``as_meant`` may read otherwise.
_TOPIC_WORDS_READ_OTHERWISE = (
    (LIVESTREAMING_TOPIC, re.compile(r"\blive", re.IGNORECASE)),
    (RANDOM_VIDEO_CHAT_TOPIC, RANDOM_VIDEO_CHAT_WORDS),
)


def _as_meant(heard: Heard) -> Heard:
    """``heard`` with its text as meant (``as_meant``).

    When "live" only ever said where the family lives ("We live in France, what is Yubo?"),
    or "random" only opened an aside ("random q, should my 10 year old have a phone"), the
    classifier's weight on live streaming or random video chat came from that word alone: it
    is dropped, and the next intent in the ranking is the one heard.
    """
    meant = as_meant(heard.text)
    if meant == heard.text:
        return heard
    for topic, words in _TOPIC_WORDS_READ_OTHERWISE:
        if words.search(heard.text) and not words.search(meant):
            heard = _without_topic(heard, topic)
    return replace(heard, text=meant)


def _without_topic(heard: Heard, topic: str) -> Heard:
    """``heard`` with the classifier's weight on ``topic`` dropped, and its next intent heard."""
    ranking = [r for r in heard.ranking if topic_for_intent(r.get("name")) != topic]
    intent = heard.intent
    if topic_for_intent(intent) == topic:
        intent = str(ranking[0].get("name")) if ranking else NLU_FALLBACK_INTENT
    return replace(heard, ranking=ranking, intent=intent)


def follow_up_topic(text: str, memory: Memory) -> str:
    """The topic of a follow-up: the last, unless it names others and not that one.

    "And a daily limit?" names screen time outright; a follow-up naming none goes on with the
    last topic, and so does one naming the last topic among others.

    Right after the crisis response only the topics a crisis leads to count, and the one
    continued is reporting.
    """
    named = topics_named_in_context(text, memory)
    context = memory.follow_up_context() or ""
    # "do I need to tell the school" names reporting and bullying: in a conversation about
    # bullying it goes on with bullying; after an age question, the words' subject wins.
    return context if context in named or not named else named[0]


def topics_named_in_context(text: str, memory: Memory) -> List[str]:
    """The topics the message names; right after a crisis, only those a crisis leads to."""
    named = topics_named(text)
    return [t for t in named if t in AFTER_CRISIS_TOPICS] if memory.after_crisis else named


def heard_from_parse(parse: Mapping[str, Any]) -> Heard:
    """What NLU heard, from Rasa's parse data (a tracker's ``latest_message``)."""
    text = str(parse.get("text") or "")
    entities = parse.get("entities") or []
    return Heard(
        # A button's payload ("/inform_age{...}") is not something the parent wrote.
        text="" if text.startswith("/") else text,
        intent=(parse.get("intent") or {}).get("name"),
        ranking=parse.get("intent_ranking") or [],
        platform_mentions=platform_mentions(text, entities),
        age_band=next(
            (str(e["value"]) for e in entities if e.get("entity") == "age_band" and e.get("value")),
            None,
        ),
    )


def platform_mentions(text: str, entities: Sequence[Mapping[str, Any]]) -> List[str]:
    """The platform entities of a parse, as written in ``text`` (the value when no offsets)."""
    found = []
    for entity in entities:
        if entity.get("entity") != "platform":
            continue
        start, end = entity.get("start"), entity.get("end")
        if isinstance(start, int) and isinstance(end, int) and text[start:end]:
            found.append(text[start:end])
        else:
            found.append(str(entity.get("value")))
    return found
