"""Plotters: pure functions ``draw_<name>(fig, colours) -> data``, one per figure."""
