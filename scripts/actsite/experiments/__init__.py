"""Numpy experiments behind the figures and the numbers quoted on the pages: the networks and
data sets (``mlp``, ``deep_nets``, ``networks``, ``datasets``), the cost measurement, and one
module per run.

Each run is a pure function of its arguments (fixed seeds); :func:`cached` stores
results under ``.cache/experiments`` keyed by a hash of the code that produced them.
Imports only the maths below it.
"""
