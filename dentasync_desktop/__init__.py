"""Dentasync Desktop: offline work orders for dental clinics and labs."""

import sys
from importlib.metadata import PackageNotFoundError, version

# uv sync installs the app itself editable, which uv's compile-bytecode does not reach, and
# PYTHONDONTWRITEBYTECODE is set on many machines: every start then parsed the app's own ~200
# modules again (0.3-1 s). Its bytecode is written beside the sources once, read after that.
sys.dont_write_bytecode = False

try:
    __version__ = version("dentasync-desktop")
except PackageNotFoundError:  # a PyInstaller bundle carries no dist-info for us
    __version__ = "0.1.0"
