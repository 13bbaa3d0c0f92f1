"""What changed between two versions of a dataset: ``im.diff`` and its result."""
