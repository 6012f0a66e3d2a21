"""`python -m pygbag_like` is the same as the `pack` command."""

import sys

from pygbag_like.cli import main

sys.exit(main())
