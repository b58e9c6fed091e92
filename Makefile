# Digit Trainer — `make run` to try it in a browser, `make test` to check everything.
# `make help` lists the targets. Outputs go to dist/ (shipped) and out/ (tests, benchmarks).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

GO      ?= go
GOROOT  := $(shell $(GO) env GOROOT)
# The app's main package (main.go at the top).
APP     ?= .
ADDR    ?= 127.0.0.1:8080
RELEASE := -trimpath -ldflags="-s -w"

DIST      := dist
WEB       := $(DIST)/web
WASM      := $(WEB)/digit-trainer.wasm
CLASSROOM := $(DIST)/digit-trainer.html
DESKTOP   := $(DIST)/digit-trainer
WINDOWS   := $(DIST)/digit-trainer.exe
TOOLS     := $(DIST)/tools

.PHONY: help run web classroom desktop windows dist tools size size-why perf-web bench test csp \
	fmt-check vet test-go test-wasm test-arm64 fuzz lint-deps trainer-nocgo e2e deps clean FORCE

help:
	@echo "make run        build the web app and serve it on http://$(ADDR)/ (needs only Go)"
	@echo "make test       install what is missing, then run every check (CI runs this)"
	@echo "make web        dist/web/: index.html, wasm_exec.js, the wasm and its .gz, for any static host"
	@echo "make classroom  $(CLASSROOM): one offline file to email or copy to a USB stick"
	@echo "make desktop    $(DESKTOP): the native app for this machine"
	@echo "make dist       all of the above plus a Windows .exe"
	@echo "make size       wasm and classroom sizes vs a minimal Ebiten program -> BENCHMARKS.md"
	@echo "make size-why   which packages the app's wasm adds over the minimal program"
	@echo "make perf-web   startup time and FPS in headless Chromium vs the minimal program -> BENCHMARKS.md"
	@echo "make bench      training throughput benchmarks -> BENCHMARKS.md"
	@echo "parts of make test: fmt-check vet test-go test-wasm test-arm64 fuzz lint-deps trainer-nocgo e2e"

# wasm_exec.js must match the compiler that built the wasm, so it is always copied from
# this Go's GOROOT (and never committed).
wasm_exec.js: FORCE
	@cmp -s "$(GOROOT)/lib/wasm/wasm_exec.js" $@ || cp "$(GOROOT)/lib/wasm/wasm_exec.js" $@

# FORCE: go build decides what is stale, from its own cache.
$(WASM): FORCE
	@mkdir -p $(WEB)
	GOOS=js GOARCH=wasm $(GO) build $(RELEASE) -o $@ $(APP)

$(TOOLS)/%: FORCE
	@mkdir -p $(TOOLS)
	@$(GO) build -o $@ ./cmd/$*

tools: $(TOOLS)/serve $(TOOLS)/bundle

web: $(WASM) wasm_exec.js $(TOOLS)/bundle
	@bash scripts/deps.sh web
	cp wasm_exec.js $(WEB)/wasm_exec.js
	$(TOOLS)/bundle web -html index.html -wasm $(WASM) -out $(WEB)/index.html
	@ls -l $(WEB) | awk 'NR>1 {printf "  %10d  %s\n", $$5, $$9}'

run: web $(TOOLS)/serve
	$(TOOLS)/serve -addr $(ADDR) -dir $(WEB)

classroom: $(WASM) wasm_exec.js $(TOOLS)/bundle
	@bash scripts/deps.sh web
	$(TOOLS)/bundle classroom -html index.html -wasm $(WASM) -wasm-exec wasm_exec.js -out $(CLASSROOM)
	@echo "wrote $(CLASSROOM) ($$(stat -c %s $(CLASSROOM)) bytes): opens by double-click, no network needed"

desktop:
	@bash scripts/deps.sh desktop >/dev/null
	@mkdir -p $(DIST)
	$(GO) build $(RELEASE) -o $(DESKTOP) $(APP)

# Ebiten needs no cgo on Windows, so the .exe cross-builds from here.
windows:
	@mkdir -p $(DIST)
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) build $(RELEASE) -o $(WINDOWS) $(APP)

dist: web classroom desktop windows
	@echo "built:"
	@echo "  web        $(WEB)/ (static site)"
	@echo "  classroom  $(CLASSROOM) (offline single file)"
	@echo "  desktop    $(DESKTOP) ($$($(GO) env GOOS)/$$($(GO) env GOARCH))"
	@echo "  windows    $(WINDOWS) (windows/amd64)"
	@echo "not built: macOS (Ebiten needs cgo and Apple's SDK there; build on a Mac with 'make desktop')"

# Rewrites index.html's Content-Security-Policy after its inline loader script changed.
csp:
	$(GO) run ./cmd/bundle csp -fix index.html

size: web classroom
	bash scripts/size.sh

# What the app's wasm adds over the minimal program, package by package (needs node).
size-why:
	@mkdir -p out/size-why
	GOOS=js GOARCH=wasm $(GO) build -trimpath -o out/size-why/app.wasm $(APP)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -o out/size-why/minimal.wasm ./internal/minimal
	node scripts/wasm-size.mjs out/size-why/app.wasm out/size-why/minimal.wasm -top 30

perf-web: classroom
	bash scripts/perf-web.sh

bench:
	bash bench/run.sh

test:
	bash scripts/test.sh

fmt-check vet test-go test-wasm test-arm64 fuzz lint-deps trainer-nocgo e2e:
	bash scripts/test.sh $@

deps:
	bash scripts/deps.sh test

clean:
	rm -rf $(DIST) out wasm_exec.js

FORCE:
