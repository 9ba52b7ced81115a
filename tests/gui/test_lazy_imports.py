"""Opening the finance page loads no document library: openpyxl and ReportLab cost ~0.4 s."""

from __future__ import annotations

import os
import subprocess
import sys


def test_the_finance_page_imports_no_document_library() -> None:
    code = ("import sys, dentasync_desktop.gui.finance.page; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'openpyxl', 'reportlab'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout
    assert out.strip() == "[]"
