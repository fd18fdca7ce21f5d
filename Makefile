# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
AS_OF  ?= 2016-01-02
LANG_  ?= rus

.PHONY: run test install golden bench acts corpus check typecheck clean

# An editable install in setuptools' "strict" mode: a tree of links to the sources and a
# plain path in a .pth (the default mode loads an import hook at every start of Python,
# 12 ms). The tree holds the modules that existed when it was made, so the list of
# modules (and templates) is kept in MODULES, rewritten only when it changes, and a change installs again.
MODULES := $(VENV)/.modules
$(shell mkdir -p $(VENV) && find consolidate -name '*.py' -o -path 'consolidate/templates/*' | LC_ALL=C sort > $(MODULES).now \
        && (cmp -s $(MODULES).now $(MODULES) || cp $(MODULES).now $(MODULES)) && rm -f $(MODULES).now)

# Quiet unless something fails: pip's output goes to .venv/install.log, shown only on an error.
LOG := $(VENV)/install.log
$(STAMP): pyproject.toml Makefile $(MODULES)
	@echo "installing consolidate into $(VENV) (log: $(LOG))"
	@$(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip > $(LOG) 2>&1 || { cat $(LOG); exit 1; }
	@$(PY) -m pip install --quiet --config-settings editable_mode=strict -e '.[test]' >> $(LOG) 2>&1 \
		|| { cat $(LOG); exit 1; }
	@# the build used its own setuptools; the one Python 3.11 puts in a new venv is not used at
	@# run time, and its .pth hook costs about 1 ms at every start of Python
	@$(PY) -m pip uninstall --quiet --yes setuptools >> $(LOG) 2>&1 || { cat $(LOG); exit 1; }
	@touch $(STAMP)
	@echo "installed: run it as $(VENV)/bin/consolidate, or put it on the PATH with: source $(VENV)/bin/activate"

install: $(STAMP)

## show the National Security law as of a date, from the shipped corpus
run: $(STAMP)
	@$(VENV)/bin/consolidate show kz-national-security --as-of $(AS_OF) --lang $(LANG_)

## the whole test suite
test: $(STAMP)
	$(PY) -m pytest

## regenerate the golden files of real texts (review the diff before committing)
golden: $(STAMP)
	$(PY) tests/golden/regenerate.py

## regenerate amendments/*/acts/*.toml from the amending laws' own words
acts: $(STAMP)
	$(PY) -m consolidate.importer amendments/kz-national-security
	$(PY) -m consolidate.importer amendments/kz-foreign-intelligence

## regenerate the shipped corpus (amendments/, snapshots/) with `consolidate import` from the texts in
## $(SHARED): the whole acts where it has them, the extracts otherwise; then check it
SHARED ?= ../shared/corpus
corpus: $(STAMP)
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf $$tmp' EXIT; \
	for law in ns527 fi277; do mkdir -p $$tmp/$$law; cp $(SHARED)/$$law/amending/*.md $$tmp/$$law/; \
	  for f in $(SHARED)/whole/rus/*.md; do cp $$f $$tmp/$$law/; done; done; \
	$(VENV)/bin/consolidate --corpus . import kz-national-security --number 527-IV --adopted 2012-01-06 --lang rus \
	  --base $(SHARED)/ns527/rus/2014-after-189-V.md --acts $$tmp/ns527; \
	$(VENV)/bin/consolidate --corpus . import kz-national-security --number 527-IV --adopted 2012-01-06 --lang kaz \
	  --base $(SHARED)/ns527/kaz/2014-after-233-V.md --acts $(SHARED)/ns527/kaz-amending; \
	$(VENV)/bin/consolidate --corpus . import kz-national-security --number 527-IV --adopted 2012-01-06 --lang eng \
	  --base $(SHARED)/seeds/adilet-eng-Z1200000527-national-security.txt; \
	$(VENV)/bin/consolidate --corpus . import kz-foreign-intelligence --number 277-IV --adopted 2010-05-22 --lang rus \
	  --base $(SHARED)/fi277/rus/2010-original.md --acts $$tmp/fi277
	$(VENV)/bin/consolidate check

## validate act files and compare the replay with every check point
check: $(STAMP)
	$(VENV)/bin/consolidate check

## benchmarks against git, SQLite and cat (not part of the tests)
bench: $(STAMP)
	$(PY) -m bench.run

## mypy --strict (pyproject's [tool.mypy]) on the package, its tests and the benchmarks
typecheck: $(STAMP)
	@$(PY) -m pip install --quiet mypy types-python-dateutil types-networkx >> $(LOG) 2>&1 || { cat $(LOG); exit 1; }
	$(PY) -m mypy --strict consolidate tests bench

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
