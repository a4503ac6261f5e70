"""The maths: every activation declared once (value, derivative, LaTeX, names, properties),
the gated units and output functions built on them, and the pure numerics they need.

The lowest layer: it imports nothing else from the package.
"""
