"""PyInstaller entry point: the frozen app runs the same CLI as `dentasync-desktop`."""

import sys

from dentasync_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
