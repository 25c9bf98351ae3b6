"""Load the data files shipped in ``marsad/data`` (Arabic knowledge kept as reviewed data)."""
from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml


@functools.cache
def load(name: str) -> Any:
    """Return the parsed YAML data file ``marsad/data/<name>`` (cached, treat as read-only)."""
    ref = resources.files("marsad").joinpath("data")
    for part in name.split("/"):
        ref = ref.joinpath(part)
    with ref.open("r", encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
