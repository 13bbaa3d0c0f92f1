import os

import pytest
from hypothesis import HealthCheck, settings

import iclei_model as im

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=300, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def ds() -> im.Dataset:
    return im.load_dataset("east-asia-2019")
