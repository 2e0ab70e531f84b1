"""Load and validate the guidance knowledge base from ``data/guidance``.

Every problem is reported as a :class:`KnowledgeBaseError` naming the file, the entry
and the field, so a content reviewer can fix it without reading Python.
"""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

import yaml

from bot.knowledge.schema import (
    AGE_BANDS,
    CRISIS_TOPICS,
    ESRB_RATINGS,
    INTERNATIONAL,
    PEGI_RATINGS,
    REVIEW_METHODS,
    REVIEW_NOT_CHECKED,
    TOPICS,
    AppProfile,
    Contact,
    Country,
    CrisisGuidance,
    GuidanceEntry,
    KnowledgeBase,
    Platform,
    ProfileFact,
    Source,
    SourcePolicy,
    primary_first,
)
from bot.paths import GUIDANCE_DIR

DEFAULT_GUIDANCE_DIR = GUIDANCE_DIR
PLATFORMS_FILE = "platforms.yml"
COUNTRIES_FILE = "countries.yml"
CRISIS_FILE = "crisis.yml"
SOURCE_POLICY_FILE = "source_policy.yml"
APPS_DIR = "apps"
NON_TOPIC_FILES = frozenset({PLATFORMS_FILE, COUNTRIES_FILE, CRISIS_FILE, SOURCE_POLICY_FILE})


_ID_PATTERN = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
_ENTRY_REQUIRED = ("id", "topic", "answer", "sources", "reviewed_on", "review_by")
_ENTRY_OPTIONAL = ("platforms", "age_bands", "steps", "keywords", "questions", "review_method")
_PLATFORM_FIELDS = ("id", "name", "category", "aliases", "needs_qualifier")
_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
_COUNTRY_REQUIRED = ("name", "emergency", "report")
_COUNTRY_OPTIONAL = (
    "police_non_emergency",
    "child_helpline",
    "parent_helpline",
    "image_removal",
    "law",
)
_COUNTRY_LAW_FIELDS = ("text", "sources", "topics")
_CONTACT_FIELDS = ("name", "source", "phone", "web", "note")


class _DatesAsText(yaml.SafeLoader):
    """A safe YAML loader that leaves dates as text.

    A bad date is then reported like any other field; PyYAML itself would raise on
    2026-13-01 without saying where.
    """


def _date_as_text(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", _date_as_text)


class KnowledgeBaseError(ValueError):
    """The knowledge base is invalid; the message says where and why."""

    def __init__(self, file: str, entry: Optional[str], field: Optional[str], problem: str):
        self.file, self.entry, self.field, self.problem = file, entry, field, problem
        where = [file]
        if entry is not None:
            where.append(f"entry '{entry}'")
        if field is not None:
            where.append(f"field '{field}'")
        super().__init__(": ".join([*where, problem]))


def load_knowledge_base(guidance_dir: Optional[Path] = None) -> KnowledgeBase:
    """Read and validate every platform and guidance entry in ``guidance_dir``."""
    folder = Path(guidance_dir or DEFAULT_GUIDANCE_DIR)
    policy = load_source_policy(folder)
    platforms = _load_platforms(folder / PLATFORMS_FILE)
    entries: List[GuidanceEntry] = []
    seen: Dict[str, str] = {}
    for path in sorted(folder.glob("*.yml")):
        if path.name in NON_TOPIC_FILES:
            continue
        if path.stem not in TOPICS:
            raise KnowledgeBaseError(path.name, None, None, "file name is not a taxonomy topic id")
        for entry in _load_entries(path, platforms, policy):
            if entry.id in seen:
                raise KnowledgeBaseError(
                    path.name, entry.id, "id", f"duplicate id, also in {seen[entry.id]}"
                )
            seen[entry.id] = path.name
            entries.append(entry)
    countries = _load_countries(folder / COUNTRIES_FILE)
    _check_country_sources(COUNTRIES_FILE, countries, policy)
    return KnowledgeBase(
        platforms=platforms,
        entries=tuple(entries),
        countries=countries,
        crisis=_load_crisis(folder / CRISIS_FILE, policy),
        profiles=_load_profiles(folder / APPS_DIR, platforms, countries, policy),
        source_policy=policy,
    )


def _read_yaml(path: Path) -> Any:
    if not path.is_file():
        raise KnowledgeBaseError(path.name, None, None, "file not found")
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_DatesAsText)  # noqa: S506
    except yaml.YAMLError as error:
        raise KnowledgeBaseError(path.name, None, None, f"invalid YAML: {error}") from None


def _top_level_list(path: Path, key: str) -> List[Any]:
    document = _read_yaml(path)
    if not isinstance(document, dict) or not isinstance(document.get(key), list):
        raise KnowledgeBaseError(path.name, None, key, f"expected a top-level list '{key}'")
    return document[key]


def _load_platforms(path: Path) -> Dict[str, Platform]:
    platforms: Dict[str, Platform] = {}
    owner_of: Dict[str, str] = {}
    for index, raw in enumerate(_top_level_list(path, "platforms")):
        label = _label(raw, index)
        _check_fields(
            path.name,
            label,
            raw,
            required=_PLATFORM_FIELDS[:3],
            allowed=_PLATFORM_FIELDS,
        )
        platform_id = _identifier(path.name, label, raw["id"])
        if platform_id in platforms:
            raise KnowledgeBaseError(path.name, label, "id", "duplicate platform id")
        category = raw["category"]
        if category not in TOPICS:
            raise KnowledgeBaseError(path.name, label, "category", f"unknown topic '{category}'")
        platform = Platform(
            id=platform_id,
            name=_text(path.name, label, "name", raw["name"]),
            category=category,
            aliases=_strings(path.name, label, "aliases", raw.get("aliases", [])),
            needs_qualifier=_flag(
                path.name, label, "needs_qualifier", raw.get("needs_qualifier", False)
            ),
        )
        if platform.needs_qualifier and not platform.aliases:
            raise KnowledgeBaseError(
                path.name, label, "aliases", "needs_qualifier requires at least one alias"
            )
        for spelling in platform.spellings():
            if spelling in owner_of and owner_of[spelling] != platform_id:
                raise KnowledgeBaseError(
                    path.name,
                    label,
                    "aliases",
                    f"'{spelling}' also names {owner_of[spelling]}",
                )
            owner_of[spelling] = platform_id
        if len(set(a.lower() for a in platform.aliases)) != len(platform.aliases) or any(
            a.lower() in (platform_id.replace("_", " "), platform.name.lower())
            for a in platform.aliases
        ):
            raise KnowledgeBaseError(
                path.name, label, "aliases", "repeats the id, the name or another alias"
            )
        platforms[platform_id] = platform
    return platforms


def _load_entries(
    path: Path, platforms: Mapping[str, Platform], policy: SourcePolicy
) -> List[GuidanceEntry]:
    file = path.name
    entries = []
    for index, raw in enumerate(_top_level_list(path, "entries")):
        label = _label(raw, index)
        _check_fields(
            file,
            label,
            raw,
            required=_ENTRY_REQUIRED,
            allowed=_ENTRY_REQUIRED + _ENTRY_OPTIONAL,
        )
        entry_id = _identifier(file, label, raw["id"])
        if raw["topic"] != path.stem:
            raise KnowledgeBaseError(
                file,
                label,
                "topic",
                f"'{raw['topic']}' does not match the file's topic '{path.stem}'",
            )
        entry_platforms = _strings(file, label, "platforms", raw.get("platforms", []))
        for platform_id in entry_platforms:
            if platform_id not in platforms:
                raise KnowledgeBaseError(
                    file, label, "platforms", f"unknown platform '{platform_id}'"
                )
        raw_bands = raw.get("age_bands", [])
        if isinstance(raw_bands, list) and any(isinstance(b, int) for b in raw_bands):
            raise KnowledgeBaseError(
                file,
                label,
                "age_bands",
                'quote each band, e.g. "5_8" (unquoted, YAML reads 5_8 as the number 58)',
            )
        bands = _strings(file, label, "age_bands", raw_bands)
        for band in bands:
            if band not in AGE_BANDS:
                raise KnowledgeBaseError(file, label, "age_bands", f"unknown age band '{band}'")
        reviewed_on = _date(file, label, "reviewed_on", raw["reviewed_on"])
        review_by = _date(file, label, "review_by", raw["review_by"])
        if review_by <= reviewed_on:
            raise KnowledgeBaseError(file, label, "review_by", "must be after reviewed_on")
        entries.append(
            GuidanceEntry(
                id=entry_id,
                topic=raw["topic"],
                answer=_text(file, label, "answer", raw["answer"]),
                sources=_sources(file, label, raw["sources"], policy),
                reviewed_on=reviewed_on,
                review_by=review_by,
                platforms=entry_platforms,
                age_bands=bands,
                steps=_strings(file, label, "steps", raw.get("steps", [])),
                keywords=tuple(
                    k.lower() for k in _strings(file, label, "keywords", raw.get("keywords", []))
                ),
                questions=_strings(file, label, "questions", raw.get("questions", [])),
                review_method=_review_method(file, label, raw.get("review_method")),
                file=file,
            )
        )
    return entries


def _review_method(file: str, label: str, value: Any) -> str:
    """How the entry was last reviewed; entries that do not say were never checked."""
    if value is None:
        return REVIEW_NOT_CHECKED
    if value not in REVIEW_METHODS:
        raise KnowledgeBaseError(
            file, label, "review_method", f"expected one of {', '.join(REVIEW_METHODS)}"
        )
    return str(value)


def _load_countries(path: Path) -> Dict[str, Country]:
    file = path.name
    document = _read_yaml(path)
    # The sources of a country's `law` follow the same policy as every other source.
    policy = load_source_policy(path.parent)
    if not isinstance(document, dict) or not isinstance(document.get("countries"), dict):
        raise KnowledgeBaseError(file, None, "countries", "expected a mapping 'countries'")
    countries: Dict[str, Country] = {}
    for code, raw in document["countries"].items():
        label = str(code)
        if label != INTERNATIONAL and not _COUNTRY_CODE.match(label):
            raise KnowledgeBaseError(file, label, None, "not an ISO 3166 alpha-2 code")
        _check_fields(
            file,
            label,
            raw,
            required=_COUNTRY_REQUIRED,
            allowed=_COUNTRY_REQUIRED + _COUNTRY_OPTIONAL,
        )

        countries[label] = _country(file, label, raw, policy)
    if INTERNATIONAL not in countries:
        raise KnowledgeBaseError(
            file, INTERNATIONAL, None, "the international fallback is required"
        )
    return countries


def _load_crisis(path: Path, policy: SourcePolicy) -> Dict[str, CrisisGuidance]:
    file = path.name
    document = _read_yaml(path)
    if not isinstance(document, dict) or not isinstance(document.get("responses"), dict):
        raise KnowledgeBaseError(file, None, "responses", "expected a mapping 'responses'")
    crisis: Dict[str, CrisisGuidance] = {}
    for category, raw in document["responses"].items():
        label = str(category)
        if label not in CRISIS_TOPICS:
            raise KnowledgeBaseError(file, label, None, "unknown crisis category")
        _check_fields(file, label, raw, required=("steps", "sources"), allowed=("steps", "sources"))
        crisis[label] = CrisisGuidance(
            category=label,
            steps=_strings(file, label, "steps", raw["steps"]),
            sources=_sources(file, label, raw["sources"], policy),
        )
    missing = [c for c in CRISIS_TOPICS if c not in crisis]
    if missing:
        raise KnowledgeBaseError(file, missing[0], None, "every crisis category needs its steps")
    return crisis


def _country(file: str, label: str, raw: Dict[str, Any], policy: SourcePolicy) -> Country:
    def one(name: str) -> Optional[Contact]:
        return _contact(file, label, name, raw[name]) if name in raw else None

    def many(name: str) -> Tuple[Contact, ...]:
        value = raw.get(name, [])
        if not isinstance(value, list):
            raise KnowledgeBaseError(file, label, name, "must be a list")
        return tuple(_contact(file, label, name, item) for item in value)

    def law() -> Tuple[Optional[str], Tuple[Source, ...], Tuple[str, ...]]:
        """The optional `law: {text, sources, topics}` summary, every part checked."""
        if "law" not in raw:
            return None, (), ()
        value = raw["law"]
        if not isinstance(value, dict):
            raise KnowledgeBaseError(
                file, label, "law", "expected a mapping with a text and its sources"
            )
        for key in value:
            if key not in _COUNTRY_LAW_FIELDS:
                raise KnowledgeBaseError(file, label, f"law.{key}", "unknown field")
        text = _text(file, label, "law.text", value.get("text"))
        sources = value.get("sources")
        if not isinstance(sources, list) or not sources:
            raise KnowledgeBaseError(file, label, "law.sources", "needs at least one source")
        topics = _strings(file, label, "law.topics", value.get("topics", ["age_requirements"]))
        for topic in topics:
            if topic not in TOPICS:
                raise KnowledgeBaseError(file, label, "law.topics", f"unknown topic '{topic}'")
        return (
            text,
            primary_first(
                tuple(_source(file, label, "law.sources", item, policy) for item in sources)
            ),
            topics,
        )

    emergency = one("emergency")
    assert emergency is not None  # required, checked by the caller
    law_text, law_sources, law_topics = law()
    return Country(
        code=label,
        name=_text(file, label, "name", raw["name"]),
        emergency=emergency,
        report=many("report"),
        police_non_emergency=one("police_non_emergency"),
        child_helpline=one("child_helpline"),
        parent_helpline=one("parent_helpline"),
        image_removal=many("image_removal"),
        law=law_text,
        law_sources=law_sources,
        law_topics=law_topics,
    )


def _contact(file: str, label: str, name: str, raw: Any) -> Contact:
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(file, label, name, "expected a contact with a name and a source")
    for key in raw:
        if key not in _CONTACT_FIELDS:
            raise KnowledgeBaseError(file, label, f"{name}.{key}", "unknown field")
    for key in ("name", "source"):
        if not raw.get(key):
            raise KnowledgeBaseError(file, label, f"{name}.{key}", "is required")
    source = _text(file, label, f"{name}.source", raw["source"])
    if not source.startswith("https://") or " " in source:
        raise KnowledgeBaseError(file, label, f"{name}.source", f"not an https URL: {source}")
    optional = {
        key: _text(file, label, f"{name}.{key}", raw[key])
        for key in ("phone", "web", "note")
        if key in raw
    }
    return Contact(name=_text(file, label, f"{name}.name", raw["name"]), source=source, **optional)


def _label(raw: Any, index: int) -> str:
    """How an item is named in errors: its id when it has one, else its position."""
    if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"]:
        return raw["id"]
    return f"#{index + 1}"


def _check_fields(
    file: str, label: Optional[str], raw: Any, required: Tuple[str, ...], allowed: Tuple[str, ...]
) -> None:
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(file, label, None, "expected a mapping of fields")
    for name in required:
        if raw.get(name) in (None, "", []):
            raise KnowledgeBaseError(file, label, name, "is required")
    for name in raw:
        if name not in allowed:
            raise KnowledgeBaseError(file, label, str(name), "unknown field")


def _identifier(file: str, label: str, value: Any) -> str:
    if not isinstance(value, str) or not _ID_PATTERN.match(value):
        raise KnowledgeBaseError(
            file,
            label,
            "id",
            "must be lowercase letters and digits joined by underscores",
        )
    return value


def _text(file: str, label: Optional[str], name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise KnowledgeBaseError(file, label, name, "must be non-empty text")
    return " ".join(value.split())


def _strings(file: str, label: Optional[str], name: str, value: Any) -> Tuple[str, ...]:
    if not isinstance(value, list):
        raise KnowledgeBaseError(file, label, name, "must be a list")
    return tuple(_text(file, label, name, item) for item in value)


def _flag(file: str, label: str, name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise KnowledgeBaseError(file, label, name, "must be true or false")
    return value


def _date(file: str, label: str, name: str, value: Any) -> date:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise KnowledgeBaseError(file, label, name, "must be a date written YYYY-MM-DD")


def _sources(file: str, label: str, value: Any, policy: SourcePolicy) -> Tuple[Source, ...]:
    """A list of title + url sources, checked against the policy, primary first."""
    if not isinstance(value, list):
        raise KnowledgeBaseError(file, label, "sources", "must be a list")
    return primary_first(tuple(_source(file, label, "sources", raw, policy) for raw in value))


def _source(file: str, label: str, name: str, raw: Any, policy: SourcePolicy) -> Source:
    """One title + url source: an https URL on no banned domain, marked primary or not."""
    if not isinstance(raw, dict) or set(raw) != {"title", "url"}:
        raise KnowledgeBaseError(file, label, name, "each source needs exactly a title and a url")
    url = _url(file, label, name, raw["url"], policy)
    return Source(
        title=_text(file, label, name, raw["title"]), url=url, primary=policy.is_primary(url)
    )


def _url(file: str, label: str, name: str, value: Any, policy: SourcePolicy) -> str:
    url = _text(file, label, name, value)
    if not url.startswith("https://") or " " in url:
        raise KnowledgeBaseError(file, label, name, f"not an https URL: {url}")
    banned = policy.banned_domain(url)
    if banned:
        raise KnowledgeBaseError(
            file,
            label,
            name,
            f"{url} is on a banned domain ({banned}, see {SOURCE_POLICY_FILE}); "
            "cite the platform's or an authority's own page",
        )
    return url


# --- source policy --------------------------------------------------------------------

_DOMAIN = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$")


def load_source_policy(guidance_dir: Optional[Path] = None) -> SourcePolicy:
    """Read and validate ``source_policy.yml`` in ``guidance_dir``."""
    path = Path(guidance_dir or DEFAULT_GUIDANCE_DIR) / SOURCE_POLICY_FILE
    file = path.name
    document = _read_yaml(path)
    if not isinstance(document, dict):
        raise KnowledgeBaseError(file, None, None, "expected primary_domains and banned_domains")
    _check_fields(
        file,
        None,
        document,
        required=("primary_domains", "banned_domains"),
        allowed=("primary_domains", "banned_domains"),
    )
    lists: Dict[str, Tuple[str, ...]] = {}
    for name in ("primary_domains", "banned_domains"):
        domains = _strings(file, None, name, document[name])
        for domain in domains:
            if not _DOMAIN.match(domain) or domain.startswith("www."):
                raise KnowledgeBaseError(
                    file, domain, name, "expected a lower-case host such as esafety.gov.au"
                )
        repeated = next((d for d in domains if domains.count(d) > 1), None)
        if repeated:
            raise KnowledgeBaseError(file, repeated, name, "listed twice")
        lists[name] = domains
    policy = SourcePolicy(
        primary_domains=lists["primary_domains"], banned_domains=lists["banned_domains"]
    )
    for domain in policy.primary_domains:
        banned = policy.banned_domain("https://" + domain)
        if banned:
            raise KnowledgeBaseError(file, domain, "primary_domains", f"is also banned ({banned})")
    return policy


def _check_country_sources(
    file: str, countries: Mapping[str, Country], policy: SourcePolicy
) -> None:
    """Country contacts cite a page too: none may be on a banned domain."""
    for code, country in countries.items():
        for item in fields(country):
            value = getattr(country, item.name)
            contacts = value if isinstance(value, tuple) else (value,)
            for contact in contacts:
                if isinstance(contact, Contact):
                    _url(file, code, f"{item.name}.source", contact.source, policy)


# --- app profiles (data/guidance/apps/<platform>.yml) ---------------------------------

_PROFILE_REQUIRED = (
    "platform",
    "summary",
    "minimum_age",
    "contact",
    "report_and_block",
    "help_page",
    "sources",
    "reviewed_on",
    "review_by",
)
_PROFILE_OPTIONAL = ("live_streaming", "family_tool", "age_rating", "questions", "review_method")
# Per fact: (required fields, optional fields).
_FACT_FIELDS: Dict[str, Tuple[Tuple[str, ...], Tuple[str, ...]]] = {
    "summary": (("text", "sources"), ()),
    "minimum_age": (("text", "sources"), ("age", "by_country")),
    "by_country": (("text", "sources"), ("age",)),
    "live_streaming": (("text", "sources"), ("age",)),
    "contact": (("text", "sources"), ()),
    "family_tool": (("name", "text", "sources"), ()),
    "report_and_block": (("text", "sources"), ()),
    "age_rating": (("sources",), ("text", "pegi", "esrb")),
}


def _load_profiles(
    folder: Path,
    platforms: Mapping[str, Platform],
    countries: Mapping[str, Country],
    policy: SourcePolicy,
) -> Dict[str, AppProfile]:
    """Every app profile in ``folder``; an app without one is allowed."""
    profiles: Dict[str, AppProfile] = {}
    if not folder.is_dir():
        return profiles
    for path in sorted(folder.glob("*.yml")):
        profile = _load_profile(path, platforms, countries, policy)
        profiles[profile.platform] = profile
    return profiles


class _SourceIds:
    """A profile's ``sources`` mapping, and which ids its facts cite."""

    def __init__(self, file: str, label: str, raw: Any, policy: SourcePolicy):
        if not isinstance(raw, dict) or not raw:
            raise KnowledgeBaseError(file, label, "sources", "expected a mapping id -> title, url")
        self.file, self.label = file, label
        self.by_id: Dict[str, Source] = {}
        for key, value in raw.items():
            name = f"sources.{key}"
            if not isinstance(key, str) or not _ID_PATTERN.match(key):
                raise KnowledgeBaseError(
                    file, label, name, "ids are lowercase letters and digits joined by underscores"
                )
            self.by_id[key] = _source(file, label, name, value, policy)
        self.used: Dict[str, None] = {}

    def cite(self, name: str, value: Any) -> Tuple[Source, ...]:
        ids = _strings(self.file, self.label, name, value)
        if not ids:
            raise KnowledgeBaseError(self.file, self.label, name, "cite at least one source id")
        for source_id in ids:
            if source_id not in self.by_id:
                raise KnowledgeBaseError(
                    self.file, self.label, name, f"source id '{source_id}' is not in sources"
                )
            if ids.count(source_id) > 1:
                raise KnowledgeBaseError(
                    self.file, self.label, name, f"source id '{source_id}' is cited twice"
                )
            self.used[source_id] = None
        return primary_first(tuple(self.by_id[i] for i in ids))

    def check_all_used(self) -> None:
        for source_id in self.by_id:
            if source_id not in self.used:
                raise KnowledgeBaseError(
                    self.file, self.label, f"sources.{source_id}", "defined but never cited"
                )

    def in_order(self) -> Tuple[Source, ...]:
        return primary_first(tuple(self.by_id.values()))


def _load_profile(
    path: Path,
    platforms: Mapping[str, Platform],
    countries: Mapping[str, Country],
    policy: SourcePolicy,
) -> AppProfile:
    file = f"{path.parent.name}/{path.name}"
    try:
        raw = _read_yaml(path)
    except KnowledgeBaseError as error:  # name the folder too
        raise KnowledgeBaseError(file, error.entry, error.field, error.problem) from None
    if isinstance(raw, dict) and isinstance(raw.get("platform"), str) and raw["platform"]:
        label = raw["platform"]
    else:
        label = path.stem
    _check_fields(
        file, label, raw, required=_PROFILE_REQUIRED, allowed=_PROFILE_REQUIRED + _PROFILE_OPTIONAL
    )
    platform = raw["platform"]
    if platform not in platforms:
        raise KnowledgeBaseError(file, label, "platform", f"unknown platform '{platform}'")
    if platform != path.stem:
        raise KnowledgeBaseError(
            file, label, "platform", f"'{platform}' does not match the file name '{path.stem}'"
        )
    ids = _SourceIds(file, label, raw["sources"], policy)

    def fact(name: str, value: Any, kind: Optional[str] = None) -> ProfileFact:
        return _profile_fact(file, label, name, kind or name, value, ids)

    minimum_age = fact("minimum_age", raw["minimum_age"])
    by_country: Dict[str, ProfileFact] = {}
    raw_by_country = raw["minimum_age"].get("by_country", {})
    if not isinstance(raw_by_country, dict) or (
        "by_country" in raw["minimum_age"] and not raw_by_country
    ):
        raise KnowledgeBaseError(
            file, label, "minimum_age.by_country", "expected a mapping of country codes"
        )
    for code, value in raw_by_country.items():
        name = f"minimum_age.by_country.{code}"
        if isinstance(code, bool):
            raise KnowledgeBaseError(
                file, label, name, 'quote the country code (YAML reads NO as false), e.g. "NO"'
            )
        if code == INTERNATIONAL or code not in countries:
            raise KnowledgeBaseError(
                file, label, name, f"'{code}' is not a country code in {COUNTRIES_FILE}"
            )
        by_country[code] = fact(name, value, "by_country")
    optional = {
        name: fact(name, raw[name]) if name in raw else None
        for name in ("live_streaming", "family_tool", "age_rating")
    }
    help_page = _source(file, label, "help_page", raw["help_page"], policy)
    reviewed_on = _date(file, label, "reviewed_on", raw["reviewed_on"])
    review_by = _date(file, label, "review_by", raw["review_by"])
    if review_by <= reviewed_on:
        raise KnowledgeBaseError(file, label, "review_by", "must be after reviewed_on")
    profile = AppProfile(
        platform=platform,
        summary=fact("summary", raw["summary"]),
        minimum_age=minimum_age,
        contact=fact("contact", raw["contact"]),
        report_and_block=fact("report_and_block", raw["report_and_block"]),
        help_page=help_page,
        reviewed_on=reviewed_on,
        review_by=review_by,
        live_streaming=optional["live_streaming"],
        family_tool=optional["family_tool"],
        age_rating=optional["age_rating"],
        minimum_age_by_country=by_country,
        questions=_strings(file, label, "questions", raw.get("questions", [])),
        review_method=_review_method(file, label, raw.get("review_method")),
        sources=ids.in_order(),
        file=file,
    )
    ids.check_all_used()
    return profile


def _profile_fact(
    file: str, label: str, name: str, kind: str, raw: Any, ids: _SourceIds
) -> ProfileFact:
    required, optional = _FACT_FIELDS[kind]
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(file, label, name, f"expected fields {', '.join(required)}")
    for key in required:
        if raw.get(key) in (None, "", []):
            raise KnowledgeBaseError(file, label, f"{name}.{key}", "is required")
    for key in raw:
        if key not in required + optional:
            raise KnowledgeBaseError(file, label, f"{name}.{key}", "unknown field")
    age = raw.get("age")
    if "age" in raw and (isinstance(age, bool) or not isinstance(age, int) or not 0 < age <= 21):
        raise KnowledgeBaseError(file, label, f"{name}.age", "must be a whole number of years")
    ratings = {}
    for key, allowed in (("pegi", PEGI_RATINGS), ("esrb", ESRB_RATINGS)):
        if key in raw:
            if raw[key] not in allowed:
                raise KnowledgeBaseError(
                    file,
                    label,
                    f"{name}.{key}",
                    f"expected one of {', '.join(allowed)}, quoted (e.g. \"{allowed[1]}\")",
                )
            ratings[key] = str(raw[key])
    if kind == "age_rating" and not ratings and "text" not in raw:
        raise KnowledgeBaseError(file, label, name, "give pegi, esrb or text")
    return ProfileFact(
        text=_text(file, label, f"{name}.text", raw["text"]) if "text" in raw else "",
        sources=ids.cite(f"{name}.sources", raw["sources"]),
        age=age,
        name=_text(file, label, f"{name}.name", raw["name"]) if "name" in raw else None,
        **ratings,
    )
