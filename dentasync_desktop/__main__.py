"""Where every start begins: ``python -m dentasync_desktop``, the ``dentasync-desktop`` command
(pyproject's [project.scripts]) and the bundle (packaging/entry.py)."""

from . import collector


def main() -> int:
    # The command line's imports (SQLAlchemy, the models, the services) make most of the
    # objects a start makes, and the collector walked them over and over as they were made
    # (~80 ms of the window's start): it waits from here until the window shows (collector.py),
    # or until cli.main finds that another command was asked for.
    collector.pause()
    from .cli import main as command_line

    return command_line()


if __name__ == "__main__":
    raise SystemExit(main())
