"""Load and validate the guidance knowledge base from ``data/guidance``.

Every problem is reported as a :class:`KnowledgeBaseError` naming the file, the entry
and the field, so a content reviewer can fix it without reading Python.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

import yaml

from bot.knowledge.schema import (
    AGE_BANDS,
    CRISIS_TOPICS,
    INTERNATIONAL,
    TOPICS,
    Contact,
    Country,
    CrisisGuidance,
    GuidanceEntry,
    KnowledgeBase,
    Platform,
    Source,
)

DEFAULT_GUIDANCE_DIR = Path(__file__).resolve().parents[2] / "data" / "guidance"
PLATFORMS_FILE = "platforms.yml"
COUNTRIES_FILE = "countries.yml"
CRISIS_FILE = "crisis.yml"
NON_TOPIC_FILES = frozenset({PLATFORMS_FILE, COUNTRIES_FILE, CRISIS_FILE})


_ID_PATTERN = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
_ENTRY_REQUIRED = ("id", "topic", "answer", "sources", "reviewed_on", "review_by")
_ENTRY_OPTIONAL = ("platforms", "age_bands", "steps", "keywords")
_PLATFORM_FIELDS = ("id", "name", "category", "aliases", "needs_qualifier")
_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
_COUNTRY_REQUIRED = ("name", "emergency", "report")
_COUNTRY_OPTIONAL = ("police_non_emergency", "child_helpline", "parent_helpline", "image_removal")
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
    platforms = _load_platforms(folder / PLATFORMS_FILE)
    entries: List[GuidanceEntry] = []
    seen: Dict[str, str] = {}
    for path in sorted(folder.glob("*.yml")):
        if path.name in NON_TOPIC_FILES:
            continue
        if path.stem not in TOPICS:
            raise KnowledgeBaseError(path.name, None, None, "file name is not a taxonomy topic id")
        for entry in _load_entries(path, platforms):
            if entry.id in seen:
                raise KnowledgeBaseError(
                    path.name, entry.id, "id", f"duplicate id, also in {seen[entry.id]}"
                )
            seen[entry.id] = path.name
            entries.append(entry)
    return KnowledgeBase(
        platforms=platforms,
        entries=tuple(entries),
        countries=_load_countries(folder / COUNTRIES_FILE),
        crisis=_load_crisis(folder / CRISIS_FILE),
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


def _load_entries(path: Path, platforms: Mapping[str, Platform]) -> List[GuidanceEntry]:
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
                sources=_sources(file, label, raw["sources"]),
                reviewed_on=reviewed_on,
                review_by=review_by,
                platforms=entry_platforms,
                age_bands=bands,
                steps=_strings(file, label, "steps", raw.get("steps", [])),
                keywords=tuple(
                    k.lower() for k in _strings(file, label, "keywords", raw.get("keywords", []))
                ),
                file=file,
            )
        )
    return entries


def _load_countries(path: Path) -> Dict[str, Country]:
    file = path.name
    document = _read_yaml(path)
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

        countries[label] = _country(file, label, raw)
    if INTERNATIONAL not in countries:
        raise KnowledgeBaseError(
            file, INTERNATIONAL, None, "the international fallback is required"
        )
    return countries


def _load_crisis(path: Path) -> Dict[str, CrisisGuidance]:
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
            sources=_sources(file, label, raw["sources"]),
        )
    missing = [c for c in CRISIS_TOPICS if c not in crisis]
    if missing:
        raise KnowledgeBaseError(file, missing[0], None, "every crisis category needs its steps")
    return crisis


def _country(file: str, label: str, raw: Dict[str, Any]) -> Country:
    def one(name: str) -> Optional[Contact]:
        return _contact(file, label, name, raw[name]) if name in raw else None

    def many(name: str) -> Tuple[Contact, ...]:
        value = raw.get(name, [])
        if not isinstance(value, list):
            raise KnowledgeBaseError(file, label, name, "must be a list")
        return tuple(_contact(file, label, name, item) for item in value)

    emergency = one("emergency")
    assert emergency is not None  # required, checked by the caller
    return Country(
        code=label,
        name=_text(file, label, "name", raw["name"]),
        emergency=emergency,
        report=many("report"),
        police_non_emergency=one("police_non_emergency"),
        child_helpline=one("child_helpline"),
        parent_helpline=one("parent_helpline"),
        image_removal=many("image_removal"),
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
    file: str, label: str, raw: Any, required: Tuple[str, ...], allowed: Tuple[str, ...]
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


def _text(file: str, label: str, name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise KnowledgeBaseError(file, label, name, "must be non-empty text")
    return " ".join(value.split())


def _strings(file: str, label: str, name: str, value: Any) -> Tuple[str, ...]:
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


def _sources(file: str, label: str, value: Any) -> Tuple[Source, ...]:
    if not isinstance(value, list):
        raise KnowledgeBaseError(file, label, "sources", "must be a list")
    sources = []
    for raw in value:
        if not isinstance(raw, dict) or set(raw) != {"title", "url"}:
            raise KnowledgeBaseError(
                file, label, "sources", "each source needs exactly a title and a url"
            )
        url = _text(file, label, "sources", raw["url"])
        if not url.startswith("https://") or " " in url:
            raise KnowledgeBaseError(file, label, "sources", f"not an https URL: {url}")
        sources.append(Source(title=_text(file, label, "sources", raw["title"]), url=url))
    return tuple(sources)
