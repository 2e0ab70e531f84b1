"""The production topology: several Rasa instances behind nginx, on PostgreSQL and Redis.

``make run-cluster`` (``python -m bot cluster``) starts it on loopback; docs/scaling.md and
docs/kubernetes/ describe it for real deployments.
"""
