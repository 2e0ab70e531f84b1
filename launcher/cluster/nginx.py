"""nginx as the cluster's load balancer: its configuration, and the process that runs it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path
from typing import Collection, Dict, List, Optional, Sequence

from bot.channels.sites import load_sites
from bot.paths import WIDGET_DIR
from launcher.cluster.settings import ClusterSettings

TEMPLATE = Path(__file__).with_name("nginx.conf.template")


class NginxError(RuntimeError):
    """nginx is missing, or rejected its configuration."""


def nginx_binary() -> str:
    """The nginx executable (Debian installs it in /usr/sbin, not always on PATH)."""
    found = shutil.which("nginx") or (
        "/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None
    )
    if not found:
        raise NginxError("nginx is not installed: apt-get install nginx")
    return found


def render(
    settings: ClusterSettings,
    instance_ports: List[int],
    down: Collection[int] = (),
    proxy_directives: Sequence[str] = (),
) -> str:
    """The nginx configuration for these Rasa ports.

    Args:
        settings: listen address, rate limits and the runtime folder.
        instance_ports: the Rasa instances' ports on 127.0.0.1.
        down: ports that get no traffic (an instance restarting).
        proxy_directives: extra directives for the proxied locations (the scale tests
            add a header naming the instance that answered; none in production).
    """
    runtime = settings.runtime_dir.resolve()
    servers = [
        f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=2s{' down' if port in down else ''};"
        for port in instance_ports
    ]
    if all(port in down for port in instance_ports):
        # nginx needs one usable server; a closed port makes every request a quick 503.
        servers.append("        server 127.0.0.1:9 backup;")
    origins = sorted(load_sites().by_origin)
    values: Dict[str, str] = {
        "runtime": str(runtime),
        "access_log": str(runtime / "nginx-access.log"),
        "listen": f"{settings.host}:{settings.port}",
        "rate": str(settings.rate_per_s),
        "burst": str(settings.rate_burst),
        "read_timeout": str(settings.lock_lifetime_s + 15),
        "upstream_servers": "\n".join(servers),
        "cors_origins": "\n".join(f'        "{origin}" $http_origin;' for origin in origins),
        "proxy_directives": "\n".join(f"        {line}" for line in proxy_directives),
        "widget_dir": str(WIDGET_DIR),
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", value)
    if "{{" in text:
        raise NginxError("nginx.conf.template has a placeholder that render() does not fill")
    return text


class Nginx:
    """One nginx master process, in the foreground, with its files in the runtime folder."""

    def __init__(self, settings: ClusterSettings) -> None:
        self.runtime = settings.runtime_dir.resolve()
        self.config = self.runtime / "nginx.conf"
        self.process: Optional[subprocess.Popen] = None

    def _command(self, *extra: str) -> List[str]:
        return [nginx_binary(), "-p", str(self.runtime), "-c", str(self.config), *extra]

    def write(self, config_text: str) -> None:
        """Write the configuration and have nginx check it."""
        for folder in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.runtime / "nginx-tmp" / folder).mkdir(parents=True, exist_ok=True)
        self.config.write_text(config_text, encoding="utf-8")
        checked = subprocess.run(self._command("-t", "-q"), capture_output=True, text=True)
        if checked.returncode != 0:
            raise NginxError(f"nginx rejected {self.config}: {checked.stderr.strip()}")

    def start(self) -> None:
        """Start nginx; it keeps running until stop()."""
        self.process = subprocess.Popen(self._command("-g", "daemon off;"), start_new_session=True)

    def reload(self, config_text: str) -> None:
        """Swap in a new configuration without dropping connections (SIGHUP)."""
        self.write(config_text)
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGHUP)

    def stop(self) -> None:
        """Stop nginx gracefully (SIGQUIT lets requests in flight finish)."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
