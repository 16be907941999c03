"""Scorers that compare storyline's output with public gold sets."""
