"""Benchmarks (``make bench``): ratios measured in one run, see bench/RESULTS.md."""
