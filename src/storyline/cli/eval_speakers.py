"""``storyline eval speakers``: score who said what on articles with a hand-written list of statements."""

from __future__ import annotations

import json

import click

from storyline import errors
from storyline.cli.errors import fail


@click.command("speakers")
@click.argument("directory", metavar="DIR", type=click.Path(exists=True, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def eval_speakers(directory: str, fmt: str) -> None:
    """Score statements and their speakers: DIR holds NAME.txt articles, each with a NAME.tsv of its
    statements (cue, speaker, content start; tab-separated)."""
    from storyline.eval.speakers import evaluate, render

    try:
        scores, matches = evaluate(directory)
    except errors.StorylineError as exc:
        fail(exc)
    click.echo(json.dumps(scores, indent=2, sort_keys=True) if fmt == "json" else render(directory, scores, matches))
