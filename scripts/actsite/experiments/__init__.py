"""Numpy experiments behind the figures and the numbers quoted on the pages.

Each experiment is a pure function of its arguments (fixed seeds); :func:`cached` stores
results under ``.cache/experiments`` keyed by a hash of the code that produced them.
"""
