"""`python -m catalogkit.synthetic`: see `command.py`."""

import sys

from .command import main

if __name__ == "__main__":  # importing the package's modules (as tests do) runs nothing
    sys.exit(main())
