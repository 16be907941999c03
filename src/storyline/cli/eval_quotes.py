"""``storyline eval quotes``: score the statements stage on a PolNeAR compartment."""

from __future__ import annotations

import json

import click

from storyline import errors
from storyline.cli.errors import fail

PARTS = ("cue", "source", "content")


def _table(directory: str, scores: dict[str, float]) -> None:
    click.echo(f"PolNeAR {directory}: {int(scores['documents'])} documents")
    click.echo(f"  {'':<12} {'P':>6} {'R':>6} {'F1':>6}")
    for part in PARTS:
        for mode in ("exact", "overlap"):
            key = f"{part}_{mode}"
            click.echo(f"  {key:<16} {scores[key + '_p']:>6.3f} {scores[key + '_r']:>6.3f} {scores[key + '_f1']:>6.3f}")
    click.echo(f"  {'attribution':<16} {scores['attribution_p']:>6.3f} {scores['attribution_r']:>6.3f} {scores['attribution_f1']:>6.3f}")


@click.command("quotes")
@click.argument("directory", metavar="DIR", type=click.Path(exists=True, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--agreement", is_flag=True,
              help="Only the articles several annotators annotated: the annotators scored against each other, and storyline.")
def quotes(directory: str, fmt: str, agreement: bool) -> None:
    """Score statements on PolNeAR: DIR holds text/*.txt and attributions/*.ann."""
    from storyline.eval.polnear import evaluate, evaluate_agreement

    try:
        scores = evaluate_agreement(directory) if agreement else evaluate(directory)
    except errors.StorylineError as exc:
        fail(exc)
    if fmt == "json":
        click.echo(json.dumps(scores, indent=2, sort_keys=True))
        return
    if agreement:
        humans, ours = scores["annotators"], scores["storyline"]
        click.echo(f"PolNeAR {directory}: {int(ours['documents'])} documents with several annotators")
        click.echo(f"  {'':<16} {'annotators F1':>13} {'storyline F1':>13}")
        for key in [f"{part}_{mode}" for part in PARTS for mode in ("exact", "overlap")] + ["attribution"]:
            click.echo(f"  {key:<16} {humans[key + '_f1']:>13.3f} {ours[key + '_f1']:>13.3f}")
        return
    _table(directory, scores)
    click.echo(
        f"  named speakers resolved {scores['named_speaker_resolved']:.3f} of {scores['named_sources']:g} "
        f"(the name itself {scores['named_speaker_exact']:.3f}); "
        f"pronoun speakers resolved {scores['pronoun_speaker_resolved']:.3f} of {scores['pronoun_sources']:g}"
    )
