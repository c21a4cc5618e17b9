"""``python -m geo``: see :mod:`geo.cli.main`."""

from geo.cli.main import main

raise SystemExit(main())
