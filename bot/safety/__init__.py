"""Safety: the crisis safety net, country help routes and the crisis response."""
