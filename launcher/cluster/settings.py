"""The cluster's settings, from environment variables with loopback defaults.

Secrets (POSTGRES_PASSWORD, REDIS_PASSWORD) come only from the environment; nothing here or
in bot/endpoints.cluster.yml holds one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Dict, Mapping, Optional

from launcher.settings import DEFAULT_RASA_WORKERS, rasa_workers


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name, "")
    try:
        return int(value) if value.strip() else default
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {value!r}") from None


@dataclass(frozen=True)
class ClusterSettings:
    """Where the shared services are and how many of each process to run."""

    host: str = "127.0.0.1"  # nginx listens here
    port: int = 8080
    instances: int = 2  # Rasa servers behind nginx
    workers: int = DEFAULT_RASA_WORKERS  # Sanic workers per Rasa server
    action_workers: int = 2
    postgres_host: str = "127.0.0.1"
    postgres_port: int = 5432
    postgres_db: str = "parental"
    postgres_user: str = "postgres"
    postgres_password: str = field(default="", repr=False)
    redis_host: str = "127.0.0.1"
    redis_port: int = 6379
    redis_db: int = 0
    redis_password: str = field(default="", repr=False)
    redis_key_prefix: str = "parental"
    # A ticket outlives any real turn; it is how long a conversation whose instance died
    # holding its lock waits before another instance may take it.
    lock_lifetime_s: int = 15
    rate_per_s: int = 10  # per client address, at nginx
    rate_burst: int = 40
    runtime_dir: Path = Path("var/cluster")

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> ClusterSettings:
        """Read the CLUSTER_*, POSTGRES_*, REDIS_* and RASA_* variables."""
        env = os.environ if env is None else env
        d = cls()
        settings = cls(
            host=env.get("CLUSTER_HOST", d.host),
            port=_int(env, "CLUSTER_PORT", d.port),
            instances=_int(env, "RASA_INSTANCES", d.instances),
            workers=rasa_workers(env),
            action_workers=_int(env, "ACTION_SERVER_WORKERS", d.action_workers),
            postgres_host=env.get("POSTGRES_HOST", d.postgres_host),
            postgres_port=_int(env, "POSTGRES_PORT", d.postgres_port),
            postgres_db=env.get("POSTGRES_DB", d.postgres_db),
            postgres_user=env.get("POSTGRES_USER", d.postgres_user),
            postgres_password=env.get("POSTGRES_PASSWORD", d.postgres_password),
            redis_host=env.get("REDIS_HOST", d.redis_host),
            redis_port=_int(env, "REDIS_PORT", d.redis_port),
            redis_db=_int(env, "REDIS_DB", d.redis_db),
            redis_password=env.get("REDIS_PASSWORD", d.redis_password),
            redis_key_prefix=env.get("REDIS_KEY_PREFIX", d.redis_key_prefix),
            lock_lifetime_s=_int(env, "TICKET_LOCK_LIFETIME", d.lock_lifetime_s),
            rate_per_s=_int(env, "CLUSTER_RATE_PER_S", d.rate_per_s),
            rate_burst=_int(env, "CLUSTER_RATE_BURST", d.rate_burst),
            runtime_dir=Path(env.get("CLUSTER_RUNTIME_DIR", str(d.runtime_dir))),
        )
        settings.check()
        return settings

    def check(self) -> None:
        """Reject settings the topology can't run with."""
        if self.instances < 1 or self.workers < 1 or self.action_workers < 1:
            raise ValueError("RASA_INSTANCES, RASA_WORKERS and ACTION_SERVER_WORKERS must be >= 1")
        if not self.redis_key_prefix.isalnum():
            # Rasa's Redis lock store silently ignores a prefix that is not alphanumeric.
            raise ValueError("REDIS_KEY_PREFIX must be letters and digits only")
        if self.rate_per_s < 1 or self.rate_burst < 0 or self.lock_lifetime_s < 1:
            raise ValueError("CLUSTER_RATE_PER_S and TICKET_LOCK_LIFETIME must be >= 1")

    def with_changes(self, **changes: object) -> ClusterSettings:
        """A copy with some fields changed (tests use their own database and ports)."""
        changed = replace(self, **changes)  # type: ignore[arg-type]
        changed.check()
        return changed

    def service_env(self, action_server_url: str) -> Dict[str, str]:
        """The variables bot/endpoints.cluster.yml reads, for a Rasa server's environment."""
        return {
            "ACTION_SERVER_URL": action_server_url,
            "POSTGRES_HOST": self.postgres_host,
            "POSTGRES_PORT": str(self.postgres_port),
            "POSTGRES_DB": self.postgres_db,
            "POSTGRES_USER": self.postgres_user,
            "POSTGRES_PASSWORD": self.postgres_password,
            "REDIS_HOST": self.redis_host,
            "REDIS_PORT": str(self.redis_port),
            "REDIS_DB": str(self.redis_db),
            "REDIS_PASSWORD": self.redis_password,
            "REDIS_KEY_PREFIX": self.redis_key_prefix,
            "TICKET_LOCK_LIFETIME": str(self.lock_lifetime_s),
            "SANIC_WORKERS": str(self.workers),
            # nginx limits each client address for the whole cluster; a per-process count
            # of "addresses" would see only nginx. The per-parent limit stays.
            "WIDGET_ADDRESS_LIMIT": "0",
            "WIDGET_TRUSTED_PROXIES": "127.0.0.1",
        }
