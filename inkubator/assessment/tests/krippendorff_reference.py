"""The reference the reliability tests compare with: the `krippendorff` package."""

import krippendorff
import numpy as np


def package_alpha(data, level, value_domain=None):
    """The `krippendorff` package's alpha, or None where it refuses (ValueError) or yields 0/0 (NaN)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        try:
            value = krippendorff.alpha(
                np.array(data, dtype=float), value_domain=value_domain, level_of_measurement=level
            )
        except ValueError:
            return None
    return None if np.isnan(value) else float(value)
