"""What the build puts on pages: figure markers, generated tables, the bibliography, reading
order, taxonomy, page pairs, build-time maths, source lines, notebook text and explorer data.

Imports the maths and the figure registry below it; the MkDocs hook only wires these functions.
"""
