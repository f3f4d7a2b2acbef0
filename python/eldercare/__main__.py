"""``python -m eldercare``: the command line (see :mod:`eldercare.cli`)."""

import sys

from .cli import main

sys.exit(main())
