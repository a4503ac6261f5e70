"""scripts/build_site.py as a command: where it puts the site (the build itself is stubbed)."""
from __future__ import annotations

import importlib.util

from conftest import ROOT


def load_cli():
    spec = importlib.util.spec_from_file_location("build_site_cli", ROOT / "scripts" / "build_site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_site_dir_inside_a_folder_not_yet_made_is_created(tmp_path, monkeypatch):
    cli = load_cli()
    monkeypatch.setattr(cli, "build_into", lambda config, staging: (staging / "index.html").write_text("ok"))
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "not" / "yet" / "site"
    assert cli.main(["--site-dir", str(target)]) == 0
    assert (target / "index.html").read_text() == "ok"
