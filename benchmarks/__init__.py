"""Speed, memory and load measurements of Ceasefire Atlas, run outside the test suite.

``benchmarks/run.py`` measures everything once on this machine; ``benchmarks/load.py`` drives
many browser sessions at once. Both start their own app server on a port in 8900-8999.
"""
