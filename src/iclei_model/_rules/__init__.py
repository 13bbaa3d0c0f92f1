"""Validation: the rules that need the whole dataset. Imports the model and the base."""
