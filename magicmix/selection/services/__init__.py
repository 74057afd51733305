"""Workflows of selection: the ways into an intake, judgements, interview planning."""
