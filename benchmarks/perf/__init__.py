"""Performance benchmarks: a generator of large synthetic archives, the floor, and a runner.

See ``docs/performance.md`` for the commands and the results.
"""
