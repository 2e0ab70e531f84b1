"""What the scale tests do to a cluster that production never does, on its public surface."""

from __future__ import annotations

import signal

from launcher.cluster.cluster import Cluster
from launcher.processes import free_port

__all__ = ["NAME_THE_INSTANCE", "free_port", "kill_instance"]

# nginx adds a header naming the instance that answered: the failover test sees an
# instance rejoin by it.
NAME_THE_INSTANCE = ("add_header X-Upstream $upstream_addr always;",)


def kill_instance(cluster: Cluster, index: int) -> None:
    """SIGKILL an instance and its workers, as a crash would."""
    cluster.instances[index].signal_group(signal.SIGKILL)
