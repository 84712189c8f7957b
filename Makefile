# synccert build.  `make run` and `make check` are the two entry points named in
# the README; both install missing Debian packages first (scripts/install-deps).

CC      ?= gcc
OPT     ?= -O2 -g
# -Wno-stringop-*: GCC 12 misreads FLINT's one-element-array parameter types
# (fmpq_t inside a struct) as 8-byte regions; ASan/UBSan (make test-san)
# checks the real accesses.
WARN     = -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers \
           -Wno-stringop-overread -Wno-stringop-overflow
# -fPIC: one set of objects serves both the static and the shared library.
OMP     ?= -fopenmp
CFLAGS  += -std=c11 $(OPT) $(WARN) $(OMP) -fPIC -D_POSIX_C_SOURCE=200809L
CPPFLAGS += -Iinclude
LDLIBS   = -lflint-arb -lflint -lmpfr -lgmp -lgsl -lopenblas -lm -lpthread
LDFLAGS += $(OMP)

BUILD   ?= build
PREFIX  ?= /usr/local
DESTDIR ?=
# Where `make install` puts things (scripts/install; LIBDIR, PYTHONDIR etc.
# can be overridden there too).
export PREFIX DESTDIR

# The shared library's version is SC_VERSION; its soname carries the major
# number (libsynccert.so.0).
VERSION := $(shell sed -n 's/^\#define SC_VERSION "\(.*\)"/\1/p' include/synccert/common.h)
SOMAJOR := $(firstword $(subst ., ,$(VERSION)))

LIBSRC  := $(sort $(filter-out src/cli/% src/mpi/%,$(wildcard src/*/*.c)))
CLISRC  := $(sort $(wildcard src/cli/*.c))
TESTSRC := $(sort $(wildcard tests/t-*.c))
HEADERS := $(wildcard include/synccert/*.h src/*/*.h)

LIBOBJ  := $(LIBSRC:%.c=$(BUILD)/%.o)
CLIOBJ  := $(CLISRC:%.c=$(BUILD)/%.o)
TESTBIN := $(TESTSRC:tests/%.c=$(BUILD)/tests/%)

LIB = $(BUILD)/libsynccert.a
SO  = $(BUILD)/libsynccert.so.$(VERSION)
CLI = $(BUILD)/synccert

.PHONY: all deps run check test test-san mpi test-mpi test-install test-python man proofs proofs-report bench install uninstall clean report \
        fuzz fuzz-build fuzz-replay

all: $(LIB) $(SO) $(CLI)

deps:
	@sh scripts/install-deps check

$(BUILD)/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(LIB): $(LIBOBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

# libsynccert.so.VERSION with soname libsynccert.so.0 and the two usual links;
# it records its own dependencies (synccert.pc adds only FLINT/Arb, MPFR and
# GMP, whose types the headers use).
$(SO): $(LIBOBJ)
	$(CC) -shared -Wl,-soname,libsynccert.so.$(SOMAJOR) -Wl,--no-undefined $(LDFLAGS) -o $@ $^ $(LDLIBS)
	ln -sf libsynccert.so.$(VERSION) $(BUILD)/libsynccert.so.$(SOMAJOR)
	ln -sf libsynccert.so.$(SOMAJOR) $(BUILD)/libsynccert.so

$(CLI): $(CLIOBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(CLIOBJ) $(LIB) $(LDLIBS)

$(BUILD)/tests/%: tests/%.c $(LIB) $(wildcard tests/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS) -lcunit

# The MPI build (OpenMPI from Debian: scripts/install-deps mpi): the CLI
# with certify's boxes evaluated on worker ranks (src/mpi/main.c; rank 0
# runs src/cli/main.c renamed sc_cli_main).  Nothing else needs MPI.
MPICC   ?= mpicc
MPIBIN   = $(BUILD)/synccert-mpi
MPIOBJ   = $(filter-out $(BUILD)/src/cli/main.o,$(CLIOBJ)) $(BUILD)/mpi/cli_main.o $(BUILD)/src/mpi/main.o

mpi: $(MPIBIN)

$(BUILD)/mpi/cli_main.o: src/cli/main.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Dmain=sc_cli_main -c $< -o $@

$(BUILD)/src/mpi/%.o: src/mpi/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(MPICC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(MPIBIN): $(MPIOBJ) $(LIB)
	$(MPICC) $(LDFLAGS) -o $@ $(MPIOBJ) $(LIB) $(LDLIBS)

# synccert-mpi on 1 and 3 ranks against the plain CLI (tests/mpi/t-mpi.sh)
test-mpi: $(MPIBIN) $(CLI)
	@sh tests/mpi/t-mpi.sh $(BUILD)

# The whole suite, one step a line: unit tests (CUnit) and CLI tests; the
# installed library (pkg-config, shared and static, C++); the Python module;
# unit and CLI tests once more under ASan+UBSan; the Frama-C/WP proofs.
check: deps
	$(MAKE) all
	$(MAKE) test
	$(MAKE) test-mpi
	$(MAKE) test-install
	$(MAKE) test-python
	$(MAKE) test-san
	$(MAKE) proofs
	@echo "make check: all stages passed"

test: $(TESTBIN) $(CLI)
	@sh tests/run $(BUILD)

# The README's C example built against a DESTDIR install with pkg-config
# only (shared and static libsynccert), a C++ program, make uninstall.
test-install: all
	@sh tests/install/run $(BUILD)

# pytest over the freshly built shared library, with Debian's python3.
test-python: all
	@SYNCCERT_LIB=$(CURDIR)/$(BUILD)/libsynccert.so.$(SOMAJOR) SYNCCERT=$(CURDIR)/$(BUILD)/synccert \
	    PYTHONPATH=$(CURDIR)/python /usr/bin/python3 -m pytest -q -p no:cacheprovider python/tests

# Regenerate doc/synccert.1 from the built CLI's help (tests/cli/t-man.sh
# checks that the committed page agrees with it).
man: $(CLI)
	sh scripts/gen-man $(CLI) > doc/synccert.1.tmp && mv doc/synccert.1.tmp doc/synccert.1

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

# Programs, both libraries, headers, synccert.pc, man pages, the Python
# package (where Debian's python3 finds it for PREFIX /usr and /usr/local).
# Runs nothing that needs root unless PREFIX does (ldconfig only as root
# without DESTDIR).  What goes where: scripts/install.
install: all
	@BUILD=$(BUILD) VERSION=$(VERSION) SOMAJOR=$(SOMAJOR) sh scripts/install install

uninstall:
	@BUILD=$(BUILD) VERSION=$(VERSION) SOMAJOR=$(SOMAJOR) sh scripts/install uninstall

clean:
	rm -rf build proofs/out
