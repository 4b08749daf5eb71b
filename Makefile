# make install: idempotent .venv + editable install + test deps (+ system packages for rendering tests)
# make demo:    init -> draft -> check -> compare on the example in examples/
# make test:    the whole test suite
# make bench:   speed and memory numbers (printed, never asserted)
# make serve:   the workbench in the browser (http://127.0.0.1:8765/)
# make wheelhouse: every wheel drafter needs (serve included) in build/wheelhouse, for an offline install
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
DRAFTER := $(VENV)/bin/drafter
STAMP  := $(VENV)/.installed
OUT    := build/demo

.PHONY: install system-deps demo test bench serve wheelhouse clean

install: $(STAMP)

$(STAMP): setup.cfg pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

system-deps:
	bash .ci/system-deps.sh

demo: install
	bash examples/demo.sh $(DRAFTER) $(OUT)

test: install system-deps
	$(PY) -m pytest -q -p no:cacheprovider

bench: install
	$(PY) bench/run.py
	$(PY) bench/bench_serve.py
	$(PY) bench/bench_fix.py --n 10 --docx
	$(PY) bench/bench_fix_numbering.py
	$(PY) bench/bench_layout.py

serve: install
	$(DRAFTER) serve

WHEELHOUSE := build/wheelhouse
wheelhouse: install
	rm -rf $(WHEELHOUSE)
	$(PY) -m pip wheel -q -w $(WHEELHOUSE) .
	@ls $(WHEELHOUSE)
	@echo "offline: pip install --no-index --find-links $(WHEELHOUSE) drafter"

clean:
	rm -rf $(VENV) build *.egg-info
