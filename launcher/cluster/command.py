"""``python -m launcher cluster`` (``make run-cluster``): the cluster on loopback until Ctrl-C."""

from __future__ import annotations

import logging
import signal
import sys
import time
from pathlib import Path

from launcher.cluster.cluster import Cluster
from launcher.cluster.nginx import NginxError
from launcher.cluster.services import ServiceError
from launcher.cluster.settings import ClusterSettings


def run_cluster(model: Path) -> int:
    """Start the cluster, print where it is, and keep it running until interrupted."""
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s: %(message)s")
    try:
        settings = ClusterSettings.from_env()
        cluster = Cluster(settings, model)
    except (ValueError, NginxError) as error:
        print(f"cluster: {error}", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    # Ctrl-C stops the cluster even when started from a script that ignores SIGINT.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        print(
            f"Starting {settings.instances} Rasa instances x {settings.workers} workers and the "
            f"action server x {settings.action_workers} behind nginx (logs in {cluster.runtime}) ...",
            flush=True,
        )
        cluster.start()
        print(
            f"\nThe cluster is running behind nginx at {cluster.url}\n"
            f"  demo page:   {cluster.url}/webhooks/widget/demo\n"
            f"  widget API:  {cluster.url}/webhooks/widget/webhook\n"
            f"  conversations in PostgreSQL {settings.postgres_host}:{settings.postgres_port}/"
            f"{settings.postgres_db}, locks in Redis {settings.redis_host}:{settings.redis_port}\n"
            "Press Ctrl-C to stop.\n",
            flush=True,
        )
        while True:
            time.sleep(1)
    except (ServiceError, NginxError, RuntimeError) as error:
        print(f"cluster: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        cluster.stop()
