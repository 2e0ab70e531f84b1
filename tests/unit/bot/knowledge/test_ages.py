"""Age bands are found in the ways parents actually write ages, and not elsewhere."""

from __future__ import annotations

import pytest

from bot.knowledge.ages import age_band_from_text, band_for_age, says_only_teen


@pytest.mark.parametrize(
    "text, band",
    [
        ("is roblox safe for my 8 year old?", "5_8"),
        # a coach's group, and "has" for an age in other languages' word order
        ("most of the team are on it, all of them are 11", "9_12"),
        ("they're mostly 14-15", "13_15"),
        ("and her brother, he has 13, is it ok for him?", "13_15"),
        # Shapes parents use that name no "year old" (invented examples, not eval rows).
        ("is fortnite ok for 9?", "9_12"),
        ("fine for my 10 year olds tablet?", "9_12"),
        ("the lad is 14 and wants a phone", "13_15"),
        ("hes 9", "9_12"),
        ("what if he was only 8?", "5_8"),
        ("our eldest is 16", "16_17"),
        ("fortnite at 10?", "9_12"),
        ("my 9yo wants tiktok", "9_12"),
        ("my 9 y/o", "9_12"),
        ("my daughter is 12", "9_12"),
        ("she's 12 and on snapchat", "9_12"),
        ("he\u2019s 14", "13_15"),
        ("my 15-year-old son", "13_15"),
        ("my twelve year old", "9_12"),
        ("aged 16", "16_17"),
        ("he just turned 13", "13_15"),
        ("my son turns 9 next week", "9_12"),
        ("she's coming up to 11", "9_12"),
        ("he'll turn 10 next month", "9_12"),
        ("he is in P6", "9_12"),
        ("an S2 pupil", "13_15"),
        ("she's almost a teenager", "9_12"),
        ("she started secondary school in september", "9_12"),
        ("she's in middle school", "9_12"),
        ("he just started high school", "13_15"),
        ("she's in kindergarten", "5_8"),
        ("the wee one is 4 and grabs the tablet", "under_5"),
        ("kids aged 8 and 10", "5_8"),  # the youngest child decides
        ("my toddler watches youtube", "under_5"),
        ("my teenager", "13_15"),
        ("a tween", "9_12"),
        ("my son is in year 7", "9_12"),
        ("she's in 7th grade", "13_15"),
        ("my 3 year old", "under_5"),
    ],
)
def test_age_band_is_found(text: str, band: str) -> None:
    assert age_band_from_text(text) == band


@pytest.mark.parametrize(
    "text",
    [
        "is roblox safe?",
        "she goes to bed at 9?",
        "phone off at 10?",
        "is it ok to play for 2 hours?",
        "he has been on tiktok for 2 years",  # a duration, not an age
        "is the minimum age 13?",  # names no child
        "she is 12 hours a day online",
        "my ps5 is broken",
        "my 18 year old",  # an adult: no child's band
        "what are the 5 warning signs",
        "he has 2 phones",
        "he has 13 followers",
    ],
)
def test_no_age_band_where_no_child_age_is_given(text: str) -> None:
    assert age_band_from_text(text) is None


@pytest.mark.parametrize(
    "age, band",
    [(0, "under_5"), (4, "under_5"), (5, "5_8"), (8, "5_8"), (9, "9_12"), (12, "9_12"),
     (13, "13_15"), (15, "13_15"), (16, "16_17"), (17, "16_17"), (18, None), (-1, None)],
)  # fmt: skip
def test_band_boundaries(age: int, band: str) -> None:
    assert band_for_age(age) == band


@pytest.mark.parametrize(
    "text, band",
    [
        ("my son (10) plays roblox", "9_12"),
        ("the kids in our youth group (11-13) want a discord", "9_12"),
        ("my daughter, 12, wants tiktok", "9_12"),
        ("my boy 11 wants discord", "9_12"),
        ("he's nearly 13", "13_15"),
        ("my twins are 9", "9_12"),
        ("my son, who turned 11", "9_12"),
        ("teenage son on snapchat", "13_15"),
        ("my 6 and 9 year olds", "5_8"),
        ("my son plays 2 hours a day", None),
        ("my daughter 3 times a week", None),
    ],
)
def test_more_ways_parents_give_an_age(text: str, band) -> None:
    assert age_band_from_text(text) == band


@pytest.mark.parametrize(
    "text, band",
    [
        # Invented examples of shapes found in a tuning set (not its rows).
        ("my youngest (he's just turned 9) wants a phone", "9_12"),
        ("a boy of 10 in my class", "9_12"),
        ("my daughter of 6 years", "5_8"),
        ("my son have 13 years and play fortnite", "13_15"),  # non-native word order
        ("ds is 11 and on discord", "9_12"),  # forum shorthand
        ("mine are 7 and 11", "5_8"),
        ("most of my year 8s have snapchat", "13_15"),
        ("12", "9_12"),  # the answer to "how old is your child?"
        ("she isn't even 13", "9_12"),
        ("no way hes 16 yet", "13_15"),
        ("he is 14 yet he acts younger", "13_15"),
        # Someone else's claimed age is not the child's.
        ("she's chatting to a 'friend' who says he's 17", None),
        ("a man who claims he's 15", None),
        ("he has 3 phones", None),
    ],
)
def test_ages_in_other_shapes_and_claimed_ages(text: str, band) -> None:
    assert age_band_from_text(text) == band


@pytest.mark.parametrize(
    "text, band", [("he is 10 years only", "9_12"), ("he is 10 years on from that", None)]
)
def test_years_only_is_not_years_on(text: str, band) -> None:
    assert age_band_from_text(text) == band


@pytest.mark.parametrize(
    "text, band",
    [
        # A child word, then "age" N
        ("My son, age 7, plays roblox", "5_8"),
        ("my grandson age 7 is playing", "5_8"),
        ("is the minimum age 13?", None),  # names no child
        ("what age is snapchat", None),
        ("is it for kids age 13+", None),  # the lower limit of a rule
        ("children aged 13 and over can join", None),
        # Ages in brackets, lists and ranges: the youngest, a range's lower age
        ("In my class (12 years)", "9_12"),
        ("CM2 (10-11 years)", "9_12"),
        ("my kids (8 and 11)", "5_8"),
        ("see options (1 and 2)", None),  # bare numbers only after a child word
        ("limit it (2 hours)", None),
        ("kids 10-11 years", "9_12"),
        ("10 to 11 year olds", "9_12"),
        ("on tiktok for 2-3 years", None),  # a duration
        ("that was 2-3 years ago", None),
        ("aged 10-11", "9_12"),
        ("ages 8 and 10", "5_8"),
        ("aged 10, 2 hours a day", "9_12"),  # the list stops at a duration
        # Carers' shorthand: "under 3s"
        ("3 under 4s", "under_5"),
        ("two under 3s", "under_5"),
        ("children under 5", "under_5"),
        ("keep it under 3 hours", None),
        ("under 5 minutes a day", None),
    ],
)
def test_ages_in_lists_ranges_brackets_and_shorthand(text: str, band) -> None:
    assert age_band_from_text(text) == band


@pytest.mark.parametrize(
    "text, band",
    [
        # Irish primary and Indian classes: the class plus 5
        ("she's in 5th class", "9_12"),
        ("in class 6", "9_12"),
        ("6th class", "9_12"),
        ("he's in class 10th", "13_15"),
        ("1st class", "5_8"),
        ("she's in first class", "5_8"),
        ("the class are 10 and 11", "9_12"),
        ("the class is 30 kids", None),
        ("a class of 30", None),
        ("class 2 hours a week", None),
        ("class 30", None),  # only classes 1-12
        ("first class", None),  # praise, or the post
        ("a 1st class stamp", None),
        # US high school years; Irish infant classes
        ("my son is a freshman", "13_15"),
        ("mostly sophomores", "13_15"),
        ("mostly sophomores, 15", "13_15"),
        ("mostly freshmen, 15", "13_15"),  # the stated age wins over the year's
        ("my son is a junior in high school", "16_17"),
        ("she's a senior in high school", "16_17"),
        ("a freshman in college", None),  # an adult
        ("my son is a junior", None),  # not in a school sense
        ("he's in junior school", None),  # UK primary, not a US junior
        ("my son is in junior high", None),
        ("the seniors at the care home", None),
        ("she's in junior infants", "under_5"),
        ("senior infants", "5_8"),
    ],
)
def test_ages_from_school_classes_and_years(text: str, band) -> None:
    assert age_band_from_text(text) == band


def test_a_senior_needs_a_high_school_not_just_the_word_high() -> None:
    assert age_band_from_text("my dad is a senior, is his blood pressure high?") is None
    assert age_band_from_text("she is a senior at hs") == "16_17"


@pytest.mark.parametrize(
    "text, band",
    [
        ("and now her little brother who's 9 wants it too", "9_12"),
        ("the older one is 12 and wants a minecraft server", "9_12"),
        ("my son has just turned 10 and got an xbox", "9_12"),
        ("a phone for her 11th birthday", "9_12"),
        # someone else's claimed age, told after the number
        ("he's been chatting to an older lad, 17 he says", None),
        # the age a child will be, a carer's words, and an age asked on its own
        ("getting a switch for christmas, he'll be 6", "5_8"),
        ("the young person placed with us is 15", "13_15"),
        ("and 5?", "5_8"),
        ("what about 14", "13_15"),
        ("and for a 16 year old?", "16_17"),
        ("and 5 hours?", None),
        ("she'll be home at 6", None),
        # Indian standards; an age before what the child says ("he says it's...")
        ("my daughter is in 7th standard", "9_12"),
        ("he studies in standard 9", "13_15"),
        ("she's 14, she says it's just a friend", "13_15"),
        ("an older boy, 17 he says, keeps messaging", None),
        # secondary years said as a group, not a year of something else
        ("my third years keep talking about it", "13_15"),
        ("the 1st years all have phones now", "9_12"),
        ("a lesson for my year 10s (14 and 15)", "13_15"),
        ("it's her second year at university", None),
    ],
)
def test_more_everyday_ways_of_giving_the_childs_age(text: str, band) -> None:
    assert age_band_from_text(text) == band


def test_the_word_teen_alone_is_no_particular_age() -> None:
    assert says_only_teen("is that app ok for a teen?")
    assert not says_only_teen("my teen is 16")
    assert not says_only_teen("is it ok for kids?")


def test_scorn_and_birthdays_to_come_are_no_age() -> None:
    assert age_band_from_text("my eldest says that app is for babies") is None
    assert age_band_from_text("what changes when he turns 16?") is None
    assert age_band_from_text("my daughter turns 11 on friday") == "9_12"
