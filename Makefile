# Two commands for a fresh machine (see README): `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := demo/marsad.db

.PHONY: install demo test bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/marsad --db $(DEMO_DB) ingest examples/articles
	$(BIN)/marsad --db $(DEMO_DB) stats
	$(BIN)/marsad --db $(DEMO_DB) search الناتو --limit 3
	$(BIN)/marsad --db $(DEMO_DB) search "وزير الدفاع" --limit 3
	$(BIN)/marsad --db $(DEMO_DB) export --output demo/export.json
	@echo "store: $(DEMO_DB)   export: demo/export.json"

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) demo build *.egg-info
