"""Pure decision methods for the incubator selection (numpy + scipy; no Django here).

Scoring: `saw`, `topsis` (with `normalize`, `rank`). Weights: `ahp_weights` (with
`aggregate_pairwise`, `inconsistent_judgements`, `RANDOM_INDEX`), `entropy_weights`,
`critic_weights`. Choosing: `select` (exact 0/1 programme), `sensitivity` (Dirichlet weight
perturbation). Command line: `cli.main` / `python -m inkubator.selection.methods`.
Formulas and conventions: the docstrings here and docs/mcda.md.
"""

from ._core import MCDAError, rank
from .ahp import RANDOM_INDEX, AHPResult, Judgement, aggregate_pairwise, ahp_weights, inconsistent_judgements
from .scoring import SAWResult, TOPSISResult, normalize, saw, topsis
from .selection import InfeasibleSelectionError, SelectionResult, select
from .sensitivity import SensitivityResult, sensitivity
from .weighting import CRITICResult, EntropyResult, critic_weights, entropy_weights

__all__ = [
    "RANDOM_INDEX",
    "AHPResult",
    "CRITICResult",
    "EntropyResult",
    "InfeasibleSelectionError",
    "Judgement",
    "MCDAError",
    "SAWResult",
    "SelectionResult",
    "SensitivityResult",
    "TOPSISResult",
    "aggregate_pairwise",
    "ahp_weights",
    "critic_weights",
    "entropy_weights",
    "inconsistent_judgements",
    "normalize",
    "rank",
    "saw",
    "select",
    "sensitivity",
    "topsis",
]
