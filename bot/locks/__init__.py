"""Conversation locks that several Rasa processes share.

Each conversation's messages are handled one at a time and in order, whichever process
receives them.

Rasa runs more than one Sanic worker only with a lock store outside the process. ``make run``
uses the SQLite store (one machine, no service to install); the cluster uses the Redis store
(instances on several machines). Both queue tickets the same way (``tickets.py``).
"""
