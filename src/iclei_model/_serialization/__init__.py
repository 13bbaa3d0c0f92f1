"""Reading and writing.

Converters, the msgspec front end, wire formats, schema versions and migrations,
JSON Schema and the bundled datasets. Imports the model, the rules and the base.
"""
