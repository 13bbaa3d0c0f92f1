"""Hypothesis profiles for every test the check runs: tests/, doctests in src/ and docs/.

``HYPOTHESIS_PROFILE`` picks one (docs/testing.md): ``ci``, the default, bounds each
property test for the whole check (tests that draw whole datasets scale their
example counts down from ``max_examples``); ``matrix``, a quarter of that, is what
tools/check.py uses for the runs on the newest releases and the declared floors;
``thorough`` runs five times as many examples as ``ci``. None has a deadline: first
use of a locale or a converter is slower than the examples after it, and time
limits belong in benchmarks/.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "matrix", max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
