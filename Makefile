# make serve | test | figures | build | bench | clean — each sets up .venv and MathJax first.
PYTHON  := $(shell sh scripts/find_python.sh)
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
NPMSTAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test figures build bench clean setup browser

setup: $(STAMP) $(NPMSTAMP)

$(STAMP): pyproject.toml constraints.txt
	@test -n "$(PYTHON)" || { echo "No Python >= 3.12 found (see scripts/find_python.sh)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

$(NPMSTAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

browser: setup   # the tests' browser: found, or installed (apt, then Playwright), or a stop with the fix
	@$(BIN)/python -m actsite.tooling.browser --install >/dev/null

figures: setup
	$(BIN)/python scripts/build_figures.py --jobs 2

build: setup
	$(BIN)/python scripts/build_site.py

serve: setup     # site_url decides the path served under: serve at the root of the dev address
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

test: setup browser   # on every core (pytest-xdist); the workers share one site build
	$(BIN)/python -m pytest -n auto --durations=20

bench: setup browser
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site .cache docs/*/site
