"""The maintainer's tools on top of the site: the browser finder the tests and screenshots use,
and the benchmark's report and cost drift.
"""
