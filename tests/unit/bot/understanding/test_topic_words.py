"""Words that name a topic outright in short follow-ups."""

from __future__ import annotations

import pytest

from bot.understanding.text import as_meant
from bot.understanding.topic_words import topics_named


@pytest.mark.parametrize(
    "text, topic",
    [
        ("can i stop him buying stuff in the game", "scams_and_spending"),
        # an age rule in passing
        ("no way hes 13 yet lol so thats a no then", "age_requirements"),
        ("she 11 tho is she even aloud on it", "age_requirements"),
        ("wait isnt it 13+", "age_requirements"),
        ("should she be on it at all at 12 when they say 13?", "age_requirements"),
        ("and is it actually ok for the 14 yo", "age_requirements"),
        # telling someone with authority
        ("who do I need to tell, his social worker or school or both", "reporting"),
        ("do we need to inform Tusla as well", "reporting"),
        ("can I get Coimisiún na Meán involved", "reporting"),
        ("and the school side, must we do something official?", "reporting"),
        ("is she even allowed on it", "age_requirements"),
        ("a rise in sextortion scams targeting boys aged 12-16", "sextortion"),
        ("am I even allowed to check her messages?", "parental_controls"),
        ("and life360 so I can see him?", "privacy_and_location"),
        ("someone was mean to him in a game", "cyberbullying"),
        ("can he play with friends only", "parental_controls"),
        ("is there a way to hide like counts", "parental_controls"),
        ("his friends are all older", "grooming"),
        ("is that a red flag", "grooming"),
        ("we live in Lyon, is the age different in France?", "age_requirements"),
        ("are there other rules here?", "age_requirements"),
        ("can it block youtube", "parental_controls"),
        ("how do I make the chat safer", "parental_controls"),
        ("he is playing it the whole day, not studying", "screen_time"),
        ("she's in bits. what do i even say to her", "talking_with_children"),
        ("and put a daily limit on it?", "screen_time"),
        ("how would I get that video taken down", "reporting"),
        ("can people see where she is", "privacy_and_location"),
        ("kids in his class keep being nasty to him in the chat", "cyberbullying"),
        ("a grown man keeps adding her", "grooming"),
        ("when can my son have his own instagram", "age_requirements"),
        ("can i check what the older kids are saying to him", "parental_controls"),
        ("how do I keep an eye on who he's playing with", "parental_controls"),
        ("can I see what she's been searching, like her browsing history", "parental_controls"),
        ("he's glued to his tablet from breakfast to bedtime", "screen_time"),
        ("how do we agree on some rules for the whole family", "talking_with_children"),
        ("how do i block kick on his lap top", "parental_controls"),
        ("which apps should we block to begin with", "parental_controls"),
        ("can her mum run it from her iPhone", "parental_controls"),
        ("should I ban him from it for a month or is that over the top", "talking_with_children"),
        ("can you find out who sent them", "reporting"),
        ("what should I say to him when he gets home", "talking_with_children"),
        ("how can I speak with her about it without scolding", "talking_with_children"),
        ("what is thinkuknow", "campaigns_and_sources"),
        ("he sits on that game for hours after school", "screen_time"),
        ("who do we contact about a video like that", "reporting"),
        ("kids in the group chat keep calling him ugly", "cyberbullying"),
        ("she got kicked out of the team group chat again", "cyberbullying"),
        ("should we tell his teacher about the messages", "cyberbullying"),
        ("how do I stop her from adding people she doesn't know", "parental_controls"),
        ("is there a filter I can put on the router", "parental_controls"),
        ("how do I know the boy is really a kid and not an adult", "grooming"),
        ("viewers keep sending her gifts while she streams", "livestreaming"),
        ("he found something inappropriate in a game", "harmful_content"),
        ("can strangers work out where we live from her videos", "privacy_and_location"),
        ("can I look without asking her first", "talking_with_children"),
        ("she spends hours every evening on that game", "screen_time"),
        ("can I put a timer on the tablet", "screen_time"),
        ("do I need to keep screenshots of what he sent", "reporting"),
        ("a man online keeps asking what school she goes to", "grooming"),
        ("someone dm'd him offering him cash to promote their stuff", "scams_and_spending"),
        ("my grandson is 6 and has a new tablet", "parental_controls"),
        ("she panics if she loses her streaks", "screen_time"),
        ("how can I limit it on school nights", "screen_time"),
        ("is there a leaflet I could hand out at parents' evening", "campaigns_and_sources"),
        ("isn't it only from 16 over here?", "age_requirements"),
        ("is he even allowed it at 9", "age_requirements"),
        ("will the store give me a refund", "scams_and_spending"),
        ("she has a meltdown when we switch the tablet off", "screen_time"),
        ("how do I raise it without a row", "talking_with_children"),
        ("can I turn the party chat off", "online_gaming"),
        ("he threatens me if I unplug it", "screen_time"),
        ("can i see his friends list", "parental_controls"),
        ("where do we complain", "reporting"),
        ("she keeps adding randoms", "grooming"),
        # session 14: wordings of the kinds set AG's parents used (my own examples)
        ("should her profile be set to private", "privacy_and_location"),
        (
            "can people tell which school he goes to from his pics? could they work out where we live",
            "privacy_and_location",
        ),
        ("he's up on the tablet until 3am most nights", "screen_time"),
        ("his grades are slipping because of the console", "screen_time"),
        ("what would you say to him about it", "talking_with_children"),
        ("she swears nothing happened, should I believe her?", "talking_with_children"),
        ("he says he'll be the only one in his class not allowed", "talking_with_children"),
        ("is it my place to say something to his dad", "talking_with_children"),
        ("how should I word the message to the other mum", "talking_with_children"),
        ("is there a Canadian agency for this", "campaigns_and_sources"),
        ("any teaching resources on nudes for year 9?", "campaigns_and_sources"),
        ("who should I be speaking to at the school", "reporting"),
        ("how do I get the photo out of the group chat", "reporting"),
        ("can whoever runs the account be identified", "reporting"),
        ("our safeguarding policy says nothing about gaming", "reporting"),
        ("can that be switched off for under 13s", "parental_controls"),
        ("is there an app for parents on the switch", "parental_controls"),
        ("can I see what she's been typing to the bot", "parental_controls"),
        ("no idea where to start with her first phone", "parental_controls"),
        ("how do I stop him streaming", "parental_controls"),
        ("he says he's 14 but his voice sounds much older", "grooming"),
        ("should coaches be messaging the players on snapchat", "grooming"),
        ("kids are sending cruel messages about her in the group", "cyberbullying"),
        ("there's a 'challenge' on tiktok where they hold their breath", "harmful_content"),
        ("what kind of stuff might he be seeing on there", "harmful_content"),
        ("her saved pins are all skinny models", "harmful_content"),
        ("he's been skipping meals since he joined that group", "harmful_content"),
        ("the replies under her video are creepy", "grooming"),
        ("would she be live with people she doesn't know", "livestreaming"),
        ("who's behind this campaign", "campaigns_and_sources"),
        ("where can I find reliable information on this", "campaigns_and_sources"),
        ("how we can block those games", "parental_controls"),
        ("can I change her date of birth on it", "age_requirements"),
        ("should we wait until his birthday", "age_requirements"),
        ("do I need to go through our DSL", "reporting"),
        ("do I let him know I checked", "talking_with_children"),
        ("does the rating thing apply in ireland", "age_requirements"),
        ("she chats to people she doesn't know on there", "grooming"),
        ("who else do I tell, the school nurse?", "reporting"),
        ("can she hide her chats from her dad", "parental_controls"),
        ("how can I make sure her account is secure now", "scams_and_spending"),
        ("he wants to join a public roblox server", "online_gaming"),
    ],
)
def test_the_topic_a_short_question_names(text, topic) -> None:
    assert topic in topics_named(text)


def test_a_question_with_no_topic_word_names_none() -> None:
    assert topics_named("what do you think, honestly") == []
    # "random" starts an aside; "randoms" are strangers
    assert topics_named("random but what's the capital of australia") == []


def test_where_the_family_lives_is_not_live_streaming() -> None:
    assert "livestreaming" not in topics_named(as_meant("we live in Ireland, is fortnite ok"))
    assert "livestreaming" in topics_named(as_meant("she wants to go live in the evenings"))


def test_time_spent_is_not_money_spent() -> None:
    assert "scams_and_spending" not in topics_named("he spends a lot of time on roblox")
    assert "scams_and_spending" in topics_named("he spends all his pocket money on roblox")
    assert "scams_and_spending" not in topics_named("she spends most evenings on reddit")


def test_the_only_one_left_out_is_peer_pressure_not_bullying() -> None:
    named = topics_named("if I say no she'll be the only one left out")
    assert "talking_with_children" in named and "cyberbullying" not in named
    assert "cyberbullying" in topics_named("she is always left out of the group chat")
