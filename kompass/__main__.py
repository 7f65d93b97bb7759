"""`python -m kompass ...` runs the command line."""
from kompass.cli import main

main()
