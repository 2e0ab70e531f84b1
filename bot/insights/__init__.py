"""What parents ask about, as counts only: per site and ISO week, never a conversation.

The aggregates (store.py) are updated as replies go out (the widget channel) and when a
parent rates an answer (feedback.py); schools see them on their insights page (page.py),
editors in ``python -m bot feedback`` (report.py). Nothing here imports Rasa.
"""
