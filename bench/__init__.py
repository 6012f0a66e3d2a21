"""Benchmarks: scripts that print numbers, run as `python3 -m bench.NAME` from the repository."""
