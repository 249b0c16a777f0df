"""What every benchmark in bench/ measures the same way."""

from __future__ import annotations

import resource


def peak_gb() -> float:
    """The process's maximum resident set size so far, in GB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2
