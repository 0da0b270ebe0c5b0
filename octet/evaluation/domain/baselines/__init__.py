"""Baselines the benchmark compares Octet's engines with; never used by the product."""
