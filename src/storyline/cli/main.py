"""``storyline`` command group; each command lives in its own module."""

from __future__ import annotations

import click

from storyline import __version__
from storyline.cli.eval_events import eval_events
from storyline.cli.eval_time import eval_time
from storyline.cli.eval_quotes import quotes as eval_quotes
from storyline.cli.eval_speakers import eval_speakers
from storyline.cli.bench import bench
from storyline.cli.entities import entities
from storyline.cli.events import events
from storyline.cli.export import export
from storyline.cli.extract import extract
from storyline.cli.ingest import ingest
from storyline.cli.quotes import quotes
from storyline.cli.schema import schema
from storyline.cli.stats import stats
from storyline.cli.timeline import timeline


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storyline")
def cli() -> None:
    """Read news and turn it into a structured, source-linked record."""


cli.add_command(extract)
cli.add_command(schema)
cli.add_command(bench)
for command in (ingest, stats, entities, quotes, events, timeline, export):  # the corpus commands
    cli.add_command(command)


@cli.group("eval")
def eval_group() -> None:
    """Score storyline on public gold sets."""


eval_group.add_command(eval_events)
eval_group.add_command(eval_time)
eval_group.add_command(eval_quotes)
eval_group.add_command(eval_speakers)


def main() -> None:
    cli(prog_name="storyline")
