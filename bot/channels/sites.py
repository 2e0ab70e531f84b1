"""The schools that embed the widget: origins, country, contact, links and look.

The server, not the page, decides a site's country, safeguarding contact, links and look: a
page can't claim to be another school, change which emergency numbers a parent is given, or
dress the widget as another school's. Every field of a site is defined and checked here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import yaml

DEFAULT_SITES_FILE = Path(__file__).resolve().parents[1] / "sites.yml"
# The demo page is served by the assistant itself, so its origin is the server's own.
DEMO_SITE_ID = "demo"
POSITIONS = ("bottom-right", "bottom-left")
# Bounds on what a school may set: the panel is 390 px wide and 320 px on a phone, and every
# character of a greeting is read out by a screen reader.
MAX_TITLE, MAX_GREETING, MAX_QUESTION, MAX_LINK_TITLE, MAX_URL = 60, 300, 100, 80, 300
STARTER_QUESTIONS = (3, 4)  # how many, at least and at most
MAX_LINKS = 4
MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text (1.4.3)
HEX_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
FIELDS = frozenset(
    {
        "id",
        "name",
        "origins",
        "country",
        "safeguarding_contact",
        "insights_token_sha256",
        "title",
        "greeting",
        "starter_questions",
        "colours",
        "position",
        "links",
    }
)


class SitesConfigError(ValueError):
    """sites.yml is invalid; the message says where."""


@dataclass(frozen=True)
class Link:
    """A school's own page for parents: its online-safety policy, or how to reach the lead."""

    title: str
    url: str  # https only

    def as_dict(self) -> Dict[str, str]:
        """As the API sends it (the same shape as a source)."""
        return {"title": self.title, "url": self.url}


@dataclass(frozen=True)
class Colours:
    """The widget's accent (header, launcher, the parent's messages) and the text on it."""

    accent: str
    accent_text: str


@dataclass(frozen=True)
class Site:
    """One school website that embeds the widget."""

    id: str
    name: str
    origins: Tuple[str, ...] = ()
    country: Optional[str] = None
    safeguarding_contact: Optional[str] = None
    # The SHA-256 (hex) of the token that opens the site's insights page; never the token.
    insights_token_sha256: Optional[str] = None
    # How the widget looks on the site's pages (GET /webhooks/widget/config).
    title: Optional[str] = None
    greeting: Optional[str] = None
    starter_questions: Tuple[str, ...] = ()
    colours: Optional[Colours] = None
    position: str = POSITIONS[0]
    # Added to reporting and crisis answers on the site's pages (bot/channels/trust.py).
    links: Tuple[Link, ...] = ()

    def display(self) -> Dict[str, Any]:
        """What the widget may know of the site: its look only (no contact, no token hash)."""
        colours = self.colours
        return {
            "title": self.title,
            "greeting": self.greeting,
            "starter_questions": list(self.starter_questions),
            "colours": {"accent": colours.accent, "accent_text": colours.accent_text}
            if colours
            else None,
            "position": self.position,
        }


@dataclass(frozen=True)
class Sites:
    """All configured sites, looked up by the request's Origin header."""

    by_origin: Dict[str, Site]
    demo: Site
    by_id: Dict[str, Site] = field(default_factory=dict)

    def for_origin(self, origin: Optional[str], own_origin: str) -> Optional[Site]:
        """The site an Origin belongs to; the server's own origin is the demo site."""
        if origin is None or origin == own_origin:
            return self.demo
        return self.by_origin.get(origin.rstrip("/").lower())

    def for_config(
        self, origin: Optional[str], own_origin: str, preview: Optional[str]
    ) -> Optional[Site]:
        """The site whose look the widget takes: its page's, by Origin as for messages.

        ``preview`` (a site id) is honoured only on the server's own origin, where only the
        setup page and the demo live: another school's page can't take a site's look.
        """
        own = origin is None or origin == own_origin
        if preview is not None and own:
            return self.by_id.get(preview)
        return self.for_origin(origin, own_origin)


def load_sites(path: Optional[Path] = None) -> Sites:
    """Read and check the sites configuration."""
    source = Path(path or DEFAULT_SITES_FILE)
    document = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    raw_sites = document.get("sites")
    if not isinstance(raw_sites, list) or not raw_sites:
        raise SitesConfigError(f"{source.name}: expected a non-empty list 'sites'")
    by_origin: Dict[str, Site] = {}
    by_id: Dict[str, Site] = {}
    demo: Optional[Site] = None
    for index, raw in enumerate(raw_sites):
        site = _site(source.name, index, raw)
        if site.id in by_id:
            raise SitesConfigError(f"{source.name}: site id {site.id} is listed twice")
        by_id[site.id] = site
        for origin in site.origins:
            if origin in by_origin:
                raise SitesConfigError(f"{source.name}: origin {origin} is listed twice")
            by_origin[origin] = site
        if site.id == DEMO_SITE_ID:
            demo = site
    if demo is None:
        raise SitesConfigError(f"{source.name}: a site with id '{DEMO_SITE_ID}' is required")
    return Sites(by_origin=by_origin, demo=demo, by_id=by_id)


def _site(file: str, index: int, raw: Any) -> Site:
    where = f"{file}: site #{index + 1}"
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw.get("name"):
        raise SitesConfigError(f"{where}: needs an id and a name")
    where = f"{file}: site {raw['id']}"
    unknown = set(raw) - FIELDS
    if unknown:
        raise SitesConfigError(f"{where}: unknown field {sorted(unknown)[0]}")
    origins = raw.get("origins") or []
    for origin in origins:
        if not isinstance(origin, str) or not origin.startswith(("https://", "http://")):
            raise SitesConfigError(f"{where}: origin {origin!r} must start with https://")
    country = raw.get("country")
    if country is not None and not (isinstance(country, str) and len(country) == 2):
        raise SitesConfigError(f"{where}: country must be an ISO 3166 alpha-2 code")
    token_hash = raw.get("insights_token_sha256")
    if token_hash is not None and not (
        isinstance(token_hash, str) and re.fullmatch(r"[0-9a-f]{64}", token_hash)
    ):
        raise SitesConfigError(f"{where}: insights_token_sha256 must be 64 lowercase hex digits")
    position = raw.get("position", POSITIONS[0])
    if position not in POSITIONS:
        raise SitesConfigError(f"{where}: position must be one of {', '.join(POSITIONS)}")
    return Site(
        id=raw["id"],
        name=str(raw["name"]),
        origins=tuple(o.rstrip("/").lower() for o in origins),
        country=country.upper() if country else None,
        safeguarding_contact=raw.get("safeguarding_contact"),
        insights_token_sha256=token_hash,
        title=_text(where, "title", raw.get("title"), MAX_TITLE),
        greeting=_text(where, "greeting", raw.get("greeting"), MAX_GREETING),
        starter_questions=_starter_questions(where, raw.get("starter_questions")),
        colours=_colours(where, raw.get("colours")),
        position=position,
        links=_links(where, raw.get("links")),
    )


def _text(where: str, name: str, value: Any, limit: int) -> Optional[str]:
    """Optional one-line text of at most ``limit`` characters."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise SitesConfigError(f"{where}: {name} must be text")
    value = " ".join(value.split())  # a YAML block's line breaks are not the school's layout
    if len(value) > limit:
        raise SitesConfigError(f"{where}: {name} must be at most {limit} characters")
    return value


def _starter_questions(where: str, value: Any) -> Tuple[str, ...]:
    if value is None:
        return ()
    low, high = STARTER_QUESTIONS
    if not isinstance(value, list) or not low <= len(value) <= high:
        raise SitesConfigError(f"{where}: starter_questions must be a list of {low} to {high}")
    questions = [_text(where, "starter_questions", q, MAX_QUESTION) or "" for q in value]
    if len(set(questions)) != len(questions):
        raise SitesConfigError(f"{where}: starter_questions lists a question twice")
    return tuple(questions)


def _colours(where: str, value: Any) -> Optional[Colours]:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"accent", "accent_text"}:
        raise SitesConfigError(f"{where}: colours must have exactly accent and accent_text")
    for name in ("accent", "accent_text"):
        if not isinstance(value[name], str) or not HEX_COLOUR.match(value[name]):
            raise SitesConfigError(f"{where}: colours.{name} must be a hex colour like #1e5b2a")
    accent, text = _hex6(value["accent"]), _hex6(value["accent_text"])
    ratio = contrast_ratio(accent, text)
    if ratio < MIN_CONTRAST:
        raise SitesConfigError(
            f"{where}: colours: accent_text {text} on accent {accent} has a contrast ratio of "
            f"{ratio:.2f}:1, below WCAG AA's {MIN_CONTRAST}:1; choose a darker or lighter pair"
        )
    return Colours(accent, text)


def _links(where: str, value: Any) -> Tuple[Link, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_LINKS:
        raise SitesConfigError(f"{where}: links must be a list of 1 to {MAX_LINKS}")
    links: List[Link] = []
    for item in value:
        if not isinstance(item, dict) or set(item) != {"title", "url"}:
            raise SitesConfigError(f"{where}: links: each link has exactly a title and a url")
        title = _text(where, "links.title", item["title"], MAX_LINK_TITLE) or ""
        url = item["url"]
        if (
            not isinstance(url, str)
            or not re.fullmatch(r"https://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?", url)
            or len(url) > MAX_URL
        ):
            raise SitesConfigError(
                f"{where}: links.url {url!r} must be an https:// address of at most {MAX_URL} "
                "characters"
            )
        links.append(Link(title, url))
    return tuple(links)


def _hex6(colour: str) -> str:
    """#abc or #AABBCC as #aabbcc."""
    digits = colour[1:].lower()
    return "#" + (digits if len(digits) == 6 else "".join(d * 2 for d in digits))


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours, from 1 to 21."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
