"""What a Rasa instance needs to run as one of several: the Redis lock store.

The cluster itself (nginx, the instances, PostgreSQL and Redis on this machine) is started
by ``launcher/cluster/``; docs/scaling.md and docs/kubernetes/ describe real deployments.
"""
