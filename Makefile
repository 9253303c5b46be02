# The README's two commands are `make demo` and `make test`; both start by
# running scripts/setup, which installs only what is missing.
# As many compile jobs as the machine has cores, unless JOBS=N is given.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 20
DEMO_DB ?= seismo-demo.db
SEEDS ?= ../shared/seeds

.PHONY: setup build build-demo build-asan build-fuzz demo test unit fuzz bench eval train-syntax fit-places clean

setup:
	@bash scripts/setup

build: setup
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# What the demo runs: the binary and the gazetteer index it resolves places
# with, not the ~100 test and benchmark targets of `make build`.
build-demo: setup
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target seismo gazetteer

build-asan: setup
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSEISMO_SANITIZE=ON -DSEISMO_BENCH=OFF >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)

build-fuzz: setup
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSEISMO_FUZZ=ON -DSEISMO_TESTS=OFF -DSEISMO_BENCH=OFF >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS)

demo: build-demo
	@bash scripts/demo $(BUILD)/seismo $(DEMO_DB) $(SEEDS)

# Every test: unit and end-to-end tests under ASan/UBSan, the same suite
# against the Release binary, then each fuzz target for a bounded time.
test: build build-asan build-fuzz
	@cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@bash scripts/fuzz $(FUZZ_BUILD) $(FUZZ_SECONDS)

bench: build
	@bash scripts/bench $(BUILD)

eval: build
	@bash scripts/eval $(BUILD)

# Retrains the bundled syntax model data/models/en_ewt.syntax from UD English
# EWT: deterministic (same treebank, options and seed, same bytes), about a
# four minutes on one core; not part of `make test`.
EWT ?= ../shared/treebanks/en_ewt
SYNTAX_TRAIN_OPTIONS ?= --tagger-epochs 8 --parser-epochs 15 --keep 0.11 --keep-tagger 0.3 --seed 1
# The place ranker's weights (data/models/place_ranker.md): distant
# supervision from the texts of the geo corpora (never their gold), the
# seeds and the extraction benchmark's article bodies (a few of its pages
# are malformed; `analyze` says so and exits 1, the rest is read).
fit-places: build
	@$(BUILD)/seismo -q analyze ../shared/benchmarks/extraction/zyte/html ../shared/benchmarks/extraction/trafilatura-dev/html ../shared/benchmarks/extraction/htmldate-dev/html \
	  > $(BUILD)/extraction_bodies.jsonl 2>/dev/null || test -s $(BUILD)/extraction_bodies.jsonl
	@$(BUILD)/tools/fit_place_ranker --write src/entities/place_ranker_weights.inc \
	  ../shared/benchmarks/geo/lgl.xml ../shared/benchmarks/geo/GeoVirus.xml $(SEEDS) $(BUILD)/extraction_bodies.jsonl
	@cmake --build $(BUILD) -j $(JOBS) --target geo_eval seismo
	@$(BUILD)/bench/geo_eval lgl | sed -n 2p
	@$(BUILD)/bench/geo_eval geovirus | sed -n 2p

train-syntax: setup
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target train_syntax parser_eval
	@$(BUILD)/tools/train_syntax --train $(EWT)/en_ewt-ud-train.conllu --output data/models/en_ewt.syntax \
	  $(SYNTAX_TRAIN_OPTIONS) --description "UD English EWT v2.15 train (CC BY-SA 4.0)"
	@$(BUILD)/bench/parser_eval --model data/models/en_ewt.syntax $(EWT)/en_ewt-ud-dev.conllu $(EWT)/en_ewt-ud-test.conllu

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
