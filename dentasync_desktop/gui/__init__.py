"""Qt Widgets front end. Talks only to services; never to the database.

The services the window needs from its start are imported here, before any Qt module: PySide's
import hook reads the whole source of every module imported after PySide6 (looking for the word
"PySide6", for its ``__feature__`` switches), and SQLAlchemy, Babel and the layers below the GUI
are some 350 modules, a tenth of the start-up's processor time when read again that way.
"""

from ..services import (  # noqa: F401
    maintenance,
    masterdata,
    order_list,
    reminders,
    settings,
    users,
)
