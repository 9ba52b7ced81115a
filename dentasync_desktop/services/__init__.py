"""Use cases: one function per user action, one transaction per call, DTOs out."""
