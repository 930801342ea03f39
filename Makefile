# The two commands of README.md. Everything else is a step they depend on.
BUILD ?= build
JOBS ?= 2
DEFCOOP = $(BUILD)/tools/defcoop
DEMO_DB = out/demo.db

.PHONY: all deps configure build web test demo bench clean

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

demo: build
	scripts/demo $(DEFCOOP) $(DEMO_DB)

bench: deps
	bench/run

clean:
	rm -rf $(BUILD) out
