"""Benchmarks (`make bench`), outside the installed package: registry pages and imports, decision methods,
a whole national selection run. Each figure is a ratio against a floor measured in the same run."""
