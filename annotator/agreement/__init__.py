"""Inter-annotator agreement: span matching, kappas and alphas, and the project report.

Definitions follow ``docs/AGREEMENT.md``. Everything is plain Python (no numpy, no
statistics packages); scikit-learn, statsmodels and ``krippendorff`` serve only as
references in the tests and the benchmark.

* :mod:`.measures`: Cohen's kappa, Fleiss' kappa, Krippendorff's alpha;
* :mod:`.unitizing`: Krippendorff's unitizing alpha (alpha_U) as DKPro computes it;
* :mod:`.matching`: exact and maximum one-to-one overlap matching of spans;
* :mod:`.tokens`: tokens as coded items (outermost entity label, or ``O``);
* :mod:`.structures`: events and attributions;
* :mod:`.report`: which documents count, the job, the report dict;
* :mod:`.render`: the report as text.
"""

from __future__ import annotations

from .matching import (
    Counts,
    exact_matching,
    maximum_matching,
    overlap_matching,
    span_counts,
    span_counts_by_label,
)
from .measures import (
    Coefficient,
    cohen_kappa,
    cohen_kappa_from_pairs,
    fleiss_kappa,
    fleiss_kappa_from_ratings,
    krippendorff_alpha,
    krippendorff_alpha_nominal,
)
from .render import render_agreement
from .report import AgreementJob, agreement_report, compute_agreement
from .tokens import base_tokens, split_tokens, token_categories
from .unitizing import UnitizingResult, unitizing_alpha

__all__ = [
    "AgreementJob",
    "Coefficient",
    "Counts",
    "UnitizingResult",
    "agreement_report",
    "base_tokens",
    "cohen_kappa",
    "cohen_kappa_from_pairs",
    "compute_agreement",
    "exact_matching",
    "fleiss_kappa",
    "fleiss_kappa_from_ratings",
    "krippendorff_alpha",
    "krippendorff_alpha_nominal",
    "maximum_matching",
    "overlap_matching",
    "render_agreement",
    "span_counts",
    "span_counts_by_label",
    "split_tokens",
    "token_categories",
    "unitizing_alpha",
]
