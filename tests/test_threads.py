"""The analysis processes run their BLAS pools with one thread, whatever the environment says."""
import os
import subprocess
import sys

from marsad import batch


def _blas_threads() -> list[int]:
    from threadpoolctl import threadpool_info
    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


def test_worker_processes_have_one_blas_thread(monkeypatch):
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
    pool = batch._executor(2, 256, 256)
    try:
        counts = pool.pool.apply(_blas_threads)
    finally:
        pool.shutdown()
    assert counts and set(counts) == {1}


def test_pinning_overrides_the_environment():
    code = "from marsad import threads; threads.pin(); from threadpoolctl import threadpool_info; " \
           "print(sorted({p['num_threads'] for p in threadpool_info() if p['user_api'] == 'blas'}))"
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, "OPENBLAS_NUM_THREADS": "3"},
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[1]"
