"""The production topology on this machine: Rasa instances behind nginx, PostgreSQL, Redis.

``make run-cluster`` (``python -m launcher cluster``) starts it on loopback; docs/scaling.md
and docs/kubernetes/ describe it for real deployments.
"""
