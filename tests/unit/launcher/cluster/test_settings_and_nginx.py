"""The cluster's settings from the environment, and the nginx configuration they render."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from launcher.cluster import nginx
from launcher.cluster.settings import ClusterSettings
from tests.harness.cluster import NAME_THE_INSTANCE


def test_defaults_are_loopback_and_secrets_come_only_from_the_environment() -> None:
    settings = ClusterSettings.from_env({})
    assert (settings.postgres_host, settings.redis_host, settings.instances) == (
        "127.0.0.1",
        "127.0.0.1",
        2,
    )
    assert settings.postgres_password == ""
    secret = ClusterSettings.from_env({"POSTGRES_PASSWORD": "s3cret", "RASA_INSTANCES": "3"})
    assert secret.instances == 3
    assert "s3cret" not in repr(secret)  # never logged
    env = secret.service_env("http://127.0.0.1:5055/webhook")
    assert env["POSTGRES_PASSWORD"] == "s3cret" and env["WIDGET_ADDRESS_LIMIT"] == "0"


@pytest.mark.parametrize(
    "env",
    [{"RASA_INSTANCES": "0"}, {"REDIS_KEY_PREFIX": "not-alnum"}, {"CLUSTER_PORT": "eighty"}],
)
def test_unusable_settings_are_refused(env: dict) -> None:
    with pytest.raises(ValueError):
        ClusterSettings.from_env(env)


def test_nginx_routes_only_the_widget_and_marks_restarting_instances_down(tmp_path: Path) -> None:
    settings = ClusterSettings.from_env({}).with_changes(runtime_dir=tmp_path)
    text = nginx.render(settings, [5001, 5002], down={5002})
    assert "server 127.0.0.1:5001 max_fails=1 fail_timeout=2s;" in text
    assert "server 127.0.0.1:5002 max_fails=1 fail_timeout=2s down;" in text
    assert "location = /webhooks/widget/webhook" in text and "X-Upstream" not in text
    assert "location = /webhooks/widget/feedback" in text  # and the school's insights page
    assert "location = /webhooks/widget/insights" in text
    assert '"https://www.example.org" $http_origin;' in text  # CORS for bot/sites.yml only
    everything_down = nginx.render(settings, [5001], down={5001})
    assert "backup;" in everything_down  # nginx needs one server; this one refuses fast


@pytest.mark.skipif(
    not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists(), reason="no nginx"
)
def test_nginx_accepts_the_rendered_configuration(tmp_path: Path) -> None:
    settings = ClusterSettings.from_env({}).with_changes(runtime_dir=tmp_path)
    server = nginx.Nginx(settings)
    server.write(
        nginx.render(settings, [5001, 5002], proxy_directives=NAME_THE_INSTANCE)
    )  # runs nginx -t
    with pytest.raises(nginx.NginxError):
        server.write("http { this is not nginx }")
    assert subprocess.run([nginx.nginx_binary(), "-v"], capture_output=True).returncode == 0
