"""Persistence: SQLAlchemy models, engine, migrations at start-up, backup and restore."""
