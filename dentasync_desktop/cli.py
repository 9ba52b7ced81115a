"""The ``dentasync-desktop`` command: starts the window, or runs one maintenance command.

Adding a sub-command is one ``_name(context, args) -> int`` function and one block in
``build_parser`` that calls ``set_defaults(run=_name)``.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, app, collector, relaunch
from .app import EXIT_OK, EXIT_PROBLEM, AppContext
from .db.server import redacted
from .documents.print_options import LABEL_SIZES, SECTIONS
from .domain.dto import Actor, UserInput
from .domain.enums import PaymentMethod, PaymentStatus, Role
from .domain.error_text import problem_words
from .domain.errors import DatabaseProblem, PermissionDenied, ValidationError
from .domain.formats import datetime_text, money_text, number_text
from .domain.money import CURRENCY_EXPONENTS, Money
from .domain.numbers import parse_number
from .domain.validation import date_range
from .i18n import (
    LANGUAGES,
    QT_TRANSLATE_NOOP,
    default_language,
    environment_language,
    in_sentence,
    label,
    set_default_language,
    translate,
)
from .paths import AppPaths

# printing, reports and server_move load the order detail and finance queries and their DTOs
# (~50 ms): their commands import them, as every start of the window comes through here.
from .services import maintenance, users
from .services.report_options import FORMATS, VIEWS

if TYPE_CHECKING:
    from .services import server_move

EXIT_USAGE = 2
PASSWORD_VARIABLE = "DENTASYNC_PASSWORD"
NEW_PASSWORD_VARIABLE = "DENTASYNC_NEW_PASSWORD"
LANGUAGE_VARIABLE = "DENTASYNC_LANG"

# A backup into the data folder's own backups folder reveals nothing to whoever runs it, so it
# needs no sign-in; every command that hands out or changes clinic data signs a user in.
LOCAL_BACKUP_ACTOR = Actor(None, "cli", "Command line", Role.FRONT_DESK)


class UsageProblem(Exception):
    """Wrong or missing options: the message is printed and the exit code is 2."""

# No backslash line continuations here: lupdate would keep their newline in the source text.
DESCRIPTION = QT_TRANSLATE_NOOP(
    "cli", "Dentasync Desktop: offline work orders for dental clinics and dental labs.\n"
           "Without a command it opens the application window.")

EPILOG = QT_TRANSLATE_NOOP("cli", """where the data lives:
  The database, backups, attachments and exports live in the user data folder, logs in the
  user log folder (run 'dentasync-desktop check' to see them). --data-dir DIR or the
  DENTASYNC_DATA_DIR environment variable puts everything under DIR instead. --demo uses a
  separate database in a 'demo' sub-folder and fills it with demo data on first use.
  --database-url postgresql+psycopg://USER@HOST:5432/DATABASE (or DENTASYNC_DATABASE_URL)
  uses a PostgreSQL server shared by several PCs instead; the data folder remembers it
  (without the password, which goes to the OS keyring or comes from
  $DENTASYNC_DATABASE_PASSWORD). --database-url local goes back to this computer's file.

exit codes:
  0 done, 1 a problem (the message says what), 2 wrong usage, 130 interrupted

examples:
  dentasync-desktop --demo                  open the window on the demo database
  dentasync-desktop check                   is the database sound and up to date?
  dentasync-desktop backup                  back up into the backups folder
  dentasync-desktop backup -o ~/wo.sqlite3 --user anna
  dentasync-desktop restore BACKUP_FILE --user anna
  dentasync-desktop print order WO-000123 -o wo.pdf --user anna
  dentasync-desktop report finance --view labs --format xlsx -o labs.xlsx --user anna
  dentasync-desktop --data-dir /tmp/big seed --orders 100000
  dentasync-desktop user add anna --role admin --full-name "Anna Schäfer"
  dentasync-desktop --lang de check         messages in German (or $DENTASYNC_LANG)

signing in:
  print, report, backup -o, restore, user, and seed into a database in use need
  --user NAME; the password is asked for, or taken from $DENTASYNC_PASSWORD.""")


def _gui(context: AppContext, _args: argparse.Namespace) -> int:
    return app.start_gui(context)


def _password(prompt: str, variable: str, language: str, twice: bool = False) -> str:
    """From ``variable`` if set, otherwise asked for without echo (``twice`` to confirm)."""
    given = os.environ.get(variable)
    if given is not None:
        return given
    if sys.stdin is None or not sys.stdin.isatty():
        raise UsageProblem(translate(
            "cli", "no password: set {variable} or run the command in a terminal", None,
            language).format(variable=variable))
    password = getpass.getpass(prompt)
    if twice and getpass.getpass(translate("cli", "Repeat the password: ", None,
                                           language)) != password:
        raise UsageProblem(translate("cli", "the two passwords differ", None, language))
    return password


def _sign_in(context: AppContext, args: argparse.Namespace) -> Actor:
    """The --user, signed in with the password from the environment or a prompt."""
    language = args.language
    if not args.user:
        raise UsageProblem(translate(
            "cli", "{command}: this command reads or changes clinic data; sign in with --user "
            "NAME (the password is asked for, or taken from {variable})", None,
            language).format(command=args.command, variable=PASSWORD_VARIABLE))
    password = _password(translate("cli", "Password for {name}: ", None, language).format(
        name=args.user), PASSWORD_VARIABLE, language)
    return users.sign_in(context.database().uow_factory(), args.user, password)


def _seed(context: AppContext, args: argparse.Namespace) -> int:
    from .services.seed import seed  # the data set generator: not for any other command

    database, language, orders = context.database(), args.language, args.orders
    if users.has_active_users(database.uow_factory()):
        actor = _sign_in(context, args)
        if actor.role is not Role.ADMIN:
            raise PermissionDenied(code="seed_needs_admin")
    where = _where(context.paths)
    print(translate("cli", "Seeding %n order(s) (seed {seed}) into {path}", None, language,
                    orders).format(seed=args.seed, path=where))
    started = time.perf_counter()
    stats = seed(database.uow_factory, args.orders, seed=args.seed,
                 progress=_show_progress if sys.stderr is not None and sys.stderr.isatty()
                 else None)
    elapsed = time.perf_counter() - started
    rows = [(translate("cli", _SEEDED[name], None, language), value)
            for name, value in asdict(stats).items()]
    width = max(len(words) for words, _ in rows) + 2
    for words, value in rows:
        print(f"  {words:<{width}}{number_text(value, language):>12}")
    print(translate("cli", "Done in {seconds} s ({rate} orders/s).", None, language).format(
        seconds=number_text(Decimal(f"{elapsed:.1f}"), language),
        rate=number_text(round(orders / max(elapsed, 1e-9)), language)))
    return EXIT_OK


# What `seed` wrote, one line each (services.seed.SeedStats).
_SEEDED = {
    "orders": QT_TRANSLATE_NOOP("cli", "orders"),
    "items": QT_TRANSLATE_NOOP("cli", "items"),
    "tasks": QT_TRANSLATE_NOOP("cli", "tasks"),
    "plans": QT_TRANSLATE_NOOP("cli", "payment plans"),
    "installments": QT_TRANSLATE_NOOP("cli", "installments"),
    "payments": QT_TRANSLATE_NOOP("cli", "payments"),
    "events": QT_TRANSLATE_NOOP("cli", "events"),
    "comments": QT_TRANSLATE_NOOP("cli", "comments"),
    "labs": QT_TRANSLATE_NOOP("cli", "labs"),
    "customers": QT_TRANSLATE_NOOP("cli", "customers"),
    "patients": QT_TRANSLATE_NOOP("cli", "patients"),
    "services": QT_TRANSLATE_NOOP("cli", "services"),
    "staff": QT_TRANSLATE_NOOP("cli", "staff"),
    "first_number": QT_TRANSLATE_NOOP("cli", "first number"),
    "last_number": QT_TRANSLATE_NOOP("cli", "last number"),
}


def _show_progress(done: int, total: int) -> None:
    end = "\n" if done >= total else ""
    language = default_language()
    print("\r  " + translate("cli", "{done} / {total} orders", None, language).format(
        done=number_text(done, language), total=number_text(total, language)), end=end,
          file=sys.stderr, flush=True)


# What `check` looked at, one line each (maintenance.CheckReport.places).
_PLACES = {
    "database": QT_TRANSLATE_NOOP("cli", "database: {where}"),
    "backups": QT_TRANSLATE_NOOP("cli", "backups: {where}"),
    "attachments": QT_TRANSLATE_NOOP("cli", "attachments: {where}"),
    "logs": QT_TRANSLATE_NOOP("cli", "logs: {where}"),
    "settings": QT_TRANSLATE_NOOP("cli", "settings: {where}"),
    "migrations": QT_TRANSLATE_NOOP("cli", "migrations: {where}"),
}


def _check_lines(report: maintenance.CheckReport, language: str) -> list[str]:
    lines = [translate("cli", _PLACES[kind], None, language).format(where=where)
             for kind, where in report.places]
    if report.schema is not None:
        found, head = report.schema
        lines.append(translate("cli", "schema: {found} (newest: {head})", None,
                               language).format(found=found or "-", head=head))
    newest = report.newest_backup
    lines.append(translate("cli", "newest backup: none", None, language) if newest is None
                 else translate("cli", "newest backup: {path} (made on {host}, {when})", None,
                                language).format(path=newest.path, host=newest.host,
                                                 when=datetime_text(newest.made_at, language)))
    return lines


def _check(context: AppContext, args: argparse.Namespace) -> int:
    report, language = maintenance.check(context.paths), args.language
    for line in _check_lines(report, language):
        print(line)
    if report.ok:
        print(translate("cli", "OK: no problems found.", None, language))
        return EXIT_OK
    for problem in report.problems:
        print(translate("cli", "PROBLEM: {problem}", None, language).format(
            problem=problem_words(problem, language)))
    return EXIT_PROBLEM


def _where(paths: AppPaths) -> str | Path:
    """The database as people are shown it: the file, or the server without its password."""
    return redacted(paths.database_url) if paths.database_url else paths.database


def _backup(context: AppContext, args: argparse.Namespace) -> int:
    database, language = context.paths.database, args.language
    if not context.paths.on_server and not database.is_file():
        print(translate("cli", "There is no database at {path} to back up.", None,
                        language).format(path=database))
        return EXIT_PROBLEM
    target = Path(args.output).expanduser() if args.output else None
    if target is not None and target.is_dir():
        print(translate("cli", "-o: {path} is a folder; give the name of the backup file to "
                               "write.", None, language).format(path=target))
        return EXIT_PROBLEM
    actor = LOCAL_BACKUP_ACTOR if target is None else _sign_in(context, args)
    made = maintenance.back_up_now(actor, context.paths, target)
    print(translate("cli", "Backed up {path} to {target}", None, language).format(
        path=_where(context.paths), target=made))
    return EXIT_OK


def _restore(context: AppContext, args: argparse.Namespace) -> int:
    candidate, language = Path(args.file).expanduser().resolve(), args.language
    actor = None
    try:
        in_use = ((context.paths.on_server or context.paths.database.exists())
                  and users.has_active_users(context.database().uow_factory()))
    except DatabaseProblem:
        # A damaged database has no users to ask; whoever could damage the file could also
        # have replaced it, so refusing here would only keep the clinic from its backup.
        in_use = False
    if in_use:
        actor = _sign_in(context, args)
    # Our own connection would otherwise keep writing to the replaced file (on a server, it
    # would count as another PC's and refuse the restore).
    context.close()
    if actor is None:
        safety = maintenance.restore_file(context.paths, candidate)
    else:
        safety = maintenance.restore_from(actor, context.paths, candidate)
    print(translate("cli", "Restored {backup} into {path}", None, language).format(
        backup=candidate, path=_where(context.paths)))
    if safety is None:
        print(translate("cli", "There was no previous database to keep.", None, language))
    else:
        print(translate("cli", "The previous database was kept as {path}", None,
                        language).format(path=safety))
    return EXIT_OK


def _migrate_to(context: AppContext, args: argparse.Namespace) -> int:
    from .services import server_move

    paths, language = context.paths, args.language
    server_move.check_source(paths)
    # A file no one can sign in to yet (only seeded, say) is moved by whoever holds it.
    actor = (_sign_in(context, args) if users.has_active_users(context.database().uow_factory())
             else LOCAL_BACKUP_ACTOR)
    # The move needs the file to itself: our own connection would refuse it.
    context.close()
    where = redacted(args.url)
    print(translate("cli", "Moving {path} to {url}", None, language).format(
        path=paths.database, url=where))
    started = time.perf_counter()
    report = server_move.move_to_server(actor, paths, args.url,
                                        progress=_CopyProgress(language))
    elapsed = number_text(Decimal(f"{time.perf_counter() - started:.1f}"), language)
    width = max(len(move.table) for move in report.tables)
    table = translate("cli", "Table", None, language)
    rows = translate("cli", "Rows", None, language)
    totals = translate("cli", "Money totals", None, language)
    print(f"  {table:<{width}}  {rows:>10}  {totals}")
    for move in report.tables:
        lines = _totals_lines(move.source, language) or [""]
        print(f"  {move.table:<{width}}  {number_text(move.source.rows, language):>10}  "
              f"{lines[0]}".rstrip())
        for line in lines[1:]:
            print(f"  {'':<{width}}  {'':>10}  {line}")
    if not report.ok:
        for move in report.tables:
            if not move.equal:
                print(translate("cli", "DIFFERENT: {table}: here {rows} row(s) {totals}, on "
                                       "the server {server_rows} row(s) {server_totals}", None,
                                language).format(
                    table=move.table, rows=number_text(move.source.rows, language),
                    totals="; ".join(_totals_lines(move.source, language)),
                    server_rows=number_text(move.target.rows, language),
                    server_totals="; ".join(_totals_lines(move.target, language))))
        print(translate("cli", "The copy differs from the file; nothing was kept on the "
                               "server.", None, language))
        return EXIT_PROBLEM
    stored, missing = report.files, len(report.missing_files)
    print(translate("cli", "Attached files and the logo put into the server's database: %n",
                    None, language, stored))
    if missing:
        print(translate("cli", "MISSING: %n attached file(s) are not in {folder}: their orders "
                               "still list them, but they cannot be opened on the server. "
                               "The log names them.", None, language, missing).format(
            folder=paths.attachments_dir))
    moved = report.rows
    print(translate("cli", "OK: %n row(s) moved in {seconds} s; the rows and money totals of "
                           "every table are the same on the server.", None, language,
                    moved).format(seconds=elapsed))
    if args.remember:
        server_move.remember_server(paths, args.url)
        print(translate("cli", "This data folder uses the server from now on; its file stays "
                               "as it was.", None, language))
    else:
        print(translate("cli", "To use the server from now on, run on each PC: {command}", None,
                        language).format(
            command=f"dentasync-desktop --database-url '{where}' check"))
    return EXIT_OK


class _CopyProgress:
    """A line on stderr every few seconds while a long copy runs."""

    EVERY_S = 2.0

    def __init__(self, language: str) -> None:
        self.language = language
        self.shown: float | None = None

    def __call__(self, table: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if self.shown is None:
            self.shown = now
        if sys.stderr is None or now - self.shown < self.EVERY_S:
            return
        self.shown = now
        language = self.language
        line = translate("cli", "{table}: {done} of {total} rows", None, language)
        print("  " + line.format(table=table, done=number_text(done, language),
                                 total=number_text(total, language)),
              file=sys.stderr, flush=True)


def _totals_lines(figures: server_move.Figures, language: str) -> list[str]:
    """One line per currency: "paid €900.00, price_total €1,650.00"."""
    by_currency: dict[str, list[str]] = {}
    for currency, money, total in figures.totals:
        by_currency.setdefault(currency, []).append(
            f"{money} {_amount(total, currency, language)}")
    return [", ".join(sums) for sums in by_currency.values()]


def _amount(minor: int, currency: str, language: str) -> str:
    if currency in CURRENCY_EXPONENTS:
        return money_text(Money(minor, currency), language)
    return number_text(minor, language)


def _print(context: AppContext, args: argparse.Namespace) -> int:
    from .services import printing

    actor, language = _sign_in(context, args), args.language
    uow = context.database().uow_factory()
    number = parse_number(args.number)
    target = Path(args.output).expanduser()
    if args.document == "order":
        sections = None if args.sections is None else args.sections.split(",")
        result = printing.print_order_form(uow, actor, number, target, sections, args.paper)
    elif args.document == "label":
        result = printing.print_box_label(uow, actor, number, target, args.size)
    else:
        result = printing.print_payment_instructions(uow, actor, number, target)
    for note in result.notes:
        print(translate("cli", "Note: {note}", None, language).format(note=note))
    print(translate("cli", "Wrote {path}", None, language).format(path=result.path))
    return EXIT_OK


def _report(context: AppContext, args: argparse.Namespace) -> int:
    from .domain.dto import FinanceFilter
    from .services import reports

    actor, language = _sign_in(context, args), args.language
    uow_factory = context.database().uow_factory
    if args.status and args.view == "labs":
        print(translate("cli", "--status: the labs view has no payment-status filter; use "
                               "--view orders", None, language), file=sys.stderr)
        return EXIT_USAGE
    try:
        date_range(args.date_from, args.date_to, "from")
    except ValidationError:
        print(translate("cli", "--from: the start date is after the --to date", None,
                        language), file=sys.stderr)
        return EXIT_USAGE
    try:
        lab_id = None if args.lab is None else reports.lab_named(uow_factory(), actor,
                                                                  args.lab)
    except ValidationError as error:
        print(f"--lab: {error.reason}", file=sys.stderr)
        return EXIT_USAGE
    flt = FinanceFilter(args.date_from, args.date_to, lab_id,
                        PaymentMethod(args.method) if args.method else None,
                        PaymentStatus(args.status) if args.status else None)
    written = reports.export_finance(uow_factory, actor, args.view, flt, args.format,
                                     Path(args.output).expanduser())
    print(translate("cli", "Wrote {path}", None, language).format(path=written))
    return EXIT_OK


def _user_list(context: AppContext, args: argparse.Namespace) -> int:
    actor, language = _sign_in(context, args), args.language
    accounts = users.list_users(context.database().uow_factory(), actor)
    titles = (translate("cli", "USER", None, language), translate("cli", "ROLE", None, language),
              translate("cli", "STATUS", None, language), translate("cli", "NAME", None, language))
    print(f"{titles[0]:<20} {titles[1]:<14} {titles[2]:<12} {titles[3]}")
    for account in accounts:
        status = (translate("cli", "active", None, language) if account.active
                  else translate("cli", "deactivated", None, language))
        role = label(account.role, language)
        print(f"{account.username:<20} {role:<14} {status:<12} {account.full_name}")
    return EXIT_OK


def _user_add(context: AppContext, args: argparse.Namespace) -> int:
    factory, language = context.database().uow_factory, args.language
    role = Role(args.role)
    full_name = args.full_name or args.name
    prompt = translate("cli", "Password for {name}: ", None, language).format(name=args.name)
    if not args.user and users.needs_first_admin(factory()):
        # Nobody could sign in to add them: the first administrator comes without a sign-in.
        if role is not Role.ADMIN:
            raise UsageProblem(translate("cli", "user add: there is no active administrator "
                                                "yet; add one first (--role admin)", None,
                                         language))
        password = _password(prompt, PASSWORD_VARIABLE, language, twice=True)
        users.create_first_admin(factory(), args.name, full_name, password)
    else:
        actor = _sign_in(context, args)
        password = _password(prompt, NEW_PASSWORD_VARIABLE, language, twice=True)
        users.save_user(factory(), actor, UserInput(
            username=args.name, full_name=full_name, role=role, password=password))
    print(translate("cli", "Added {role} {name}.", None, language).format(
        role=in_sentence(label(role, language), language), name=args.name.strip().lower()))
    return EXIT_OK


def _user_passwd(context: AppContext, args: argparse.Namespace) -> int:
    factory, language = context.database().uow_factory, args.language
    actor = _sign_in(context, args)
    name = args.name.strip().lower()
    target = next((u for u in users.list_users(factory(), actor) if u.username == name), None)
    if target is None:
        raise ValidationError("user", code="no_such_user", params={"name": name})
    password = _password(translate("cli", "New password for {name}: ", None, language).format(
        name=name), NEW_PASSWORD_VARIABLE, language, twice=True)
    users.reset_password(factory(), actor, target.id, password)
    print(translate("cli", "Changed the password of {name}.", None, language).format(
        name=name))
    return EXIT_OK


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate(
            "cli", "not a date (use YYYY-MM-DD): {text}").format(text=repr(text))) from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate(
            "cli", "not a whole number: {text}").format(text=repr(text))) from None
    if value < 1:
        raise argparse.ArgumentTypeError(translate(
            "cli", "must be at least 1, not {value}").format(value=value))
    return value


def _global_options(suppress: bool, language: str) -> argparse.ArgumentParser:
    """--data-dir, --demo, --user and --lang, accepted before or after the command name.

    After the command their default is SUPPRESS, so they only override when actually given.
    """
    options = argparse.ArgumentParser(add_help=False)
    group = options.add_argument_group(translate("cli", "where the data lives", None,
                                                 language))
    group.add_argument(
        "--data-dir", metavar="DIR", default=argparse.SUPPRESS if suppress else None,
        help=translate("cli", "keep the database, backups, attachments and logs under DIR "
                              "(default: $DENTASYNC_DATA_DIR, else the user data folder)", None,
                       language))
    group.add_argument(
        "--database-url", metavar="URL", default=argparse.SUPPRESS if suppress else None,
        help="use the PostgreSQL server at URL (postgresql+psycopg://user@host:5432/database) "
             "from now on, 'local' for this computer's database file "
             "(default: $DENTASYNC_DATABASE_URL, else what the data folder remembers)")
    group.add_argument(
        "--demo", action="store_true", default=argparse.SUPPRESS if suppress else False,
        help=translate("cli", "use the separate demo database, filled with demo data on first "
                              "use (users admin/admin123, manager/manager123, desk/desk1234, "
                              "tech/tech1234)", None, language))
    signing_in = options.add_argument_group(translate("cli", "signing in", None, language))
    signing_in.add_argument(
        "--user", metavar="NAME", default=argparse.SUPPRESS if suppress else None,
        help=translate("cli", "sign in as NAME for commands that read or change clinic data "
                              "(print, report, backup -o, restore, seed into a database in use, "
                              "user); the password is asked for, or taken from ${variable}",
                       None, language).format(variable=PASSWORD_VARIABLE))
    words = options.add_argument_group(translate("cli", "language", None, language))
    words.add_argument(
        "--lang", dest="language", choices=tuple(LANGUAGES),
        default=argparse.SUPPRESS if suppress else language,
        help=translate("cli", "the language of messages and documents (default: "
                              "${variable}, else the system's language when translated, else "
                              "English)", None, language).format(variable=LANGUAGE_VARIABLE))
    return options


def chosen_language(argv: Sequence[str]) -> str:
    """--lang LANG (or --lang=LANG) wherever it is given, else $DENTASYNC_LANG, else the
    system's language when it is translated, else English."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang", choices=tuple(LANGUAGES))
    try:
        given, _rest = early.parse_known_args(list(argv))
    except SystemExit:  # a wrong --lang: the full parser explains it in the default language
        given = argparse.Namespace(lang=None)
    chosen: str | None = given.lang
    return chosen or environment_language()


def build_parser(language: str = "en") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dentasync-desktop", description=translate("cli", DESCRIPTION, None, language),
        epilog=translate("cli", EPILOG, None, language),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[_global_options(False, language)])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--smoke", action="store_true",
        help=translate("cli", "check this installation end to end in a temporary data folder, "
                              "without a screen (migrations, main window, an order, its printed "
                              "form, a finance export)", None, language))
    parser.set_defaults(run=_gui)
    commands = parser.add_subparsers(title=translate("cli", "commands", None, language),
                                     metavar="COMMAND", dest="command")
    common = [_global_options(True, language)]

    sub = commands.add_parser(
        "seed", parents=common,
        help=translate("cli", "fill the database with synthetic data at scale", None, language),
        description=translate("cli", "Add reproducible synthetic labs, dentists, patients and "
                                     "work orders (with payments and events) to the database, "
                                     "and print what was made.", None, language))
    sub.add_argument("--orders", type=_positive, required=True, metavar="N",
                     help=translate("cli", "number of work orders to create", None, language))
    sub.add_argument("--seed", type=int, default=0, metavar="S",
                     help=translate("cli", "random seed; the same seed gives the same data "
                                           "(default 0)", None, language))
    sub.set_defaults(run=_seed)

    sub = commands.add_parser(
        "check", parents=common,
        help=translate("cli", "check the database and the folders", None, language),
        description=translate("cli", "Check the database's integrity, that its schema is up to "
                                     "date and complete, that no row refers to a missing one, "
                                     "that stored paid amounts match the payments, and that the "
                                     "folders exist. Prints the folders in use and one PROBLEM "
                                     "line per problem. Exit code 1 on a problem.", None,
                              language))
    sub.set_defaults(run=_check)

    sub = commands.add_parser(
        "backup", parents=common,
        help=translate("cli", "back up the database now", None, language),
        description=translate("cli", "Copy the database consistently, even while the "
                                     "application is open. Without -o the copy goes to the "
                                     "backups folder (the newest 20 are kept). A database "
                                     "server is copied with PostgreSQL's pg_dump into a .dump "
                                     "file; pg_dump must be installed on this PC.", None,
                              language))
    sub.add_argument("-o", "--output", metavar="FILE",
                     help=translate("cli", "write the backup to FILE instead", None, language))
    sub.set_defaults(run=_backup)

    sub = commands.add_parser(
        "restore", parents=common,
        help=translate("cli", "replace the database with a backup", None, language),
        description=translate("cli", "Replace the database with FILE after checking that FILE "
                                     "is a sound, complete Dentasync Desktop database this "
                                     "version can open. The current database is kept in the "
                                     "backups folder first. Works when the current database is "
                                     "damaged. Refused while the application or another "
                                     "command has the database open. On a database server FILE "
                                     "is a backup made with pg_dump (pg_restore must be "
                                     "installed on this PC), and the restore is refused while "
                                     "other PCs are connected.", None, language))
    sub.add_argument("file", metavar="FILE",
                     help=translate("cli", "the backup file to restore", None, language))
    sub.set_defaults(run=_restore)

    sub = commands.add_parser(
        "migrate-to", parents=common,
        help=translate("cli", "move this data folder's database to a PostgreSQL server",
                       None, language),
        description=translate("cli", "Copy every row of this data folder's database file into "
                                     "the empty PostgreSQL database at URL, after creating its "
                                     "tables there. Then compare the rows and money totals of "
                                     "every table on both sides and print them. Refused while "
                                     "the application or another command has the file open, "
                                     "when the file needs an upgrade first, and when the "
                                     "server's database holds data already. Exit code 1 when "
                                     "anything differs (nothing is then kept on the server). "
                                     "The file itself is not changed. Attachment files stay in "
                                     "this data folder.", None, language))
    sub.add_argument("url", metavar="URL",
                     help=translate("cli", "the empty server database: "
                                           "postgresql+psycopg://USER:PASSWORD@HOST:5432/DATABASE",
                                    None, language))
    sub.add_argument("--remember", action="store_true",
                     help=translate("cli", "afterwards point this data folder at the server "
                                           "(the password goes to the OS keyring)", None,
                                    language))
    sub.set_defaults(run=_migrate_to)

    sub = commands.add_parser(
        "print", parents=common,
        help=translate("cli", "print an order form, box label or payment instructions", None,
                       language),
        description=translate("cli", "Write one work order's form, box label or payment "
                                     "instructions to a PDF file. NUMBER is the order number as "
                                     "shown (WO-000123) or just 123. The form, label and "
                                     "instructions are in the language set for the order's "
                                     "dental lab, else in the language of the messages.", None,
                              language))
    documents = sub.add_subparsers(title=translate("cli", "documents", None, language),
                                   metavar="DOCUMENT", dest="document", required=True)
    order_args = argparse.ArgumentParser(add_help=False, parents=common)
    order_args.add_argument("number", metavar="NUMBER",
                            help=translate("cli", "the work order: WO-000123 or 123", None,
                                           language))
    order_args.add_argument("-o", "--output", metavar="FILE", required=True,
                            help=translate("cli", "the PDF file to write", None, language))
    doc = documents.add_parser("order", parents=[order_args],
                               help=translate("cli", "the work-order form", None, language))
    doc.add_argument("--sections", metavar="A,B,C",
                     help=translate("cli", "sections to print, comma-separated: {sections} "
                                           "(default: as last chosen in the app)", None,
                                    language).format(sections=", ".join(SECTIONS)))
    doc.add_argument("--paper", choices=("a4", "letter"),
                     help=translate("cli", "paper size (default: Settings)", None, language))
    doc = documents.add_parser("label", parents=[order_args],
                               help=translate("cli", "a box label", None, language))
    doc.add_argument("--size", choices=tuple(LABEL_SIZES), default="62x29",
                     help=translate("cli", "label size in mm or inches (default: 62x29)", None,
                                    language))
    documents.add_parser("instructions", parents=[order_args],
                         help=translate("cli", "payment instructions: the lab's bank details "
                                               "and the amount due", None, language))
    sub.set_defaults(run=_print)

    sub = commands.add_parser(
        "report", parents=common,
        help=translate("cli", "write a finance report (XLSX, PDF or CSV)", None, language),
        description=translate("cli", "Write a report of the finance page, as its tabs show "
                                     "it. Cancelled orders are excluded.", None, language))
    kinds = sub.add_subparsers(title=translate("cli", "reports", None, language),
                               metavar="REPORT", dest="report", required=True)
    rep = kinds.add_parser(
        "finance", parents=common,
        help=translate("cli", "paid, total and outstanding per lab or per order", None,
                       language),
        description=translate("cli", "The Dental labs or Work orders tab of the finance page "
                                     "with the given filters (on the documented date), as an "
                                     "XLSX, PDF or CSV file.", None, language))
    rep.add_argument("--view", choices=VIEWS, required=True,
                     help=translate("cli", "labs: one row per lab and currency; orders: one row "
                                           "per work order", None, language))
    rep.add_argument("--from", dest="date_from", type=_iso_date, metavar="DATE",
                     help=translate("cli", "first documented date, YYYY-MM-DD", None, language))
    rep.add_argument("--to", dest="date_to", type=_iso_date, metavar="DATE",
                     help=translate("cli", "last documented date, YYYY-MM-DD", None, language))
    rep.add_argument("--lab", metavar="NAME",
                     help=translate("cli", "only this dental lab (its full name)", None,
                                    language))
    rep.add_argument("--method", choices=[m.value for m in PaymentMethod],
                     help=translate("cli", "only orders paid by this payment method", None,
                                    language))
    rep.add_argument("--status", choices=[s.value for s in PaymentStatus],
                     help=translate("cli", "only orders with this payment status (orders view)",
                                    None, language))
    rep.add_argument("--format", choices=FORMATS, required=True,
                     help=translate("cli", "xlsx (Excel), pdf, or csv (UTF-8 with BOM)", None,
                                    language))
    rep.add_argument("-o", "--output", metavar="FILE", required=True,
                     help=translate("cli", "the file to write", None, language))
    sub.set_defaults(run=_report)

    sub = commands.add_parser(
        "user", parents=common,
        help=translate("cli", "list users, add a user, set a password", None, language),
        description=translate("cli", "Manage the user accounts. Needs an administrator's "
                                     "--user, except to add the first administrator while the "
                                     "database has no active one (after 'seed', for example). "
                                     "New passwords are asked for twice, or taken from "
                                     "${new_variable} (${variable} for the first "
                                     "administrator).", None, language).format(
            new_variable=NEW_PASSWORD_VARIABLE, variable=PASSWORD_VARIABLE))
    actions = sub.add_subparsers(title=translate("cli", "actions", None, language),
                                 metavar="ACTION", dest="action", required=True)
    act = actions.add_parser("list", parents=common,
                             help=translate("cli", "every user with role and status", None,
                                            language))
    act.set_defaults(run=_user_list)
    act = actions.add_parser("add", parents=common,
                             help=translate("cli", "add a user", None, language))
    act.add_argument("name", metavar="NAME",
                     help=translate("cli", "the user name to sign in with", None, language))
    act.add_argument("--role", choices=[r.value for r in Role], required=True,
                     help=translate("cli", "what the user may do", None, language))
    act.add_argument("--full-name", metavar="TEXT",
                     help=translate("cli", "the name shown (default: NAME)", None, language))
    act.set_defaults(run=_user_add)
    act = actions.add_parser("passwd", parents=common,
                             help=translate("cli", "set a user's password", None, language))
    act.add_argument("name", metavar="NAME",
                     help=translate("cli", "whose password to set", None, language))
    act.set_defaults(run=_user_passwd)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    language = chosen_language(arguments)
    # Refusals raised inside the services are worded in it too.
    set_default_language(language)
    parser = build_parser(language)
    try:
        args = parser.parse_args(arguments)
    except SystemExit as stop:  # --help, --version, or a usage error already explained
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    set_default_language(args.language)
    # The collector waits for a window only (__main__): the window's, or the smoke test's, which
    # starts as the window's does.
    if args.run is not _gui and not args.smoke:
        collector.resume_after_start()
    if args.smoke:
        return app.smoke()

    def command(context: AppContext) -> int:
        try:
            return int(args.run(context, args))
        except UsageProblem as problem:
            print(problem, file=sys.stderr)
            return EXIT_USAGE

    code = app.run(command, data_dir=args.data_dir, demo=args.demo,
                   database_url=args.database_url)
    if code == relaunch.EXIT_RESTART:  # the window and the database are closed by now
        return EXIT_OK if relaunch.relaunch() else EXIT_PROBLEM
    return code
