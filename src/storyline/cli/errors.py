"""Turn library errors into one clean line on stderr and a non-zero exit."""

from __future__ import annotations

import click

from storyline.errors import StorylineError


def fail(error: StorylineError | str, where: str | None = None) -> None:
    message = f"{where}: {error}" if where else str(error)
    raise click.ClickException(message)


def warn(message: str) -> None:
    click.echo(f"storyline: {message}", err=True)
