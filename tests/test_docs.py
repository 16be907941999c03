"""The README documents every command and every option of the command line."""

from __future__ import annotations

import click

from storyline.cli.main import cli
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group, prefix: str = "storyline"):
    for name, command in group.commands.items():
        yield f"{prefix} {name}", command
        if isinstance(command, click.Group):
            yield from commands(command, f"{prefix} {name}")


def test_docs_every_command_is_in_the_readme():
    missing = [name for name, _ in commands(cli) if name not in README]
    assert not missing


def test_docs_every_option_is_in_the_readme():
    missing = [
        f"{name} {opt}"
        for name, command in commands(cli)
        for param in command.params
        if isinstance(param, click.Option)
        for opt in param.opts
        if opt.startswith("--") and opt not in README
    ]
    assert not missing


def test_docs_make_targets_in_readme():
    assert "make demo" in README and "make test" in README


def test_docs_readme_shows_the_real_demo_output(nlp):
    """The report in the README is what `make demo` prints today."""
    from storyline.ingest.readers import read_path
    from storyline.pipeline import extract_many
    from storyline.report import render_text
    from tests.conftest import EXAMPLES

    [record] = extract_many(read_path(EXAMPLES / "harbour-talks.txt"), nlp)
    assert render_text(record) in README
