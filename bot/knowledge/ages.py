"""Find the child's age band in what a parent writes ("my 9yo", "she's 12", "teenager").

A deterministic parser rather than a trained extractor: ages come in a few set shapes,
and a wrong age changes the advice, so every shape is listed here and unit-tested.
"""

from __future__ import annotations

import re
from typing import List, Optional

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
}  # fmt: skip
_NUMBER = r"(?:\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_NUM = r"(" + _NUMBER + r")"
_CHILD = (
    r"(?:he|she|they|son|daughter|kid|child|boy|girl|stepson|stepdaughter|"
    r"grandsons?|granddaughters?|nieces?|nephews?|brothers?|sisters?|students?|pupils?|"
    r"little one|wee one|teen|tween|twins|kids|children|sons|daughters|boys|girls|lad|lass|kiddo|"
    r"youngest|eldest|oldest|placement|foster child|shes|hes|theyre|"
    r"(?:older|younger|middle|big|little|oldest|youngest|elder) one|"
    # Forum shorthand (dear daughter / son / children), "mine are 10 and 13", carers' words
    r"dd|ds|dc|mine|grandkids?|grandchild|grandchildren|young (?:person|people)|"
    # a coach's or teacher's group: "most of them are 13"
    r"(?:most|all|some|half) of them)"
)
# "\b" after "ago|on": "he is 10 years only" is an age, "10 years on" is not.
_NOT_A_DURATION = (
    r"(?!\s*(?:hours?|mins?|minutes?|am|pm|%|times?|days?|weeks?|months?|years? (?:ago|on)\b))"
)
# "kids age 13+", "aged 13 and over": the lower limit of a rule, not a child's age.
_NOT_A_MINIMUM = r"(?!\s*(?:\+|plus\b|and\s+(?:up|over|older|above)\b|or\s+(?:over|older|above)\b))"
# "8 and 11", "10-11", "8, 10 and 12": several ages, or a range (its lower age counts).
_AGE_ITEM = _NUMBER + r"\b" + _NOT_A_DURATION
_RANGE_SEP = r"\s*(?:-|\u2013|to)\s*"
_AGE_LIST = _AGE_ITEM + r"(?:\s*(?:-|\u2013|to|and|&|or|,)\s*" + _AGE_ITEM + r")*"

# Each pattern captures the age in group 1.
_AGE_PATTERNS = [
    # "9yo", "9 y/o", "9-year-old", "9 year old", "9 yrs old"; a bare "2 years" is a
    # duration ("on tiktok for 2 years"), so "years" needs "old" after it.
    re.compile(_NUM + r"\s*-?\s*(?:yo|y/o|y\.o\.?)(?![a-z])"),
    re.compile(_NUM + r"\s*-?\s*(?:yrs?|years?)\s*-?\s*olds?\b"),
    # "aged 9" and "my son, age 7," ("age 13" alone is left out: "is the minimum age 13?"
    # names no child); "aged 8 and 10" and "ages 8 and 10" are lists (_LISTED below).
    re.compile(r"\b" + _CHILD + r",?\s+age\s+" + _NUM + r"\b" + _NOT_A_DURATION + _NOT_A_MINIMUM),
    # "she's 12", "my son is 12", "he just turned 12", "they're 9", "she's just turned 16"
    re.compile(
        r"\b" + _CHILD + r"(?:'s|'re|\s+is|\s+are|,?\s+who\s+is|,?\s+who'?s|'ll\s+be|\s+will\s+be|"
        # "the young person placed with us is 15": a carer's words
        r"\s+(?:placed|living|staying)\s+with\s+(?:us|me)\s+(?:is|has\s+just\s+turned)|"
        r"(?:\s+has|'s)?\s+just\s+turned|\s+has\s+turned|"
        r",?\s+(?:who|that)\s+(?:just\s+)?turned|\s+turned|\s+turns|\s+turning|\s+is\s+turning|"
        r"'ll\s+turn|\s+will\s+turn)"
        r"\s+(?:only\s+|nearly\s+|almost\s+|just\s+|about\s+|mostly\s+|all\s+|around\s+|"
        r"coming\s+up\s+to\s+|going\s+on\s+)?"
        r"(?:turned\s+|turning\s+)?" + _NUM + r"\b" + _NOT_A_DURATION
    ),
    # "a lad of 12", "my son of 7 years"; and in other languages' word order, "my son have
    # 11 years" (only with "years": "he has 2 phones" gives no age)
    re.compile(
        r"\b" + _CHILD + r"\s+of\s+" + _NUM + r"\b(?:\s*(?:years?|yrs?)\b)?" + _NOT_A_DURATION
    ),
    re.compile(r"\b" + _CHILD + r"\s+(?:has|have|having)\s+" + _NUM + r"\s*(?:years?|yrs?)\b"),
    # "and her brother, he has 13, is it ok for him?": the same word order without "years"
    re.compile(r"\b" + _CHILD + r"\s+(?:has|have)\s+" + _NUM + r"\s*(?:,|;|\?|!|\.|$)"),
    # "the class are 10 and 11": a teacher's pupils (not "the class is 30 kids")
    re.compile(
        r"\bclass (?:is|are) (?:all |mostly |about |around )?(\d{1,2})\b"
        r"(?!\s*(?:kids|children|pupils|students|of|strong))"
    ),
    # A message that is only a number: the answer to "how old is your child?"
    # ...and the same after a question: "and 5?", "what about 14", "and for a 16 year old?"
    re.compile(
        r"^\s*(?:(?:and|what about|how about|and what about)\s+)?(?:for\s+)?(?:an?\s+)?"
        + _NUM
        + r"(?:\s*-?\s*(?:years?|yrs?)\s*-?\s*olds?)?\s*[.!?]*\s*$"
    ),
    # "my son (10)", "my daughter, 12, wants", "my boy 11 wants discord"
    re.compile(
        r"\b" + _CHILD + r"\s*(?:\(\s*|,\s*|\s+)(\d{1,2})\s*(?:\)|,|$|\s+(?!(?:hours?|mins?|"
        r"minutes?|am|pm|%|times?|days?|weeks?|months?|years? (?:ago|on)|of|out|apps?|games?|"
        r"pounds|dollars|euros|quid)\b))"
    ),
    # "is minecraft ok for 7?", "too young at 10", "GTA at 12?": an age the question weighs
    re.compile(
        r"\b(?:ok|okay|safe|suitable|appropriate|alright|fine|good|right|allowed|too young|"
        r"too old|old enough)\s+(?:for|at)\s+(?:an?\s+|my\s+)?" + _NUM + r"\b(?!\s*(?:hours?|"
        r"mins?|minutes?|am|pm|%|times?|days?|weeks?|months?|o'?clock|:))"
    ),
    re.compile(
        r"^(?!.*\b(?:bed|bedtime|sleep|night|wake|curfew|dinner|time|home|off|on)\b.*\bat\b)"
        r".*\b(?:at|for)\s+(?:age\s+)?" + _NUM + r"\s*\?+\s*$"
    ),
    # "what if she was only 12?": the same question for another age
    re.compile(
        r"\bif\s+(?:she|he|they|my \w+)\s+(?:was|were|is)\s+(?:only\s+|just\s+)?" + _NUM + r"\b"
    ),
    # "my 6 and 9 year olds": the first age stated
    re.compile(r"\b(\d{1,2})\s*(?:and|&)\s*\d{1,2}\s*-?\s*(?:yr|year)s?\s*-?\s*olds?\b"),
]
# School years: UK/AU "year 7" (and "my Year 9s") and US "7th grade" / "grade 7", mapped
# to a typical age.
_SCHOOL_YEAR = re.compile(r"\byear\s+(\d{1,2})s?\b|\byr\s*(\d{1,2})s?\b")
_GRADE = re.compile(r"\bgrade\s+(\d{1,2})\b|\b(\d{1,2})(?:st|nd|rd|th)\s+grade\b")
# Irish primary "5th class" / "in first class" (1st class is age 6-7) and Indian "class 6"
# / "class 10th" (class 6 is about 11): the class plus 5. "first class" alone is praise or
# post, "1st class stamp" is post, "class 2 hours" a lesson, "a class of 30" its size.
_NOT_THE_POST = (
    r"(?!\s+(?:stamps?|post|mail|letters?|parcels?|tickets?|seats?|travel|flights?|cabin|"
    r"carriage|honou?rs?|degree|citizens?|service))"
)
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_CLASS = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)\s+(?:class|standard|std)\b"
    + _NOT_THE_POST
    + r"|\bin\s+("
    + "|".join(_ORDINAL_WORDS)
    + r")\s+class\b"
    + _NOT_THE_POST
    + r"|\b(?:class|standard|std)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:hours?|hrs?|mins?|minutes?|am|pm|%|"
    r"times?|days?|weeks?|months?|years?|o'?clock|:|\.\d|-))"
)
# Lists and ranges: "kids aged 10-11", "ages 8 and 10"; in brackets "In my class (12 years)",
# "CM2 (10-11 years)", "my kids (8 and 11)" (bare numbers only right after a child word:
# "options (1 and 2)" are not ages); "10-11 years", "10 to 11 year olds".
_LISTED = re.compile(r"\b(?:aged|ages)\s+(" + _AGE_LIST + r")" + _NOT_A_MINIMUM)
_IN_BRACKETS = re.compile(
    r"\(\s*(aged?\s+|ages\s+)?(" + _AGE_LIST + r")\s*"
    r"(years?(?:\s+old)?|yrs?|y/?o|year\s+olds?)?\s*\)"
)
# "the young people in my group (13-15)": a youth leader's or teacher's group, aged in brackets
_CHILD_BEFORE = re.compile(
    r"\b(?:" + _CHILD + r"|(?:my|our|the) (?:group|class|team|club|troop|squad|youth group)|"
    r"(?:first|second|third|fourth|fifth|sixth|\d(?:st|nd|rd|th)) years|(?:grade|year) \d{1,2}s)\s*$"
)
_RANGE = re.compile(
    r"\b(" + _NUMBER + r")" + _RANGE_SEP + _NUMBER + r"\s*-?\s*(?:years?|yrs?)"
    r"(\s*-?\s*olds?|\s+of\s+age)?\b"
)
# "for 2-3 years", "2-3 years ago": a bare range of years is then a duration.
_FOR_A_WHILE = re.compile(
    r"\b(?:for|past|last|over|within|in|after|since|spent|takes?|took)\s+(?:the\s+)?$"
)
_AGO = re.compile(r"\s*(?:ago|on\b|later|from now|running|straight)")
# US high school: freshman 14, sophomore 15, junior 16, senior 17 ("mostly sophomores,
# 15" says the age itself). Freshmen and sophomores at college are adults; "junior" and
# "senior" are schoolyears only beside a high school ("a junior in high school"), not in
# "junior school" (UK primary), "junior high" (middle school) or "senior citizens".
_HIGH_SCHOOL_YEARS = {"freshman": 14, "freshmen": 14, "sophomore": 15, "junior": 16, "senior": 17}
_HIGH_SCHOOL_YEAR = re.compile(
    r"\b(freshm[ae]n|sophomore|junior|senior)s?\b(?!\s+(?:high|infants|school|doctor|"
    r"partner|manager|staff|citizens?))(?:\s*(?:,|\(|-)\s*(\d{1,2})\b)?"
)
_HIGH_SCHOOL = re.compile(r"\b(?:high\s*school|hs)\b")
_COLLEGE = re.compile(r"\b(?:college|university|uni|campus|dorms?)\b")
# Irish "junior infants" (the first year of primary, age 4) and "senior infants" (age 5).
_INFANTS = re.compile(r"\b(junior|senior)\s+infants\b")
# Scottish primary "P6" (P1 is age 4 to 5) and secondary "S2" (S1 is age 11 to 12), said as
# a child's class: "she's in P6", "an S2 pupil".
_SCOTTISH_PRIMARY = re.compile(
    r"\b(?:in|is in|a|an|my|our)\s+p([1-7])\b|\bp([1-7])\s+(?:pupils?|class|child|kids?)\b"
)
_SCOTTISH_SECONDARY = re.compile(
    r"\b(?:in|is in|a|an|my|our)\s+s([1-6])\b|\bs([1-6])\s+(?:pupils?|class|students?)\b"
)
# Irish and British secondary years said as a group: "second years", "a group of 2nd years" (first
# year is about 12). Plural only: "her second year" is a time, not a class.
_SECONDARY_YEAR_GROUP = re.compile(
    r"\b(?:(first|second|third|fourth|fifth|sixth)|([1-6])(?:st|nd|rd|th)) years\b"
)
_TEEN_WORD = re.compile(r"\b(?:teen|teens|teenager|teenagers|teenaged|teenage|adolescents?)\b")
_WORD_BANDS = [
    (
        re.compile(
            # ("it's for babies", "like a baby": scorn, not an age)
            r"\b(?:toddler|(?<!for )(?<!like a )(?<!like )(?:baby|babies)|preschool(?:er)?|pre-school(?:er)?|"
            r"infant|under\s+fives?|"
            # carers' "3 under 4s", "two under 3s"; "under 5" alone ("children under 5")
            # only when no unit follows ("under 5 minutes")
            r"under\s*[1-5]s|under\s*5(?!\s*(?:hours?|hrs?|mins?|minutes?|seconds?|secs?|%|"
            r"times?|days?|weeks?|months?|pounds|quid|dollars|euros|apps?|games?|[.,]\d)))\b"
        ),
        "under_5",
    ),
    (re.compile(r"\b(?:tweens?|pre-?teens?)\b"), "9_12"),
    # "almost a teenager", "started secondary", "in middle school": the youngest such child
    (
        re.compile(
            r"\b(?:almost|nearly|not yet|soon to be|about to be) a teen(?:ager)?\b|"
            r"\b(?:started|starting|starts|just started|going into|moving up to)\s+(?:secondary|"
            r"big school|middle school)\b|\bin\s+middle school\b"
        ),
        "9_12",
    ),
    (re.compile(r"\b(?:in|started|starting)\s+(?:kindergarten|kindy|reception|year 1)\b"), "5_8"),
    (re.compile(r"\b(?:in|started|starting|just started)\s+high school\b"), "13_15"),
    (_TEEN_WORD, "13_15"),
]


def says_only_teen(text: str) -> bool:
    """True when the only age in the text is the word "teen" (or teenager), no number.

    "what's a good first car for a teen?" about a 16-year-old does not make her 13 to 15.
    """
    lowered = text.lower()
    return (
        age_band_from_text(text) == "13_15"
        and not ages_in_text(text)
        and bool(_TEEN_WORD.search(lowered))
    )


# "for her 11th birthday": the age the child is turning.
_BIRTHDAY = re.compile(r"\b(?:her|his|their|my \w+'?s?) (\d{1,2})(?:st|nd|rd|th) birthday\b")
# An age someone claims for themselves is not the child's ("an older lad, 17 he says").
_CLAIMED_AFTER = re.compile(
    r"^\s*,?\s*(?:he|she|they) (?:says|said|claims|claimed|reckons)\b"
    # "he's 15, he says it's his girlfriend": what the child says next, not an age claimed
    r"(?!\s+(?:it'?s|it is|that|this|they'?re|his|her|their|the|a|an|i|we|to|no|yes|everyone)\b)"
)
# An age someone claims for themselves is not the child's.
_REPORTED = re.compile(
    r"\b(?:says?|said|claims?|claimed|claiming|pretends?|pretended|pretending|reckons?|"
    r"making out|told (?:her|him|them))\s+(?:that\s+)?(?:to be\s+)?\W*$"
)
# "yet" closing the clause ("not 13 yet"), not joining one ("13 yet he acts 10")
_YET = re.compile(r"\s*yet\b(?!\s+(?:he|she|they|i|it|we|you)\b)")
_NOT_YET_AGE = re.compile(
    r"\b"
    + _CHILD
    + r"(?:\s+isn'?t|\s+is\s+not|'s\s+not|\s+aren'?t|'re\s+not)\s+(?:even\s+)?"
    + _NUM
    + r"\b"
    + _NOT_A_DURATION
)


def band_for_age(age: int) -> Optional[str]:
    """The knowledge base's age band for an age in years; None for adults."""
    if age < 0 or age >= 18:
        return None
    if age < 5:
        return "under_5"
    if age <= 8:
        return "5_8"
    if age <= 12:
        return "9_12"
    if age <= 15:
        return "13_15"
    return "16_17"


# "what happens when she turns 13": a birthday to come, not the child's age now.
_WHEN_TURNING = re.compile(r"\b(?:when|once|after|until|till|before)\s+(?:\S+\s+)?$")


def ages_in_text(text: str) -> List[int]:
    """Every child age stated in the text, in years, in the order found."""
    lowered = text.lower().replace("\u2019", "'")
    ages: List[int] = []
    for pattern in _AGE_PATTERNS:
        for match in pattern.finditer(lowered):
            if (
                _REPORTED.search(lowered, 0, match.start())
                or _CLAIMED_AFTER.match(lowered[match.end() :])
                or (" turn" in match.group(0) and _WHEN_TURNING.search(lowered, 0, match.start()))
            ):
                continue  # "a 'friend' who says he's 16", "an older lad, 17 he says"
            age = _to_int(match.group(1))
            if _YET.match(lowered, match.end()):
                age -= 1  # "no way he's 13 yet": younger than that
            ages.append(age)
    for match in _NOT_YET_AGE.finditer(lowered):
        ages.append(_to_int(match.group(1)) - 1)  # "she isn't even 13", "he's not 13 yet"
    ages += [int(m.group(1)) for m in _BIRTHDAY.finditer(lowered)]
    for match in _SCHOOL_YEAR.finditer(lowered):
        year = int(match.group(1) or match.group(2))
        if 1 <= year <= 13:
            ages.append(year + 5)
    for match in _GRADE.finditer(lowered):
        grade = int(match.group(1) or match.group(2))
        if 1 <= grade <= 12:
            ages.append(grade + 6)
    for match in _CLASS.finditer(lowered):
        word = match.group(2)
        school_class = _ORDINAL_WORDS[word] if word else int(match.group(1) or match.group(3))
        if 1 <= school_class <= 12:
            ages.append(school_class + 5)
    for match in _SECONDARY_YEAR_GROUP.finditer(lowered):
        word = match.group(1)
        ages.append((_ORDINAL_WORDS[word] if word else int(match.group(2))) + 11)
    for pattern, first_age in ((_SCOTTISH_PRIMARY, 4), (_SCOTTISH_SECONDARY, 11)):
        for match in pattern.finditer(lowered):
            ages.append(int(match.group(1) or match.group(2)) + first_age)
    ages.extend(_listed_ages(lowered))
    ages.extend(_high_school_ages(lowered))
    return [age for age in ages if 0 <= age <= 25]


def _listed_ages(lowered: str) -> List[int]:
    """Ages in lists, ranges and brackets: "ages 8 and 10", "CM2 (10-11 years)"."""
    ages: List[int] = []
    for match in _LISTED.finditer(lowered):
        ages.extend(_ages_of_list(match.group(1)))
    for match in _IN_BRACKETS.finditer(lowered):
        said_as_an_age = match.group(1) or match.group(3)
        if said_as_an_age or _CHILD_BEFORE.search(lowered, 0, match.start()):
            ages.extend(_ages_of_list(match.group(2)))
    for match in _RANGE.finditer(lowered):
        if not match.group(2) and (
            _FOR_A_WHILE.search(lowered, 0, match.start()) or _AGO.match(lowered, match.end())
        ):
            continue  # "on tiktok for 2-3 years": how long, not how old
        ages.append(_to_int(match.group(1)))
    return ages


def _ages_of_list(listed: str) -> List[int]:
    """Two ages in "8 and 11"; one, the lower, in "10-11" and "10 to 11"."""
    numbers = [_to_int(n) for n in re.findall(_NUMBER, listed)]
    if len(numbers) == 2 and re.search(r"\d\b" + _RANGE_SEP + r"\d|\bto\b", listed):
        return [min(numbers)]
    return numbers


def _high_school_ages(lowered: str) -> List[int]:
    """Ages from US high-school years and Irish infant classes, sentence by sentence."""
    ages: List[int] = []
    for sentence in re.split(r"[.!?\n]", lowered):
        for match in _INFANTS.finditer(sentence):
            ages.append(4 if match.group(1) == "junior" else 5)
        for match in _HIGH_SCHOOL_YEAR.finditer(sentence):
            year = match.group(1).replace("freshmen", "freshman")
            if year in ("junior", "senior") and not _HIGH_SCHOOL.search(sentence):
                continue  # "a junior doctor", "seniors", "the juniors' football"
            if year in ("freshman", "sophomore") and _COLLEGE.search(sentence):
                continue  # a college freshman is an adult
            stated = match.group(2)
            ages.append(int(stated) if stated else _HIGH_SCHOOL_YEARS[year])
    return ages


def age_band_from_text(text: str) -> Optional[str]:
    """The age band of the youngest child mentioned, or None if no age is given.

    The youngest wins because advice for a younger child is the safer default when a
    parent asks about several children at once.
    """
    child_ages = [age for age in ages_in_text(text) if age < 18]
    if child_ages:
        return band_for_age(min(child_ages))
    lowered = text.lower()
    for pattern, band in _WORD_BANDS:
        if pattern.search(lowered):
            return band
    return None


def _to_int(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBER_WORDS[token]
