"""Workflows of living together, one module per workflow (decision 9)."""
