# The two commands of README.md. Everything else is a step they depend on.
BUILD ?= build
JOBS ?= 2
DEFCOOP = $(BUILD)/tools/defcoop
DEMO_DB = out/demo.db
# The sanitizer build: clang with ASan + UBSan and the libFuzzer harnesses (fuzz/).
SANITIZE_BUILD ?= build-sanitize
FUZZ_RUNS ?= 10000

.PHONY: all deps configure build web test test-sanitize fuzz-campaign demo bench install clean

all: build

deps:
	scripts/install-deps

configure: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: configure
	cmake --build $(BUILD) -j$(JOBS)

# The dashboard, bundled from npm packages into web/dist (served by `defcoop serve`).
web: deps
	cd web && npm ci --no-audit --no-fund && npm run build

test: build web
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

# The whole library and test suite under AddressSanitizer and UndefinedBehaviorSanitizer,
# plus each fuzz harness for FUZZ_RUNS inputs from a fixed seed. The dashboard tests (web_*) need the npm
# build and the Release binary's speed; they run in `make test` only. So does the
# constant-memory test of `query`: ASan's shadow memory and quarantine make RSS no
# measure of what the program keeps.
test-sanitize: deps
	cmake -S . -B $(SANITIZE_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
	  -DCMAKE_CXX_COMPILER=clang++ -DDEFCOOP_SANITIZE=ON -DDEFCOOP_BUILD_FUZZERS=ON \
	  -DDEFCOOP_FUZZ_RUNS=$(FUZZ_RUNS)
	cmake --build $(SANITIZE_BUILD) -j$(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ctest --test-dir $(SANITIZE_BUILD) --output-on-failure -j$(JOBS) \
	  -E '^web_|QueryStreamsLargeAnswersInConstantMemory'

# A longer fuzzing campaign: every harness for FUZZ_CAMPAIGN_SECONDS (one job at a time).
fuzz-campaign: deps
	scripts/fuzz-campaign $(SANITIZE_BUILD) $${FUZZ_CAMPAIGN_SECONDS:-600}

# Installs the program, its data, dashboard, man page and bash completion under PREFIX
# (bin/, share/defcoop/, share/man/man1/, share/bash-completion/completions/).
PREFIX ?= /usr/local
install: build web
	cmake --install $(BUILD) --prefix $(PREFIX)

demo: build
	scripts/demo $(DEFCOOP) $(DEMO_DB)

bench: deps
	bench/run

clean:
	rm -rf $(BUILD) out
