"""Transparent incubator selection: decision methods (`methods`, pure numpy) and their Django wiring.

Importing this package does not import Django; `apps.py` and `management/` do.
"""
