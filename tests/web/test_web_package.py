"""``newsgraph.web``: its ``serve`` is the server's function, and importing it stays light."""

from __future__ import annotations

import importlib
import subprocess
import sys


def test_serve_stays_the_function_once_its_module_is_imported() -> None:
    module = importlib.import_module("newsgraph.web.serve")  # the submodule of that name
    from newsgraph.web import serve

    assert callable(serve) and serve is module.serve


def test_importing_the_package_loads_no_web_framework() -> None:
    code = (
        "import sys, newsgraph.web; "
        "print(sorted(m for m in ('fastapi', 'uvicorn', 'starlette') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
