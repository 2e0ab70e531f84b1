"""Parental online-safety advice assistant: our code around Rasa."""
