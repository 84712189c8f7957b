"""Loading libsynccert.so.0 and calling its one entry point, sc_bind_call.

The library takes every input as a string exactly as on the command line and
returns one JSON text (or the CLI's one-line error message), so nothing here
depends on Arb's or synccert's struct layouts: ctypes only passes strings.
No compiler is needed and nothing is fetched.

Where the library is looked for, in this order:
  1. $SYNCCERT_LIB (a path to libsynccert.so.0), if set;
  2. the path `make install` recorded in _libpath.py;
  3. build/libsynccert.so.0 of the source tree this package sits in
     (python/synccert/ -> ../../build/), for use straight from a checkout;
  4. "libsynccert.so.0" through the dynamic loader's search path.
"""

import ctypes
import json
import os

from ._types import error_class

SONAME = "libsynccert.so.0"


def _candidates():
    env = os.environ.get("SYNCCERT_LIB")
    if env:
        return [env]
    found = []
    try:
        from ._libpath import LIBRARY  # written by `make install`
        found.append(LIBRARY)
    except ImportError:
        pass
    here = os.path.dirname(os.path.abspath(__file__))
    found.append(os.path.join(here, os.pardir, os.pardir, "build", SONAME))
    found.append(SONAME)
    return found


def _load():
    tried = []
    for path in _candidates():
        if os.sep in path and not os.path.exists(path):
            tried.append(path + " (missing)")
            continue
        try:
            lib = ctypes.CDLL(path)
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
            continue
        lib.sc_bind_call.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_char_p,
                                     ctypes.c_char_p, ctypes.POINTER(ctypes.c_char_p)]
        lib.sc_bind_call.restype = ctypes.c_int
        lib.sc_bind_free.argtypes = [ctypes.c_void_p]
        lib.sc_bind_free.restype = None
        lib.sc_bind_version.argtypes = []
        lib.sc_bind_version.restype = ctypes.c_char_p
        return lib, path
    raise ImportError("synccert: cannot load %s; tried: %s.  Build it with `make` or "
                      "install it with `make install`, or set SYNCCERT_LIB to its path."
                      % (SONAME, "; ".join(tried)))


LIB, LIBRARY_PATH = _load()
LIBRARY_VERSION = LIB.sc_bind_version().decode()


def _encode(s):
    return None if s is None else s.encode("utf-8")


def call(command, act, options):
    """Run `command` on the activation spec `act` (or None) with options, a list
    of (CLI option name, string value) pairs; return the parsed JSON.  Raises
    the SynccertError subclass for the library's status, with its message."""
    flat = []
    for name, value in options:
        if value is not None:
            flat += [_encode(name), _encode(value)]
    kv = (ctypes.c_char_p * (len(flat) + 1))(*flat, None)
    out = ctypes.c_void_p()
    status = LIB.sc_bind_call(ctypes.byref(out), _encode(command), _encode(act), kv)
    if not out.value:
        raise MemoryError("synccert: out of memory")
    try:
        text = ctypes.string_at(out.value).decode("utf-8")
    finally:
        LIB.sc_bind_free(out)
    if status != 0:
        raise error_class(status)(text, status=status, command=command)
    return json.loads(text)
