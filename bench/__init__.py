"""newsgraph benchmarks: run with `make bench` (python -m bench), never by `make test`."""
