"""The optimistic-locking check shared by the assessment services (permissions: core.permissions.require)."""

from __future__ import annotations

from inkubator.core.services import StaleEdit


def check_version(obj, expected_version, message):
    if expected_version is not None and obj.version != int(expected_version):
        raise StaleEdit(message)
