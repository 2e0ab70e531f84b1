"""Privacy at rest: personal details redacted before storage, old conversations deleted."""
