"""Run the ``iclei-model`` command line as ``python -m iclei_model``."""

import sys

from ._cli import main

sys.exit(main())
