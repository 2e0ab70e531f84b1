"""Rasa, started with our runtime tuning applied (``python -m bot.runtime run ...``)."""
