"""Pure domain rules: no database session, no Qt."""
