"""What a client may tell the assistant, and what only the server decides.

Every entry point obeys one contract:
- a page or API client may send ``metadata.lang`` and ``metadata.country`` (an ISO 3166
  alpha-2 code, a hint below what the parent says and the site's own country);
- the site, its country, its safeguarding contact and its links come only from
  bot/sites.yml, set by
  the widget channel from the request's Origin. The actions believe them only on messages
  that arrived through that channel, and the Rasa server refuses to start with an input
  channel that could pretend to be it (Rasa's stock REST channel lets the client name the
  channel in its request body).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

import yaml

from bot.channels.sites import Site

# What a page may send, and its maximum length.
PAGE_METADATA_LIMITS = {"lang": 16, "country": 2}
ISO_COUNTRY = re.compile(r"^[A-Za-z]{2}$")

# The channel that sets the site's values, and the keys only it may set.
SITE_CHANNEL = "widget"
SITE_KEY, SITE_COUNTRY_KEY, CONTACT_KEY = "site", "site_country", "safeguarding_contact"
LINKS_KEY = "school_links"

# The input channels the shipped server may open: each obeys this contract. A channel not
# listed here (Rasa's own `rest`, say) is refused at start-up.
ALLOWED_CHANNELS = frozenset({"bot.channels.widget.WidgetInput", "bot.channels.rest.RestInput"})


class BadRequest(ValueError):
    """The request is malformed; the message is safe to return to the client."""


def page_metadata(raw: Any) -> Dict[str, str]:
    """The metadata a page or API client may send, checked; raises BadRequest naming the key."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise BadRequest("metadata must be an object")
    accepted: Dict[str, str] = {}
    for key, value in raw.items():
        if key not in PAGE_METADATA_LIMITS or not isinstance(value, str):
            raise BadRequest(f"metadata.{key} is not accepted")
        if len(value) > PAGE_METADATA_LIMITS[key]:
            raise BadRequest(f"metadata.{key} is too long")
        if key == "country":
            if not ISO_COUNTRY.match(value):
                raise BadRequest("metadata.country must be an ISO 3166 alpha-2 code")
            value = value.upper()
        accepted[key] = value
    return accepted


def site_metadata(site: Site) -> Dict[str, Any]:
    """The values the widget channel adds from bot/sites.yml for ``site``."""
    values: Dict[str, Any] = {SITE_KEY: site.id}
    if site.country:
        values[SITE_COUNTRY_KEY] = site.country
    if site.safeguarding_contact:
        values[CONTACT_KEY] = site.safeguarding_contact
    if site.links:
        values[LINKS_KEY] = [link.as_dict() for link in site.links]
    return values


@dataclass(frozen=True)
class RequestContext:
    """What a message's request says about where the parent is, believed as far as it may be."""

    site_country: Optional[str] = None
    page_country: Optional[str] = None
    safeguarding_contact: Optional[str] = None
    # The school's own pages ({title, url}), for reporting and crisis answers.
    school_links: Tuple[Dict[str, str], ...] = ()


def request_context(
    metadata: Optional[Mapping[str, Any]], channel: Optional[str]
) -> RequestContext:
    """The context of one message: the site's values only if the widget channel set them."""
    metadata = metadata or {}
    page = metadata.get("country")
    page_country = page.upper() if isinstance(page, str) and ISO_COUNTRY.match(page) else None
    if channel != SITE_CHANNEL:
        return RequestContext(page_country=page_country)
    site_country, contact = metadata.get(SITE_COUNTRY_KEY), metadata.get(CONTACT_KEY)
    return RequestContext(
        site_country=site_country if isinstance(site_country, str) else None,
        page_country=page_country,
        safeguarding_contact=contact if isinstance(contact, str) and contact else None,
        school_links=_links(metadata.get(LINKS_KEY)),
    )


def _links(raw: Any) -> Tuple[Dict[str, str], ...]:
    """The site's links as the widget channel set them (bot/sites.yml checked them in full)."""
    links: List[Dict[str, str]] = []
    for item in raw if isinstance(raw, list) else []:
        title, url = (item.get("title"), item.get("url")) if isinstance(item, dict) else (0, 0)
        if isinstance(title, str) and isinstance(url, str) and url.startswith("https://"):
            links.append({"title": title, "url": url})
    return tuple(links)


class UnsafeChannelError(ValueError):
    """The credentials open an input channel that does not obey the contract above."""


def check_credentials(path: Path) -> None:
    """Refuse a credentials file that opens any channel outside ALLOWED_CHANNELS."""
    channels = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for name in channels:
        if name not in ALLOWED_CHANNELS:
            raise UnsafeChannelError(
                f"{path}: input channel {name!r} is not allowed: a client could set the "
                f"safeguarding contact or the country through it. Use one of "
                f"{sorted(ALLOWED_CHANNELS)}."
            )
