"""Thread pools of the numerical libraries, pinned by Marsad itself in every analysing process.

Each analysis process multiplies small matrices (the tagger, the spelling judge); a BLAS
pool of one thread per core in each of them makes the processes fight over the cores
(4× slower on two cores). So every process that analyses articles runs its BLAS and
OpenMP pools with one thread, whatever the environment says; the processes, not the
threads, use the cores.
"""
from __future__ import annotations

import os

THREADS = 1
_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
              "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")
_pinned = False


def pin(threads: int = THREADS) -> None:
    """Limit this process's BLAS and OpenMP pools to ``threads`` (once per process).

    The variables cover libraries loaded later; threadpoolctl limits those already loaded
    (NumPy's OpenBLAS, which reads its variable only when it loads).
    """
    global _pinned
    if _pinned:
        return
    for name in _VARIABLES:
        os.environ[name] = str(threads)
    import numpy  # noqa: F401 - load BLAS now, so that the limit reaches it
    from threadpoolctl import threadpool_limits
    threadpool_limits(limits=threads)
    _pinned = True
