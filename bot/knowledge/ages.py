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
_NUM = r"(\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_CHILD = (
    r"(?:he|she|they|son|daughter|kid|child|boy|girl|stepson|stepdaughter|"
    r"grandson|granddaughter|niece|nephew|brother|sister|student|pupil|"
    r"little one|teen|tween|twins|kids|children|sons|daughters|boys|girls|lad|lass|kiddo|"
    r"youngest|eldest|oldest|placement|foster child|shes|hes|theyre|"
    # Forum shorthand (dear daughter / son / children), "mine are 10 and 13", carers' words
    r"dd|ds|dc|mine|grandkids?|grandchild|grandchildren|young person)"
)
# "\b" after "ago|on": "he is 10 years only" is an age, "10 years on" is not.
_NOT_A_DURATION = (
    r"(?!\s*(?:hours?|mins?|minutes?|am|pm|%|times?|days?|weeks?|months?|years? (?:ago|on)\b))"
)

# Each pattern captures the age in group 1.
_AGE_PATTERNS = [
    # "9yo", "9 y/o", "9-year-old", "9 year old", "9 yrs old"; a bare "2 years" is a
    # duration ("on tiktok for 2 years"), so "years" needs "old" after it.
    re.compile(_NUM + r"\s*-?\s*(?:yo|y/o|y\.o\.?)(?![a-z])"),
    re.compile(_NUM + r"\s*-?\s*(?:yrs?|years?)\s*-?\s*olds?\b"),
    # "aged 9" ("age 13" is left out: "is the minimum age 13?" names no child)
    re.compile(r"\baged\s+" + _NUM + r"\b"),
    # "she's 12", "my son is 12", "he just turned 12", "they're 9", "she's just turned 16"
    re.compile(
        r"\b" + _CHILD + r"(?:'s|'re|\s+is|\s+are|,?\s+who\s+is|\s+just\s+turned|"
        r",?\s+(?:who|that)\s+(?:just\s+)?turned|\s+turned|\s+turning|\s+is\s+turning)"
        r"\s+(?:only\s+|nearly\s+|almost\s+|just\s+|about\s+)?(?:turned\s+|turning\s+)?"
        + _NUM
        + r"\b"
        + _NOT_A_DURATION
    ),
    # "a lad of 12", "my son of 7 years"; and in other languages' word order, "my son have
    # 11 years" (only with "years": "he has 2 phones" gives no age)
    re.compile(
        r"\b" + _CHILD + r"\s+of\s+" + _NUM + r"\b(?:\s*(?:years?|yrs?)\b)?" + _NOT_A_DURATION
    ),
    re.compile(r"\b" + _CHILD + r"\s+(?:has|have|having)\s+" + _NUM + r"\s*(?:years?|yrs?)\b"),
    # A message that is only a number: the answer to "how old is your child?"
    re.compile(r"^\s*" + _NUM + r"\s*[.!?]*\s*$"),
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
_WORD_BANDS = [
    (
        re.compile(
            r"\b(?:toddler|baby|babies|preschool(?:er)?|pre-school(?:er)?|infant|under\s*5s?|under\s+fives?)\b"
        ),
        "under_5",
    ),
    (re.compile(r"\b(?:tweens?|pre-?teens?)\b"), "9_12"),
    (
        re.compile(r"\b(?:teen|teens|teenager|teenagers|teenaged|teenage|adolescents?)\b"),
        "13_15",
    ),
]


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


def ages_in_text(text: str) -> List[int]:
    """Every child age stated in the text, in years, in the order found."""
    lowered = text.lower().replace("\u2019", "'")
    ages: List[int] = []
    for pattern in _AGE_PATTERNS:
        for match in pattern.finditer(lowered):
            if _REPORTED.search(lowered, 0, match.start()):
                continue  # "a 'friend' who says he's 16": someone else's claimed age
            age = _to_int(match.group(1))
            if _YET.match(lowered, match.end()):
                age -= 1  # "no way he's 13 yet": younger than that
            ages.append(age)
    for match in _NOT_YET_AGE.finditer(lowered):
        ages.append(_to_int(match.group(1)) - 1)  # "she isn't even 13", "he's not 13 yet"
    for match in _SCHOOL_YEAR.finditer(lowered):
        year = int(match.group(1) or match.group(2))
        if 1 <= year <= 13:
            ages.append(year + 5)
    for match in _GRADE.finditer(lowered):
        grade = int(match.group(1) or match.group(2))
        if 1 <= grade <= 12:
            ages.append(grade + 6)
    return [age for age in ages if 0 <= age <= 25]


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
