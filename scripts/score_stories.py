"""Stories on the ECB+ development set: fit and scored parts side by side.

    PYTHONPATH=$PWD/src .venv/bin/python scripts/score_stories.py

Each part is ingested into a fresh store by the real pipeline (about a minute each);
see ``newsgraph.stories.ecbplus`` for the split and the scoring.
"""

from __future__ import annotations

import sys

from newsgraph.ingest import ingest
from newsgraph.stories import ecbplus


def main() -> int:
    if not ecbplus.default_path().is_file():
        print(f"no ECB+ development set at {ecbplus.default_path()}")
        return 1
    print("part     docs  sub-topic P / R / F1        topic P / R / F1")
    for part in ecbplus.PARTS:
        s = ecbplus.score(part, ingest)
        sub, top = s["subtopic"], s["topic"]
        print(
            f"{part:8} {len(ecbplus.load(part)):4}  "
            f"{sub.precision:.3f} / {sub.recall:.3f} / {sub.f1:.3f}     "
            f"{top.precision:.3f} / {top.recall:.3f} / {top.f1:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
