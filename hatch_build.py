"""Wheel build hook: the .ts translations go into the wheel compiled, as the .qm files Qt reads.

An editable install (uv sync) skips it: a source checkout compiles them at start instead
(dentasync_desktop/i18n/compiled.py, which this hook loads by path: nothing is installed yet).
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

TARGET = "dentasync_desktop/_bundled/resources/translations"


class TranslationsHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            return
        root = Path(self.root)
        spec = importlib.util.spec_from_file_location(
            "_dentasync_compiled", root / "dentasync_desktop" / "i18n" / "compiled.py")
        assert spec is not None and spec.loader is not None
        compiled = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(compiled)
        self._out = Path(tempfile.mkdtemp(prefix="dentasync-qm-"))
        for ts in sorted((root / "resources" / "translations").glob("dentasync_*.ts")):
            qm = self._out / ts.with_suffix(".qm").name
            compiled.release(ts, qm)
            build_data["force_include"][str(qm)] = f"{TARGET}/{qm.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        out = getattr(self, "_out", None)
        if out is not None:
            shutil.rmtree(out, ignore_errors=True)
