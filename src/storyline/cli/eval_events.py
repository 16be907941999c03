"""``storyline eval events``: score the events stage on the PLOVER gold records."""

from __future__ import annotations

import json

import click

from storyline.cli.errors import fail
from storyline.errors import StorylineError


@click.command("events")
@click.argument("path", metavar="FILE", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def eval_events(path: str, fmt: str) -> None:
    """Score events on PLOVER gold records (a JSON array such as PLOVER_GSR_CAMEO.txt)."""
    from storyline.eval.plover import evaluate, render

    try:
        scores, _ = evaluate(path)
    except StorylineError as error:
        fail(error)
    click.echo(json.dumps(scores, indent=1) if fmt == "json" else render(scores))
