"""Reading the extraction stage's YAML data files (``data/*.yaml``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import DataFileError


def read_yaml(path: Path, what: str) -> Any:
    """The YAML document at ``path``, to be validated by its parser; a file that cannot
    be read or parsed is a ``DataFileError`` naming the file and ``what`` it holds."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot read {what}: {exc}") from exc
