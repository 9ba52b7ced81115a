"""Printable and exportable documents: take DTOs, write files. No database, no Qt."""
