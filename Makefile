# make serve — build db/quotes.db from seeds/ and serve it on http://127.0.0.1:8001
# make test  — run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := db/quotes.db
PORT ?= 8001

.PHONY: serve test build install clean

$(BIN)/quotes: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(BIN)/quotes

install: $(BIN)/quotes

build: install
	$(BIN)/quotes build seeds --db $(DB)

serve: build
	$(BIN)/quotes serve --db $(DB) --port $(PORT)

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
