# synccert build.  `make run` and `make check` are the two entry points named in
# the README; both install missing Debian packages first (scripts/install-deps).

CC      ?= gcc
OPT     ?= -O2 -g
# -Wno-stringop-*: GCC 12 misreads FLINT's one-element-array parameter types
# (fmpq_t inside a struct) as 8-byte regions; ASan/UBSan (make test-san)
# checks the real accesses.
WARN     = -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers \
           -Wno-stringop-overread -Wno-stringop-overflow
OMP     ?= -fopenmp
CFLAGS  += -std=c11 $(OPT) $(WARN) $(OMP) -D_POSIX_C_SOURCE=200809L
CPPFLAGS += -Iinclude
LDLIBS   = -lflint-arb -lflint -lmpfr -lgmp -lgsl -lopenblas -lm -lpthread
LDFLAGS += $(OMP)

BUILD   ?= build
PREFIX  ?= /usr/local
DESTDIR ?=

LIBSRC  := $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c)))
CLISRC  := $(sort $(wildcard src/cli/*.c))
TESTSRC := $(sort $(wildcard tests/t-*.c))
HEADERS := $(wildcard include/synccert/*.h src/*/*.h)

LIBOBJ  := $(LIBSRC:%.c=$(BUILD)/%.o)
CLIOBJ  := $(CLISRC:%.c=$(BUILD)/%.o)
TESTBIN := $(TESTSRC:tests/%.c=$(BUILD)/tests/%)

LIB = $(BUILD)/libsynccert.a
CLI = $(BUILD)/synccert

.PHONY: all deps run check test test-san proofs proofs-report bench install uninstall clean report \
        fuzz fuzz-build fuzz-replay

all: $(LIB) $(CLI)

deps:
	@sh scripts/install-deps check

$(BUILD)/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(LIB): $(LIBOBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(CLI): $(CLIOBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(CLIOBJ) $(LIB) $(LDLIBS)

$(BUILD)/tests/%: tests/%.c $(LIB) $(wildcard tests/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS) -lcunit

# The whole suite: unit tests (CUnit), CLI tests, once more under ASan+UBSan,
# then the Frama-C/WP proof obligations.
check: deps
	$(MAKE) all
	$(MAKE) test
	$(MAKE) test-san
	$(MAKE) proofs
	@echo "make check: all stages passed"

test: $(TESTBIN) $(CLI)
	@sh tests/run $(BUILD)

test-san:
	$(MAKE) BUILD=build/san OPT="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
	    LDFLAGS="-fopenmp -fsanitize=address,undefined" test fuzz-replay

# Fuzzing (fuzz/): one libFuzzer target per input parser, fuzz/fuzz_NAME.c,
# with its committed seed corpus fuzz/corpus/fuzz_NAME/.
#   make fuzz FUZZ_SECONDS=N   installs clang (install-deps fuzz), builds the
#                              targets with clang, libFuzzer, ASan and UBSan in
#                              build/libfuzzer and runs each for N seconds (default
#                              60); new inputs go to build/libfuzzer/corpus/NAME,
#                              crashes to build/libfuzzer/crash-NAME-*
#   make fuzz-replay           (part of make test-san, hence make check) replays
#                              the committed corpus through each target linked
#                              with fuzz/replay.c, with the build's own flags
FUZZSRC   := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZNAMES := $(FUZZSRC:fuzz/%.c=%)
FUZZ_SECONDS ?= 60
FUZZ_CC   ?= clang
# the CLI's option parser is linked from its objects into fuzz_cliopts only
FUZZCLI    = $(BUILD)/src/cli/opts.o $(BUILD)/src/cli/stop.o
FUZZLINK_fuzz_cliopts = $(FUZZCLI)

$(BUILD)/fuzz/replay-%: fuzz/%.c fuzz/replay.c $(wildcard fuzz/*.h) $(FUZZCLI) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ fuzz/$*.c fuzz/replay.c $(FUZZLINK_$*) $(LIB) $(LDLIBS)

fuzz-replay: $(FUZZNAMES:%=$(BUILD)/fuzz/replay-%)
	@for t in $(FUZZNAMES); do \
	    printf '%-14s ' "$$t"; $(BUILD)/fuzz/replay-$$t fuzz/corpus/$$t || exit 1; \
	done

$(BUILD)/fuzz/run-%: fuzz/%.c $(wildcard fuzz/*.h) $(FUZZCLI) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -fsanitize=fuzzer -o $@ fuzz/$*.c $(FUZZLINK_$*) $(LIB) $(LDLIBS)

fuzz-build: $(FUZZNAMES:%=$(BUILD)/fuzz/run-%)

fuzz:
	@sh scripts/install-deps fuzz
	$(MAKE) BUILD=build/libfuzzer CC=$(FUZZ_CC) OMP= \
	    WARN="-Wall -Wno-unused-parameter -Wno-sign-compare -Wno-unknown-pragmas" \
	    OPT="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
	    LDFLAGS="-fsanitize=address,undefined" fuzz-build
	@sh fuzz/run build/libfuzzer $(FUZZ_SECONDS) $(FUZZNAMES)

# The proof obligations of the verified core; the report goes to proofs/out/
# (make proofs and make check write no tracked file).
proofs:
	@sh scripts/install-deps proofs
	@sh proofs/run

# Refresh the committed proof report reports/proofs.md: a full proof run
# (WP_FCT cleared), then its report copied.
proofs-report:
	@sh scripts/install-deps proofs
	@WP_FCT= sh proofs/run
	cp proofs/out/proofs.md reports/proofs.md

bench: all
	@sh scripts/install-deps bench
	@sh bench/run $(BUILD)

# The main job: a certified report of the built-in activations.
run:
	@sh scripts/install-deps build report
	$(MAKE) all
	@sh scripts/main-job $(BUILD)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include/synccert
	install -m 755 $(CLI) $(DESTDIR)$(PREFIX)/bin/synccert
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libsynccert.a
	install -m 644 include/synccert/*.h $(DESTDIR)$(PREFIX)/include/synccert/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/synccert $(DESTDIR)$(PREFIX)/lib/libsynccert.a
	rm -rf $(DESTDIR)$(PREFIX)/include/synccert

clean:
	rm -rf build proofs/out
