"""Find e-mail addresses and phone numbers in a parent's message and replace them.

Parents are asked not to share personal details, but some will ("call me on 07700 900123").
The assistant never needs them, so they are replaced before a message is stored. A phone
number is told apart from the numbers parents normally type (ages, years, dates, app
versions, lists of ages) by its digit count and shape; when in doubt about a long run of
digits, it is redacted, since storing a phone number is worse than losing an order number.
"""

from __future__ import annotations

import re
from typing import List

EMAIL_PLACEHOLDER = "[email]"
PHONE_PLACEHOLDER = "[phone]"

EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
# Up to 15 digits, maybe split by single spaces, dots, dashes or brackets, with an optional
# leading "+"; not glued to a letter ("ps5", "mp3") or a slash (dates like 1/2/2024). The
# 15-digit cap makes two numbers side by side ("07700 900123 07700 900124") two candidates
# rather than one run too long to be a phone number.
PHONE_CANDIDATE = re.compile(r"(?<![\w+/])\+?\(?\d(?:[ .\-]?\(?\d\)?){0,14}(?![\w/])")
MIN_PHONE_DIGITS = 7  # the shortest local numbers
MAX_PHONE_DIGITS = 15  # the longest international numbers (E.164)
YEAR = re.compile(r"^(19|20)\d\d$")


def redact(text: str) -> str:
    """``text`` with every e-mail address and phone number replaced by a placeholder."""
    text = EMAIL.sub(EMAIL_PLACEHOLDER, text)
    return PHONE_CANDIDATE.sub(_phone_or_unchanged, text)


def _phone_or_unchanged(match: re.Match) -> str:
    candidate = match.group(0)
    return PHONE_PLACEHOLDER if looks_like_phone_number(candidate) else candidate


def looks_like_phone_number(candidate: str) -> bool:
    """Whether a run of digits and separators is a phone number rather than other numbers."""
    groups = re.findall(r"\d+", candidate)
    digits = "".join(groups)
    if not MIN_PHONE_DIGITS <= len(digits) <= MAX_PHONE_DIGITS:
        return False
    if _is_date_or_years(groups):
        return False
    international_or_trunk = candidate.startswith(("+", "(")) or digits.startswith("0")
    # "8 10 12 14": a list of ages, not a number; "06 12 34 56 78" starts with a 0.
    if all(len(group) <= 2 for group in groups) and not international_or_trunk:
        return False
    return True


def _is_date_or_years(groups: List[str]) -> bool:
    """2019-2023, 2024-05-12, 12.05.2024 or 12 05 2024: dates and year ranges, not phones."""
    if len(groups) == 2 and all(YEAR.match(group) for group in groups):
        return True
    if len(groups) != 3:
        return False
    sizes = [len(group) for group in groups]
    if sizes[0] == 4 and sizes[1] <= 2 and sizes[2] <= 2:
        return bool(YEAR.match(groups[0])) and _is_day_month(groups[2], groups[1])
    if sizes[2] == 4 and sizes[0] <= 2 and sizes[1] <= 2:
        return bool(YEAR.match(groups[2])) and (
            _is_day_month(groups[0], groups[1]) or _is_day_month(groups[1], groups[0])
        )
    return False


def _is_day_month(day: str, month: str) -> bool:
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12
