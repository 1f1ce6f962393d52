"""`python -m catalogkit.synthetic`: see `command.py`."""

import sys

from .command import main

sys.exit(main())
