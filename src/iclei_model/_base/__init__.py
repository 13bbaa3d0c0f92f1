"""The base the other packages stand on.

Message helpers, locales and message catalogs, the collector pause, generated code
and lazy names. Imports nothing of the package above it but ``errors``.
"""
