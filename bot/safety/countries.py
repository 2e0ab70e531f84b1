"""Which country a family is in: from the site's configuration, the message, or a button."""

from __future__ import annotations

import re
from typing import Dict, Iterable, List, Optional

# Country names as parents write them. Demonyms ("American kids") are left out on
# purpose: they rarely say where the family lives. "us" only counts as "the us".
_NAMES: Dict[str, List[str]] = {
    "US": ["united states", "united states of america", "usa", "u.s.a", "u.s", "the us", "the states", "america"],
    "GB": ["united kingdom", "uk", "u.k", "great britain", "britain", "england", "scotland", "wales", "northern ireland"],
    "AU": ["australia", "aus"],
    "CA": ["canada"],
    "IE": ["ireland", "republic of ireland", "eire"],
    "NZ": ["new zealand", "nz", "aotearoa"],
    "FI": ["finland", "suomi"],
    "DE": ["germany", "deutschland"],
    "FR": ["france"],
    "BE": ["belgium", "belgie", "belgique"],
    "IN": ["india", "bharat"],
}  # fmt: skip

# Longest first, so "northern ireland" is GB before "ireland" is IE.
_PATTERNS = sorted(
    ((name, code) for code, names in _NAMES.items() for name in names),
    key=lambda pair: len(pair[0]),
    reverse=True,
)
_REGEX = re.compile(
    r"(?<![a-z])(" + "|".join(re.escape(name) for name, _ in _PATTERNS) + r")(?![a-z])"
)
_CODE_OF = {name: code for name, code in _PATTERNS}


def country_from_text(text: str) -> Optional[str]:
    """The ISO code of the first country named in ``text``, if any."""
    match = _REGEX.search(text.lower())
    return _CODE_OF[match.group(1)] if match else None


def valid_country(code: Optional[str], known: Iterable[str]) -> Optional[str]:
    """``code`` upper-cased if we hold routes for it (a country code or INTL), else None."""
    if not isinstance(code, str):
        return None
    upper = code.strip().upper()
    return upper if upper in set(known) else None
