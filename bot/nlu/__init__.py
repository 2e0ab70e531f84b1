"""Our own components in Rasa's NLU pipeline (see config.yml)."""
