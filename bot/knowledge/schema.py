"""The knowledge base's types: taxonomy, age bands, platforms and guidance entries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Dict, List, Optional, Tuple
from urllib.parse import urlsplit

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

# Consoles: named beside a game, the game is the subject ("he plays Fortnite on his PS5"),
# and "the game" after a question about the console still means the game.
CONSOLES = frozenset({"xbox", "playstation", "nintendo_switch"})

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
    # A child's intimate image shared or posted by anyone, AI-made fakes included.
    "image_shared": "sextortion",
    # A child filmed or livestreamed in secret.
    "covert_recording": "grooming",
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
    # On a primary domain of data/guidance/source_policy.yml (the platform's own pages, a
    # public authority, a recognised child-safety charity); set by the loader.
    primary: bool = field(default=False, compare=False)

    def as_dict(self) -> Dict[str, str]:
        """The shape used in reply metadata."""
        return {"title": self.title, "url": self.url}


def url_host(url: str) -> str:
    """The lower-case host of ``url`` without a leading ``www.`` ("" if there is none)."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _on_domain(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


@dataclass(frozen=True)
class SourcePolicy:
    """Which sites count as primary sources and which may never be cited.

    Domains match the URL's host and every sub-domain: "tiktok.com" covers
    "support.tiktok.com".
    """

    primary_domains: Tuple[str, ...] = ()
    banned_domains: Tuple[str, ...] = ()

    def banned_domain(self, url: str) -> Optional[str]:
        """The banned domain ``url`` is on, if any."""
        host = url_host(url)
        return next((d for d in self.banned_domains if _on_domain(host, d)), None)

    def is_primary(self, url: str) -> bool:
        """True when ``url`` is on a primary domain."""
        host = url_host(url)
        return any(_on_domain(host, d) for d in self.primary_domains)


def primary_first(sources: Tuple[Source, ...]) -> Tuple[Source, ...]:
    """``sources`` with the primary ones first, each group in its original order."""
    return tuple(sorted(sources, key=lambda s: not s.primary))


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


# How an entry's facts were last reviewed (``review_method``):
# source_checked  a person read every cited page on ``reviewed_on`` and it supports the entry;
# facts_file      written from ../shared/reference/guidance_facts.md, the pages not re-read;
# not_checked     never checked against its sources (the default when the field is missing).
REVIEW_SOURCE_CHECKED = "source_checked"
REVIEW_NOT_CHECKED = "not_checked"
REVIEW_METHODS: Tuple[str, ...] = (REVIEW_SOURCE_CHECKED, "facts_file", REVIEW_NOT_CHECKED)


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
    # Questions parents ask that this entry answers, in their words: matched at run time
    # (bot/understanding/retrieval.py), so a new entry teaches the assistant its questions.
    questions: Tuple[str, ...] = ()
    review_method: str = REVIEW_NOT_CHECKED
    file: str = field(default="", compare=False)

    def is_due_for_review(self, today: date) -> bool:
        """True once the entry's review date has passed."""
        return today > self.review_by


# Ratings as pegi.info and esrb.org show them (data/guidance/apps/*.yml, ``age_rating``).
PEGI_RATINGS: Tuple[str, ...] = ("3", "7", "12", "16", "18")
ESRB_RATINGS: Tuple[str, ...] = ("E", "E10+", "T", "M", "AO", "RP")


@dataclass(frozen=True)
class ProfileFact:
    """One sourced fact of an app profile, in the words the assistant says."""

    text: str
    sources: Tuple[Source, ...]
    # minimum_age / by_country / live_streaming: an age in years.
    age: Optional[int] = None
    # family_tool: the tool's own name ("Family Pairing").
    name: Optional[str] = None
    # age_rating: as pegi.info and esrb.org show them.
    pegi: Optional[str] = None
    esrb: Optional[str] = None


@dataclass(frozen=True)
class AppProfile:
    """What a parent needs to know about one app (data/guidance/apps/<platform>.yml)."""

    platform: str
    summary: ProfileFact
    minimum_age: ProfileFact
    contact: ProfileFact
    report_and_block: ProfileFact
    help_page: Source
    reviewed_on: date
    review_by: date
    live_streaming: Optional[ProfileFact] = None
    family_tool: Optional[ProfileFact] = None
    age_rating: Optional[ProfileFact] = None
    # A different minimum age set by law in a country (ISO code -> fact).
    minimum_age_by_country: Dict[str, ProfileFact] = field(default_factory=dict)
    questions: Tuple[str, ...] = ()
    review_method: str = REVIEW_NOT_CHECKED
    # Every source the profile cites, primary first, otherwise in file order.
    sources: Tuple[Source, ...] = ()
    file: str = field(default="", compare=False)

    def minimum_age_for(self, country: Optional[str]) -> ProfileFact:
        """The minimum age in ``country``: the country's law if it sets one, else the app's."""
        return self.minimum_age_by_country.get((country or "").upper(), self.minimum_age)

    def sources_in_order(self) -> Tuple[Source, ...]:
        """Every source the profile cites, primary first (stable)."""
        return primary_first(self.sources)

    def facts(self) -> Tuple[ProfileFact, ...]:
        """Every fact of the profile, in reading order."""
        optional = (self.live_streaming, self.family_tool, self.age_rating)
        return (
            self.summary,
            self.minimum_age,
            *self.minimum_age_by_country.values(),
            *(f for f in optional if f is not None),
            self.contact,
            self.report_and_block,
        )

    def is_due_for_review(self, today: date) -> bool:
        """True once the profile's review date has passed."""
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
    # What the country's law means for children's apps, in 1-2 plain sentences, and the
    # pages that say so (primary first); None where no good source was found.
    law: Optional[str] = None
    law_sources: Tuple[Source, ...] = ()
    # The topics whose answers mention the law (default: age requirements).
    law_topics: Tuple[str, ...] = ()

    def reporting_routes(self) -> Tuple[Contact, ...]:
        """The specialist reporting routes, then the police's non-emergency line if any."""
        police = self.police_non_emergency
        return (*self.report, *((police,) if police else ()))

    def support_lines(self) -> Tuple[Contact, ...]:
        """The child helpline, then the parent helpline, where there are."""
        return tuple(c for c in (self.child_helpline, self.parent_helpline) if c is not None)

    def contacts(self) -> Tuple[Contact, ...]:
        """Every contact, in the order a frightened parent needs them."""
        return (
            self.emergency,
            *self.reporting_routes(),
            *self.support_lines(),
            *self.image_removal,
        )


@dataclass(frozen=True)
class KnowledgeBase:
    """All platforms, guidance entries and country help routes, validated."""

    platforms: Dict[str, Platform]
    entries: Tuple[GuidanceEntry, ...]
    countries: Dict[str, Country] = field(default_factory=dict)
    crisis: Dict[str, CrisisGuidance] = field(default_factory=dict)
    # App profiles by platform id; an app without one is allowed (check-content lists it).
    profiles: Dict[str, AppProfile] = field(default_factory=dict)
    source_policy: SourcePolicy = field(default_factory=SourcePolicy)

    def profile(self, platform_id: Optional[str]) -> Optional[AppProfile]:
        """The profile of this platform, if it has one."""
        return self.profiles.get(platform_id) if platform_id else None

    def country(self, code: Optional[str]) -> Country:
        """The help routes for ``code``, or the international fallback."""
        return self.countries.get((code or "").upper()) or self.countries[INTERNATIONAL]

    def platform(self, platform_id: Optional[str]) -> Optional[Platform]:
        """The platform with this id, if there is one."""
        return self.platforms.get(platform_id) if platform_id else None

    def is_game(self, platform_id: Optional[str]) -> bool:
        """True for a game (an online-gaming platform that is not a console)."""
        found = self.platform(platform_id)
        return found is not None and found.category == "online_gaming" and found.id not in CONSOLES

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
