"""``python -m marsad`` runs the command line."""
from marsad.cli import main

main()
