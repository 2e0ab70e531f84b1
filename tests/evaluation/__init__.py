"""The quality evaluation of the trained assistant (`make eval`).

``measures`` holds the figures the quality floors (tests/model) assert on, so the
floors and the report compute them the same way; ``report`` is the command-line report.
"""
