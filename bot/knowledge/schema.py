"""The knowledge base's types: taxonomy, age bands, platforms and guidance entries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Dict, List, Optional, Tuple

# Exact ids: the widget, analytics and tests rely on them.
TOPICS: Tuple[str, ...] = (
    "livestreaming",
    "random_video_chat",
    "online_gaming",
    "social_and_chat_apps",
    "grooming",
    "sextortion",
    "reporting",
    "parental_controls",
    "privacy_and_location",
    "talking_with_children",
    "age_requirements",
    "screen_time",
    "cyberbullying",
    "harmful_content",
    "scams_and_spending",
    "campaigns_and_sources",
)

AGE_BANDS: Tuple[str, ...] = ("under_5", "5_8", "9_12", "13_15", "16_17")
# How an age band is named on a button.
AGE_BAND_TITLES: Dict[str, str] = {
    "under_5": "Under 5",
    "5_8": "5 to 8",
    "9_12": "9 to 12",
    "13_15": "13 to 15",
    "16_17": "16 or 17",
}

# Kinds of crisis the safety net tells apart, and the topic each is reported under.
CRISIS_TOPICS: Dict[str, str] = {
    "sextortion": "sextortion",
    "meeting": "grooming",
    "abuse": "grooming",
    "missing": "reporting",
    "self_harm": "harmful_content",
    "abuse_material": "reporting",
}

# How a topic is named on a button ("Did you mean ...?").
TOPIC_TITLES: Dict[str, str] = {
    "livestreaming": "Live streaming",
    "random_video_chat": "Random video chat sites",
    "online_gaming": "Online games",
    "social_and_chat_apps": "Social media and chat apps",
    "grooming": "Grooming and unwanted contact",
    "sextortion": "Sextortion and image blackmail",
    "reporting": "How to report",
    "parental_controls": "Parental controls",
    "privacy_and_location": "Privacy and location sharing",
    "talking_with_children": "Talking with your child",
    "age_requirements": "Age limits of apps",
    "screen_time": "Screen time",
    "cyberbullying": "Cyberbullying",
    "harmful_content": "Harmful content",
    "scams_and_spending": "Scams and in-app spending",
    "campaigns_and_sources": "Campaigns and where the advice comes from",
}


@dataclass(frozen=True)
class Source:
    """Where a fact comes from."""

    title: str
    url: str

    def as_dict(self) -> Dict[str, str]:
        """The shape used in reply metadata."""
        return {"title": self.title, "url": self.url}


@dataclass(frozen=True)
class Platform:
    """An app or game the assistant recognises."""

    id: str
    name: str
    category: str
    aliases: Tuple[str, ...] = ()
    # For names that are everyday words ("monkey", "steam", "x"): text only names the
    # platform through an alias such as "monkey app", never by the bare name.
    needs_qualifier: bool = False

    def spellings(self) -> Tuple[str, ...]:
        """Every lower-case form that names this platform, id and name first."""
        forms = [self.id.replace("_", " "), self.name.lower(), *self.aliases]
        return tuple(dict.fromkeys(f.lower() for f in forms))

    def spellings_in_text(self) -> Tuple[str, ...]:
        """The forms that name this platform in free text (what the EntityRuler matches)."""
        if not self.needs_qualifier:
            return self.spellings()
        return tuple(dict.fromkeys(a.lower() for a in self.aliases))


@dataclass(frozen=True)
class GuidanceEntry:
    """One curated, sourced answer."""

    id: str
    topic: str
    answer: str
    sources: Tuple[Source, ...]
    reviewed_on: date
    review_by: date
    platforms: Tuple[str, ...] = ()
    age_bands: Tuple[str, ...] = ()
    steps: Tuple[str, ...] = ()
    # Lower-case words or phrases that make this entry the specific answer when the
    # question contains one ("#sayno", "netsmartz"), e.g. for a named campaign.
    keywords: Tuple[str, ...] = ()
    file: str = field(default="", compare=False)

    def is_due_for_review(self, today: date) -> bool:
        """True once the entry's review date has passed."""
        return today > self.review_by


@dataclass(frozen=True)
class Contact:
    """A number or address to call or report to, with the page it comes from."""

    name: str
    source: str
    phone: Optional[str] = None
    web: Optional[str] = None
    note: Optional[str] = None


@dataclass(frozen=True)
class CrisisGuidance:
    """The first steps for one kind of crisis, with their sources."""

    category: str
    steps: Tuple[str, ...]
    sources: Tuple[Source, ...]


# The fallback used when a family's country is unknown or not listed.
INTERNATIONAL = "INTL"


@dataclass(frozen=True)
class Country:
    """Where to get help and report in one country."""

    code: str
    name: str
    emergency: Contact
    report: Tuple[Contact, ...]
    police_non_emergency: Optional[Contact] = None
    child_helpline: Optional[Contact] = None
    parent_helpline: Optional[Contact] = None
    image_removal: Tuple[Contact, ...] = ()


@dataclass(frozen=True)
class KnowledgeBase:
    """All platforms, guidance entries and country help routes, validated."""

    platforms: Dict[str, Platform]
    entries: Tuple[GuidanceEntry, ...]
    countries: Dict[str, Country] = field(default_factory=dict)
    crisis: Dict[str, CrisisGuidance] = field(default_factory=dict)

    def country(self, code: Optional[str]) -> Country:
        """The help routes for ``code``, or the international fallback."""
        return self.countries.get((code or "").upper()) or self.countries[INTERNATIONAL]

    def platform(self, platform_id: Optional[str]) -> Optional[Platform]:
        """The platform with this id, if there is one."""
        return self.platforms.get(platform_id) if platform_id else None

    def resolve_platform(self, mention: Optional[str]) -> Optional[str]:
        """The canonical id for an id, a name or an alias (any case), if known."""
        if not mention:
            return None
        wanted = mention.strip().lower()
        for platform in self.platforms.values():
            if wanted in platform.spellings():
                return platform.id
        return None

    def entries_for_topic(self, topic: str) -> List[GuidanceEntry]:
        """Entries of one topic, in file order."""
        return [e for e in self.entries if e.topic == topic]

    def entry(self, entry_id: str) -> GuidanceEntry:
        """The entry with this id (KeyError if none)."""
        for candidate in self.entries:
            if candidate.id == entry_id:
                return candidate
        raise KeyError(entry_id)
