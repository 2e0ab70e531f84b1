"""What the running assistant reads from its environment, read once into one typed object.

Every variable the production code reads is here, with its default and its check; a bad
value stops the server (or the command) at start-up with an error naming the variable,
instead of being ignored. The table in README ("Settings") lists the same variables.
The cluster's own variables (POSTGRES_*, REDIS_*, RASA_INSTANCES, ...) are read by the
launcher (launcher/cluster/settings.py); bot/endpoints.cluster.yml passes them to Rasa.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import FrozenSet, Mapping, Optional, Tuple

OFF_WORDS = ("off", "0", "false", "no")
ON_WORDS = ("on", "1", "true", "yes")


class SettingsError(ValueError):
    """An environment variable holds a value the assistant cannot run with."""


@dataclass(frozen=True)
class Settings:
    """The assistant's settings; defaults are what a school's deployment needs."""

    # Rate limits of the widget's API, per minute; 0 turns one off (the benchmark does).
    widget_sender_limit: int = 30  # messages per sender: faster than anyone types
    widget_address_limit: int = 120  # messages per client address: a school's shared NAT
    widget_feedback_limit: int = 30  # "Was this helpful?" ratings per address
    widget_insights_limit: int = 20  # insights page loads per address: slows token guessing
    # The load balancers whose X-Forwarded-For is believed; none unless configured.
    widget_trusted_proxies: FrozenSet[str] = frozenset()
    retention_days: float = 30.0  # conversations idle longer are deleted
    insights: bool = True  # counts per site and week (INSIGHTS=off to measure without)
    tuning_disabled: Tuple[str, ...] = ()  # runtime fixes left out (bot/runtime/tuning.py)

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> Settings:
        """Read and check the variables; raise SettingsError naming a bad one."""
        env = os.environ if env is None else env
        d = cls()
        return cls(
            widget_sender_limit=_count(env, "WIDGET_SENDER_LIMIT", d.widget_sender_limit),
            widget_address_limit=_count(env, "WIDGET_ADDRESS_LIMIT", d.widget_address_limit),
            widget_feedback_limit=_count(env, "WIDGET_FEEDBACK_LIMIT", d.widget_feedback_limit),
            widget_insights_limit=_count(env, "WIDGET_INSIGHTS_LIMIT", d.widget_insights_limit),
            widget_trusted_proxies=frozenset(_names(env, "WIDGET_TRUSTED_PROXIES")),
            retention_days=_days(env, "RETENTION_DAYS", d.retention_days),
            insights=_switch(env, "INSIGHTS", d.insights),
            tuning_disabled=_names(env, "RASA_TUNING_DISABLE"),
        )


def _count(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {value!r}") from None
    if number < 0:
        raise SettingsError(f"{name} must be 0 (off) or more, not {number}")
    return number


def _days(env: Mapping[str, str], name: str, default: float) -> float:
    value = env.get(name, "").strip()
    if not value:
        return default
    try:
        days = float(value)
    except ValueError:
        raise SettingsError(f"{name} must be a number of days, not {value!r}") from None
    if days <= 0:
        raise SettingsError(f"{name} must be a positive number of days, not {value!r}")
    return days


def _switch(env: Mapping[str, str], name: str, default: bool) -> bool:
    value = env.get(name, "").strip().lower()
    if not value:
        return default
    if value in OFF_WORDS or value in ON_WORDS:
        return value in ON_WORDS
    raise SettingsError(f"{name} must be on or off, not {value!r}")


def _names(env: Mapping[str, str], name: str) -> Tuple[str, ...]:
    """A comma-separated list, blanks dropped."""
    return tuple(item.strip() for item in env.get(name, "").split(",") if item.strip())
