import pytest

import iclei_model as im


@pytest.fixture(scope="session")
def ds() -> im.Dataset:
    return im.load_dataset("east-asia-2019")
