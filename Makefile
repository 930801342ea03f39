# The two commands of README.md. Everything else is a step they depend on.
BUILD ?= build
JOBS ?= 2
DEFCOOP = $(BUILD)/tools/defcoop
DEMO_DB = out/demo.db

.PHONY: all deps configure build test demo bench clean

all: build

deps:
	scripts/install-deps

configure: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: configure
	cmake --build $(BUILD) -j$(JOBS)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

demo: build
	scripts/demo $(DEFCOOP) $(DEMO_DB)

bench: deps
	bench/run

clean:
	rm -rf $(BUILD) out
