"""The figure build: registry and files agree, output is reproducible, failures are clean."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

import actsite
from actsite.figures import build as figure_build
from actsite.figures.build import FigureStore, build, render_figure
from actsite.sources import source_files
from actsite.figures.registry import FIGURES, FigureSpec
from actsite.figures.render import draw
from actsite.figures.style import THEMES, palette
from conftest import ROOT

FIGURE_DIR = ROOT / "figures"
BUILD_FIGURES = ROOT / "scripts" / "build_figures.py"


def quiet(_line):
    pass


def test_registry_and_committed_files_agree():
    expected = {f for spec in FIGURES.values() for f in spec.filenames()}
    assert {p.name for p in FIGURE_DIR.glob("*.svg")} == expected
    manifest = json.loads((FIGURE_DIR / "manifest.json").read_text())
    assert set(manifest) == set(FIGURES)


def test_committed_figures_are_fresh():
    result = subprocess.run([sys.executable, BUILD_FIGURES, "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "stale" not in result.stdout.split("total:")[0]


@pytest.mark.skipif(not actsite.IS_X86_64, reason="figure bytes are pinned on x86-64 only; "
                    "elsewhere training runs may round differently (README: Adding a figure)")
@pytest.mark.parametrize("name", sorted(FIGURES))
def test_redrawing_gives_the_committed_bytes(name):
    for filename, data in render_figure(FIGURES[name]).items():
        assert data == (FIGURE_DIR / filename).read_bytes(), filename


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_every_variant_differs(name):
    """Light and dark differ, and so do a figure's wide and phone layouts."""
    files = render_figure(FIGURES[name])
    assert len(set(files.values())) == len(files) == len(THEMES) * (2 if FIGURES[name].has_phone_layout else 1)


def test_second_run_draws_and_writes_nothing(tmp_path):
    specs = [FIGURES["tanh"], FIGURES["absolute"]]
    store = FigureStore(tmp_path)
    assert {o.status for o in build(store, specs, report=quiet)} == {"drawn"}
    stamps = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    assert {o.status for o in build(store, specs, report=quiet)} == {"up to date"}
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == stamps


def test_parallel_build_matches_serial(tmp_path):
    specs = [FIGURES["tanh"], FIGURES["fnn"]]
    build(FigureStore(tmp_path / "serial"), specs, report=quiet)
    build(FigureStore(tmp_path / "parallel"), specs, jobs=2, report=quiet)
    for spec in specs:
        for filename in spec.filenames():
            assert (tmp_path / "serial" / filename).read_bytes() == (tmp_path / "parallel" / filename).read_bytes()


def test_edited_file_is_detected_and_redrawn(tmp_path):
    store = FigureStore(tmp_path)
    build(store, [FIGURES["tanh"]], report=quiet)
    (tmp_path / "tanh-dark.svg").write_text("<svg/>")
    assert [o.status for o in build(store, [FIGURES["tanh"]], check=True, report=quiet)] == ["stale"]
    assert [o.status for o in build(store, [FIGURES["tanh"]], report=quiet)] == ["drawn"]


def test_raising_plotter_names_the_figure_and_keeps_the_old_file(tmp_path):
    store = FigureStore(tmp_path)
    build(store, [FigureSpec("probe", "figure_fixtures:draw_line", (2, 2))], report=quiet)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    lines = []
    outcomes = build(store, [FigureSpec("probe", "figure_fixtures:draw_raises", (2, 2))], report=lines.append)
    assert outcomes[0].status == "failed"
    assert "figure 'probe' failed: ZeroDivisionError: plotter bug on purpose" in lines[0]
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_missing_glyph_is_an_error():
    with pytest.raises(figure_build.FigureError, match="glyph"):
        render_figure(FigureSpec("glyphs", "figure_fixtures:draw_missing_glyph", (2, 2)))


def test_cli_rejects_unknown_figures():
    result = subprocess.run([sys.executable, BUILD_FIGURES, "--only", "no_such_figure"],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "no_such_figure" in result.stderr


def test_hash_covers_the_maths_module_and_the_style():
    names = {p.name for p in source_files("actsite.figures.nonlinearity")}
    assert {"nonlinearity.py", "functions.py", "networks.py"} <= names
    assert "style.py" in {p.name for p in source_files(figure_build.RENDERER)}


def test_hash_covers_the_experiments_a_plotter_reads_and_submodules_it_imports():
    names = {p.name for p in source_files("actsite.figures.results")}       # cached("gradient_depth"), ...
    assert {"gradient_depth.py", "deep_nets.py", "stalled_layers.py", "training_speed.py"} <= names
    names = {p.name for p in source_files("actsite.figures.initialisation")}  # from actsite.experiments import init_spread
    assert {"init_spread.py", "gaussian.py"} <= names


def test_hash_covers_the_package_init_that_pins_the_numerics():
    files = source_files("actsite.experiments.stalled_layers")
    assert ROOT / "scripts" / "actsite" / "__init__.py" in files
    assert ROOT / "scripts" / "actsite" / "experiments" / "__init__.py" in files


# --- what each figure shows, asserted on the data it plotted -------------------------

def plotted(name: str) -> dict:
    spec = FIGURES[name]
    _, data = draw(spec.plot(), "light", spec.size)
    return data


def test_fnn_draws_8_units_16_weights():
    data = plotted("fnn")
    assert (data["circles"], data["edges"], data["parameters"]) == (8, 16, 22)


def test_absolute_shows_h1_equal_to_abs():
    data = plotted("absolute")
    assert np.array_equal(data["h1"], np.abs(data["x"])) and data["legend_entries"] == 3


def test_quadratic_panels():
    data = plotted("quadratic")
    np.testing.assert_array_equal(data["knots"], [-2, -1, 0, 1, 2])
    np.testing.assert_allclose(data["errors"] * data["units"] ** 2, 4.0, rtol=1e-9)
    assert data["h2_error"] == pytest.approx(0.25) and data["as_printed_error"] == pytest.approx(6.0)


def test_tanh_figure_marks_the_flat_region():
    data = plotted("tanh")
    assert data["x"][np.argmax(data["df"])] == 0.0 and data["df"].max() == 1.0
    assert data["flat_edge"] == pytest.approx(np.arctanh(np.sqrt(0.99)))


def test_palettes_differ_by_theme():
    assert palette("light")["text"] != palette("dark")["text"]
    with pytest.raises(ValueError):
        palette("sepia")


def test_a_plotter_error_crosses_the_process_pool_with_its_message():
    """With --jobs N a FigureError comes back from a worker process; unpicklable, it would
    surface as a bare BrokenProcessPool that names no figure."""
    import pickle
    error = figure_build.FigureError("gates", ValueError("boom"))
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, figure_build.FigureError)
    assert copy.name == "gates" and str(copy) == str(error) == "figure 'gates' failed: ValueError: boom"
