"""Who may open a site's insights page: the bearer of the token whose hash the site lists.

Only ``insights_token_sha256`` is in bot/sites.yml. The hash of the presented token is
compared with ``hmac.compare_digest``, so the time taken says nothing about how much of
it matched. No token (or not a Bearer one) is 401; a token that is not this site's
(another school's included), or a site without a token or not listed at all, is 403.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Optional

from bot.channels.sites import Sites

MAX_TOKEN_CHARS = 256


def refused(sites: Sites, site_id: Optional[str], authorization: Optional[str]) -> Optional[int]:
    """None when the token opens ``site_id``'s page, else the status to answer (401, 403)."""
    scheme, _, token = (authorization or "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > MAX_TOKEN_CHARS:
        return 401
    site = sites.by_id.get(site_id or "")
    presented = hashlib.sha256(token.encode("utf-8")).hexdigest()
    # Compared even for an unknown site, so the answer takes as long either way.
    expected = (site.insights_token_sha256 if site else None) or "0" * 64
    if not hmac.compare_digest(presented, expected) or site is None:
        return 403
    return None
