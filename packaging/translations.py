"""The translation sources: update the .ts files from the code, compile them to .qm.

    uv run python packaging/translations.py update     # lupdate every language
    uv run python packaging/translations.py release DIR  # lrelease every .ts into DIR

lupdate always runs with ``-locations none -no-obsolete`` so that branches changing the code in
parallel do not conflict on line numbers, and English keeps only its numerus forms ("1 page",
"%n pages"): every other English text is its own source.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from dentasync_desktop.i18n import compiled

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("de", "fr", "es", "en")
SOURCE_LANGUAGE = "en"


def tool(name: str) -> str:
    found = compiled.tool(name)
    if found is None:
        raise FileNotFoundError(f"pyside6-{name} not found: install PySide6 (uv sync)")
    return found


def sources(root: Path = ROOT) -> list[Path]:
    """What lupdate reads: every module of the package and every Designer form."""
    return sorted([*(root / "dentasync_desktop").rglob("*.py"), *(root / "ui").glob("*.ui")])


def ts_file(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"dentasync_{language}.ts"


def update(*languages: str, folder: Path = TRANSLATIONS, root: Path = ROOT) -> str:
    """Bring ``folder``'s .ts files of ``languages`` up to date with the code; returns
    lupdate's report. One run of lupdate reads the code for every language but English, which
    keeps only its numerus forms and so has a run of its own: reading the code was nearly all
    of the ~0.1 s of CPU a run took, and each file comes out as a run of its own would write
    it (the language of a file lupdate makes anew is read from its name, dentasync_xx.ts)."""
    others = [language for language in languages if language != SOURCE_LANGUAGE]
    english = [SOURCE_LANGUAGE] if SOURCE_LANGUAGE in languages else []
    reports = []
    for group, options in ((others, []), (english, ["-pluralonly"])):
        if group:
            command = [tool("lupdate"), *map(str, sources(root)), "-locations", "none",
                       "-no-obsolete", "-source-language", SOURCE_LANGUAGE, *options,
                       "-ts", *(str(ts_file(language, folder)) for language in group)]
            reports.append(subprocess.run(command, check=True, capture_output=True,
                                          text=True).stdout)
    return "".join(reports)


# English wording that "(s)" alone cannot give: (singular, plural) for a part of a source.
_ENGLISH_AGREEMENT = {"task(s) still open": ("task is still open", "tasks are still open"),
                      "connection(s) are open": ("connection is open",
                                                 "connections are open"),
                      "row(s) of {table} refer to": ("row of {table} refers to",
                                                     "rows of {table} refer to")}


def english_forms(source: str) -> tuple[str, str]:
    """ "%n page(s)" -> ("%n page", "%n pages"), with the verb agreeing where it must."""
    singular = plural = source
    for part, (one, many) in _ENGLISH_AGREEMENT.items():
        singular, plural = singular.replace(part, one), plural.replace(part, many)
    return re.sub(r"\(s\)", "", singular), re.sub(r"\(s\)", "s", plural)


def fill_english(folder: Path = TRANSLATIONS) -> int:
    """Give every unfinished English numerus message its two forms; returns how many."""
    path = ts_file(SOURCE_LANGUAGE, folder)
    tree = ElementTree.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if (message.get("numerus") != "yes" or translation is None
                or translation.get("type") != "unfinished"):
            continue
        forms = english_forms(message.findtext("source", ""))
        for form in list(translation):
            translation.remove(form)
        for text in forms:
            ElementTree.SubElement(translation, "numerusform").text = text
        del translation.attrib["type"]
        filled += 1
    with path.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    return filled


def release_all(out_dir: Path, folder: Path = TRANSLATIONS) -> list[Path]:
    made = []
    for language in LANGUAGES:
        ts = ts_file(language, folder)
        if ts.is_file():
            qm = out_dir / ts.with_suffix(".qm").name
            compiled.release(ts, qm)
            made.append(qm)
    return made


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        print(update(*(argv[1:] or LANGUAGES)).strip())
        if SOURCE_LANGUAGE in (argv[1:] or LANGUAGES):
            print(f"English numerus forms filled in: {fill_english()}")
            update(SOURCE_LANGUAGE)  # back in lupdate's own layout
        return 0
    if argv[:1] == ["release"] and len(argv) == 2:
        for qm in release_all(Path(argv[1])):
            print(qm)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
