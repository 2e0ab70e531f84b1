"""The Rasa SDK action server: thin actions over the bot package."""
