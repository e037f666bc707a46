"""Command groups of ``python -m qms``, one module per feature (see qms/cli.py)."""
