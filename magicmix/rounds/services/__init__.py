"""Workflows of rounds: running a round, and from proposal to tenancy."""
