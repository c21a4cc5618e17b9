"""The command line, ``python -m geo``, on top of every other subpackage."""
