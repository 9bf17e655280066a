"""Run every benchmark module under bench/ and rewrite BENCHMARKS.md.

A benchmark module is ``bench/bench_*.py`` with ``run(quick: bool) -> str`` returning a
Markdown section (a ``## heading`` and a table).  Figures are ratios against a baseline
measured in the same process, because these machines are noisy.

    python -m bench                 # all benchmarks, rewrite BENCHMARKS.md
    python -m bench ingest events   # only bench_ingest.py and bench_events.py
    python -m bench --quick         # smaller inputs; the section says it was a quick run
"""

from __future__ import annotations

import argparse
import importlib
import platform
import sys
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "BENCHMARKS.md"
HEADER = """# Benchmarks

Reproduce with `make bench` (or `.venv/bin/python -m bench NAME` for one section).
Every figure is measured in one process against a baseline run in the same process on the
same input, so the ratios hold on a noisy machine; absolute rates are given for scale only.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("names", nargs="*", help="benchmark names (bench_NAME.py); default all")
    parser.add_argument("--quick", action="store_true", help="small inputs, smoke run")
    args = parser.parse_args(argv)
    available = sorted(p.stem[len("bench_") :] for p in HERE.glob("bench_*.py"))
    names = args.names or available
    unknown = [n for n in names if n not in available]
    if unknown:
        print(f"unknown benchmark(s) {unknown}; available: {available}", file=sys.stderr)
        return 2
    done: dict[str, str] = {}
    for name in names:
        started = time.perf_counter()
        print(f"== {name}", flush=True)
        module = importlib.import_module(f"bench.bench_{name}")
        text = module.run(quick=args.quick).strip()
        print(text, flush=True)
        print(f"({time.perf_counter() - started:.0f} s)", flush=True)
        if args.quick:
            text += "\n\n_Quick run (`python -m bench --quick`): smaller inputs than the full run._"
        done[name] = text
        _write({**_read_sections(), **done})  # re-read: another run may have written meanwhile
    return 0


def _write(sections: dict[str, str]) -> None:
    machine = (
        f"Last run: {time.strftime('%Y-%m-%d')}, {platform.python_implementation()} "
        f"{platform.python_version()}, {psutil.cpu_count()} cores, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GiB.\n"
    )
    body = "\n\n".join(f"<!-- bench:{k} -->\n{v}" for k, v in sorted(sections.items()))
    OUT.write_text(f"{HEADER}\n{machine}\n{body}\n", encoding="utf-8")


def _read_sections() -> dict[str, str]:
    """Keep the sections of benchmarks not re-run this time."""
    if not OUT.exists():
        return {}
    sections: dict[str, str] = {}
    current: str | None = None
    lines: list[str] = []
    for line in OUT.read_text(encoding="utf-8").splitlines():
        if line.startswith("<!-- bench:") and line.endswith("-->"):
            if current:
                sections[current] = "\n".join(lines).strip()
            current, lines = line[len("<!-- bench:") : -len("-->")].strip(), []
        elif current:
            lines.append(line)
    if current:
        sections[current] = "\n".join(lines).strip()
    return sections


if __name__ == "__main__":
    raise SystemExit(main())
