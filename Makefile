# synccert build.  `make run` and `make check` are the two entry points named in
# the README; both install missing Debian packages first (scripts/install-deps).

CC      ?= gcc
OPT     ?= -O2 -g
# -Wno-stringop-*: GCC 12 misreads FLINT's one-element-array parameter types
# (fmpq_t inside a struct) as 8-byte regions; ASan/UBSan (make test-san)
# checks the real accesses.
WARN     = -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers \
           -Wno-stringop-overread -Wno-stringop-overflow
CFLAGS  += -std=c11 $(OPT) $(WARN) -fopenmp -D_POSIX_C_SOURCE=200809L
CPPFLAGS += -Iinclude
LDLIBS   = -lflint-arb -lflint -lmpfr -lgmp -lgsl -lopenblas -lm -lpthread
LDFLAGS += -fopenmp

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

.PHONY: all deps run check test test-san proofs proofs-report bench install uninstall clean report

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
	    LDFLAGS="-fopenmp -fsanitize=address,undefined" test

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
