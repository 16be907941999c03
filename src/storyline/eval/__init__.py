"""Scorers for the public gold sets."""
