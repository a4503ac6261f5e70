"""Figures: the registry of every figure (``registry``), the build that redraws stale ones
(``build``), rendering and the one style (``render``, ``style``), and the plotters, pure
functions ``draw_<name>(fig, colours) -> data``, one module per topic.

Imports the maths and experiments below it.
"""
