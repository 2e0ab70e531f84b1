"""The spaCy pipeline that Rasa's SpacyNLP loads, built from the knowledge base."""
