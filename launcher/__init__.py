"""Starts the assistant or a cluster on this machine: local tooling, not production code.

``python -m launcher serve`` (``make run``, ``make shell``) runs the action server and Rasa;
``python -m launcher cluster`` (``make run-cluster``) runs the production topology on
loopback. Both, the test harness and the benchmark start processes through
``launcher.processes``. What runs inside a deployed instance is in ``bot/``.
"""
