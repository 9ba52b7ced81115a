"""Dentasync Desktop: offline work orders for dental clinics and labs."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dentasync-desktop")
except PackageNotFoundError:  # a PyInstaller bundle carries no dist-info for us
    __version__ = "0.1.0"
