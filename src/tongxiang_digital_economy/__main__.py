"""`python -m tongxiang_digital_economy` is the `tongxiang-digital-economy` command."""

from .cli import cli

cli(prog_name="tongxiang-digital-economy")
