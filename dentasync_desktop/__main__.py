"""``python -m dentasync_desktop`` behaves like the ``dentasync-desktop`` command."""

from .cli import main

raise SystemExit(main())
