"""``python -m claimcheck`` runs the command line."""

from claimcheck.cli import main

main()
