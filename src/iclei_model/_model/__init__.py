"""The model.

Records, the dataset, partial dates, texts, vocabularies, their validators and the
governance policy. Imports only ``_base`` and ``errors``.
"""
