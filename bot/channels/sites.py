"""The schools that embed the widget: allowed origins, and each site's country and contact.

The server, not the page, decides a site's country and safeguarding contact: a page can't
claim to be another school or change which emergency numbers a parent is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Optional, Tuple

import yaml

DEFAULT_SITES_FILE = Path(__file__).resolve().parents[1] / "sites.yml"
# The demo page is served by the assistant itself, so its origin is the server's own.
DEMO_SITE_ID = "demo"


class SitesConfigError(ValueError):
    """sites.yml is invalid; the message says where."""


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
    unknown = set(raw) - {
        "id",
        "name",
        "origins",
        "country",
        "safeguarding_contact",
        "insights_token_sha256",
    }
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
    return Site(
        id=raw["id"],
        name=str(raw["name"]),
        origins=tuple(o.rstrip("/").lower() for o in origins),
        country=country.upper() if country else None,
        safeguarding_contact=raw.get("safeguarding_contact"),
        insights_token_sha256=token_hash,
    )
