"""Node.js packages for tests that read exports with JavaScript tools."""

import shutil
import subprocess
from pathlib import Path

import pytest


def node_folder(factory: pytest.TempPathFactory, *packages: str) -> Path:
    """A folder with *packages* installed by npm; the test is skipped where that cannot be."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("Node.js is not on this machine")
    folder = factory.mktemp("node")
    try:
        subprocess.run(
            [npm, "install", "--silent", "--no-audit", "--no-fund", *packages],
            cwd=folder,
            capture_output=True,
            timeout=180,
            check=True,
        )
    except (subprocess.SubprocessError, OSError) as exc:
        pytest.skip(f"npm could not install {' '.join(packages)} here: {exc}")
    return folder
