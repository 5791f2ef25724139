"""Run one yflow program under CPython 3.11, the reference implementation.

    python3 tools/cpython_runner.py PROGRAM.yf [ARGS...]

yflow programs are Python 3.11 source files with a .yf extension. This runner
executes PROGRAM.yf as the __main__ module, after filling two gaps between
CPython 3.11 and yflow:

  * asyncio.coroutine was removed in CPython 3.11; yflow keeps it as the
    PEP 3156 marker for generator-based coroutines, i.e. types.coroutine.
  * `import name` must also find name.yf (and packages whose __init__ is
    __init__.yf) in the program's directory and on sys.path.

Used by cmd/yflow's TestGoldenCPython to hold the golden files to CPython.
"""
import importlib.machinery
import importlib.util
import os
import sys
import types

YF_SUFFIX = ".yf"


def install_yf_import_hook():
    """Let every sys.path directory offer NAME.yf and NAME/__init__.yf.

    A path hook (rather than a meta path finder) keeps CPython's own lookup
    order: sys.path entries are searched in order, within one directory a
    package beats a module, and a directory without any __init__ is still a
    namespace package. .yf is simply one more source-file suffix.
    """
    m = importlib.machinery
    loaders = [
        (m.ExtensionFileLoader, list(m.EXTENSION_SUFFIXES)),
        (m.SourceFileLoader, list(m.SOURCE_SUFFIXES) + [YF_SUFFIX]),
        (m.SourcelessFileLoader, list(m.BYTECODE_SUFFIXES)),
    ]
    sys.path_hooks.insert(0, m.FileFinder.path_hook(*loaders))
    # Directories already seen got finders that do not know about .yf.
    sys.path_importer_cache.clear()


class AsyncioCoroutinePatch:
    """Meta path hook: once asyncio is imported, give it asyncio.coroutine.

    Patching on import (rather than importing asyncio up front) keeps
    programs that never use asyncio as quick to start as plain python3.
    """

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "asyncio":
            return None
        sys.meta_path.remove(self)  # one-shot; also lets find_spec below work
        spec = importlib.util.find_spec("asyncio")
        if spec is None or spec.loader is None:
            return spec
        run_module_body = spec.loader.exec_module

        def exec_module(module):
            run_module_body(module)
            if not hasattr(module, "coroutine"):
                module.coroutine = types.coroutine

        spec.loader.exec_module = exec_module
        return spec


def patch_asyncio():
    if "asyncio" in sys.modules:
        asyncio = sys.modules["asyncio"]
        if not hasattr(asyncio, "coroutine"):
            asyncio.coroutine = types.coroutine
    else:
        sys.meta_path.insert(0, AsyncioCoroutinePatch())


def main():
    if len(sys.argv) < 2:
        sys.stderr.write("usage: cpython_runner.py PROGRAM.yf [ARGS...]\n")
        return 2
    program = sys.argv[1]
    sys.dont_write_bytecode = True
    install_yf_import_hook()
    patch_asyncio()

    # Look like `python3 PROGRAM.yf ARGS...` to the program itself.
    sys.argv = sys.argv[1:]
    sys.path[0] = os.path.dirname(os.path.abspath(program))

    with open(program, "rb") as f:
        source = f.read()
    code = compile(source, program, "exec")
    main_module = types.ModuleType("__main__")
    main_module.__file__ = program
    main_module.__builtins__ = __builtins__
    sys.modules["__main__"] = main_module
    exec(code, main_module.__dict__)
    return 0


if __name__ == "__main__":
    sys.exit(main())
