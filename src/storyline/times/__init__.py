"""Temporal expressions: a rule grammar over the text (``rules``) and calendar arithmetic
(``calendar``); the spaCy component that runs them is :mod:`storyline.stages.times`."""
