"""Rasa input channels of ours: the school widget."""
