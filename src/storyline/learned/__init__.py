"""Learned components: readers for training data, scorers, and the code that trains small models."""
