"""``storyline schema``: print the JSON Schema of the output record."""

from __future__ import annotations

import json

import click


@click.command()
def schema() -> None:
    """Print the JSON Schema that every --format json record follows."""
    from storyline.model import json_schema  # here: pydantic is not loaded for the other commands

    click.echo(json.dumps(json_schema(), indent=2, sort_keys=True))
