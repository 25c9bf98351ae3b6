# Two commands for a fresh machine (see README): `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := demo/marsad.db

CYTOSCAPE := 3.35.0
VENDOR := src/marsad/web/static/vendor

.PHONY: install demo test bench clean browser

install: $(VENV)/.installed $(VENDOR)/cytoscape.min.js

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# The graph library of the network view, taken from the npm registry at build time.
$(VENDOR)/cytoscape.min.js:
	mkdir -p $(VENDOR) build/npm
	cd build/npm && npm pack --silent cytoscape@$(CYTOSCAPE) > /dev/null
	tar -xzf build/npm/cytoscape-$(CYTOSCAPE).tgz -C build/npm package/dist/cytoscape.min.js package/LICENSE
	cp build/npm/package/dist/cytoscape.min.js $(VENDOR)/cytoscape.min.js
	cp build/npm/package/LICENSE $(VENDOR)/cytoscape.LICENSE

# Debian's Chromium for the browser tests (Playwright drives it; it downloads no browser).
browser:
	@command -v chromium > /dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).vectors
	$(BIN)/marsad --db $(DEMO_DB) ingest examples/articles
	$(BIN)/marsad --db $(DEMO_DB) embed
	$(BIN)/marsad --db $(DEMO_DB) stats
	$(BIN)/marsad --db $(DEMO_DB) export --output demo/export.json
	@echo "store: $(DEMO_DB)   export: demo/export.json"
	$(BIN)/marsad --db $(DEMO_DB) serve

test: install browser
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) demo build *.egg-info $(VENDOR)
