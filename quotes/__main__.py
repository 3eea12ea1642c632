"""``python -m quotes`` runs the CLI."""

from .cli import cli

cli()
