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
from pathlib import Path

from . import __version__, app
from .app import EXIT_OK, EXIT_PROBLEM, AppContext
from .domain.dto import Actor, FinanceFilter, UserInput
from .domain.enums import PaymentMethod, PaymentStatus, Role
from .domain.errors import DatabaseProblem, PermissionDenied, ValidationError
from .domain.formats import number_text
from .domain.numbers import parse_number
from .domain.validation import date_range
from .services import maintenance, printing, reports, users
from .services.seed import seed

EXIT_USAGE = 2
PASSWORD_VARIABLE = "DENTASYNC_PASSWORD"
NEW_PASSWORD_VARIABLE = "DENTASYNC_NEW_PASSWORD"

# A backup into the data folder's own backups folder reveals nothing to whoever runs it, so it
# needs no sign-in; every command that hands out or changes clinic data signs a user in.
LOCAL_BACKUP_ACTOR = Actor(None, "cli", "Command line", Role.FRONT_DESK)


class UsageProblem(Exception):
    """Wrong or missing options: the message is printed and the exit code is 2."""

DESCRIPTION = """\
Dentasync Desktop: offline work orders for dental clinics and dental labs.
Without a command it opens the application window."""

EPILOG = """\
where the data lives:
  The database, backups, attachments and exports live in the user data folder, logs in the
  user log folder (run 'dentasync-desktop check' to see them). --data-dir DIR or the
  DENTASYNC_DATA_DIR environment variable puts everything under DIR instead. --demo uses a
  separate database in a 'demo' sub-folder and fills it with demo data on first use.

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

signing in:
  print, report, backup -o, restore, user, and seed into a database in use need
  --user NAME; the password is asked for, or taken from $DENTASYNC_PASSWORD."""


def _gui(context: AppContext, _args: argparse.Namespace) -> int:
    return app.start_gui(context)


def _password(prompt: str, variable: str, twice: bool = False) -> str:
    """From ``variable`` if set, otherwise asked for without echo (``twice`` to confirm)."""
    given = os.environ.get(variable)
    if given is not None:
        return given
    if sys.stdin is None or not sys.stdin.isatty():
        raise UsageProblem(f"no password: set {variable} or run the command in a terminal")
    password = getpass.getpass(prompt)
    if twice and getpass.getpass("Repeat the password: ") != password:
        raise UsageProblem("the two passwords differ")
    return password


def _sign_in(context: AppContext, args: argparse.Namespace) -> Actor:
    """The --user, signed in with the password from the environment or a prompt."""
    if not args.user:
        raise UsageProblem(
            f"{args.command}: this command reads or changes clinic data; sign in with "
            f"--user NAME (the password is asked for, or taken from {PASSWORD_VARIABLE})")
    password = _password(f"Password for {args.user}: ", PASSWORD_VARIABLE)
    return users.sign_in(context.database().uow_factory(), args.user, password)


def _seed(context: AppContext, args: argparse.Namespace) -> int:
    database = context.database()
    if users.has_active_users(database.uow_factory()):
        actor = _sign_in(context, args)
        if actor.role is not Role.ADMIN:
            raise PermissionDenied(code="seed_needs_admin")
    print(f"Seeding {number_text(args.orders)} orders (seed {args.seed}) into "
          f"{context.paths.database}")
    started = time.perf_counter()
    stats = seed(database.uow_factory, args.orders, seed=args.seed,
                 progress=_show_progress if sys.stderr is not None and sys.stderr.isatty()
                 else None)
    elapsed = time.perf_counter() - started
    for name, value in asdict(stats).items():
        print(f"  {name.replace('_', ' '):<14}{number_text(value):>12}")
    print(f"Done in {elapsed:.1f} s ({args.orders / max(elapsed, 1e-9):,.0f} orders/s).")
    return EXIT_OK


def _show_progress(done: int, total: int) -> None:
    end = "\n" if done >= total else ""
    print(f"\r  {number_text(done)} / {number_text(total)} orders", end=end, file=sys.stderr,
          flush=True)


def _check(context: AppContext, _args: argparse.Namespace) -> int:
    report = maintenance.check(context.paths)
    for note in report.notes:
        print(note)
    if report.ok:
        print("OK: no problems found.")
        return EXIT_OK
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    return EXIT_PROBLEM


def _backup(context: AppContext, args: argparse.Namespace) -> int:
    database = context.paths.database
    if not database.is_file():
        print(f"There is no database at {database} to back up.")
        return EXIT_PROBLEM
    target = Path(args.output).expanduser() if args.output else None
    if target is not None and target.is_dir():
        print(f"-o: {target} is a folder; give the name of the backup file to write.")
        return EXIT_PROBLEM
    actor = LOCAL_BACKUP_ACTOR if target is None else _sign_in(context, args)
    made = maintenance.back_up_now(actor, context.paths, target)
    print(f"Backed up {database} to {made}")
    return EXIT_OK


def _restore(context: AppContext, args: argparse.Namespace) -> int:
    candidate = Path(args.file).expanduser().resolve()
    actor = None
    try:
        in_use = (context.paths.database.exists()
                  and users.has_active_users(context.database().uow_factory()))
    except DatabaseProblem:
        # A damaged database has no users to ask; whoever could damage the file could also
        # have replaced it, so refusing here would only keep the clinic from its backup.
        in_use = False
    if in_use:
        actor = _sign_in(context, args)
    # Our own connection would otherwise keep writing to the replaced file.
    context.close()
    if actor is None:
        safety = maintenance.restore_file(context.paths, candidate)
    else:
        safety = maintenance.restore_from(actor, context.paths, candidate)
    print(f"Restored {candidate} into {context.paths.database}")
    if safety is None:
        print("There was no previous database to keep.")
    else:
        print(f"The previous database was kept as {safety}")
    return EXIT_OK


def _print(context: AppContext, args: argparse.Namespace) -> int:
    actor = _sign_in(context, args)
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
        print(f"Note: {note}")
    print(f"Wrote {result.path}")
    return EXIT_OK


def _report(context: AppContext, args: argparse.Namespace) -> int:
    actor = _sign_in(context, args)
    uow_factory = context.database().uow_factory
    if args.status and args.view == "labs":
        print("--status: the labs view has no payment-status filter; use --view orders",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        date_range(args.date_from, args.date_to, "--from")
    except ValidationError:
        print("--from: the start date is after the --to date", file=sys.stderr)
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
    print(f"Wrote {written}")
    return EXIT_OK


def _user_list(context: AppContext, args: argparse.Namespace) -> int:
    actor = _sign_in(context, args)
    accounts = users.list_users(context.database().uow_factory(), actor)
    print(f"{'USER':<20} {'ROLE':<14} {'STATUS':<12} NAME")
    for account in accounts:
        status = "active" if account.active else "deactivated"
        print(f"{account.username:<20} {account.role.label:<14} {status:<12} {account.full_name}")
    return EXIT_OK


def _user_add(context: AppContext, args: argparse.Namespace) -> int:
    factory = context.database().uow_factory
    role = Role(args.role)
    full_name = args.full_name or args.name
    if not args.user and users.needs_first_admin(factory()):
        # Nobody could sign in to add them: the first administrator comes without a sign-in.
        if role is not Role.ADMIN:
            raise UsageProblem("user add: there is no active administrator yet; add one first "
                               "(--role admin)")
        password = _password(f"Password for {args.name}: ", PASSWORD_VARIABLE, twice=True)
        users.create_first_admin(factory(), args.name, full_name, password)
    else:
        actor = _sign_in(context, args)
        password = _password(f"Password for {args.name}: ", NEW_PASSWORD_VARIABLE, twice=True)
        users.save_user(factory(), actor, UserInput(
            username=args.name, full_name=full_name, role=role, password=password))
    print(f"Added {role.label.lower()} {args.name.strip().lower()}.")
    return EXIT_OK


def _user_passwd(context: AppContext, args: argparse.Namespace) -> int:
    factory = context.database().uow_factory
    actor = _sign_in(context, args)
    name = args.name.strip().lower()
    target = next((u for u in users.list_users(factory(), actor) if u.username == name), None)
    if target is None:
        raise ValidationError("user", code="no_such_user", params={"name": name})
    password = _password(f"New password for {name}: ", NEW_PASSWORD_VARIABLE, twice=True)
    users.reset_password(factory(), actor, target.id, password)
    print(f"Changed the password of {name}.")
    return EXIT_OK


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (use YYYY-MM-DD): {text!r}") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _global_options(suppress: bool) -> argparse.ArgumentParser:
    """--data-dir and --demo, accepted before or after the command name.

    After the command their default is SUPPRESS, so they only override when actually given.
    """
    options = argparse.ArgumentParser(add_help=False)
    group = options.add_argument_group("where the data lives")
    group.add_argument(
        "--data-dir", metavar="DIR", default=argparse.SUPPRESS if suppress else None,
        help="keep the database, backups, attachments and logs under DIR "
             "(default: $DENTASYNC_DATA_DIR, else the user data folder)")
    group.add_argument(
        "--demo", action="store_true", default=argparse.SUPPRESS if suppress else False,
        help="use the separate demo database, filled with demo data on first use "
             "(users admin/admin123, manager/manager123, desk/desk1234, tech/tech1234)")
    signing_in = options.add_argument_group("signing in")
    signing_in.add_argument(
        "--user", metavar="NAME", default=argparse.SUPPRESS if suppress else None,
        help="sign in as NAME for commands that read or change clinic data (print, report, "
             f"backup -o, restore, seed into a database in use, user); the password is asked "
             f"for, or taken from ${PASSWORD_VARIABLE}")
    return options


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dentasync-desktop", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[_global_options(suppress=False)])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--smoke", action="store_true",
        help="check this installation end to end in a temporary data folder, without a screen "
             "(migrations, main window, an order, its printed form, a finance export)")
    parser.set_defaults(run=_gui)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")
    common = [_global_options(suppress=True)]

    sub = commands.add_parser(
        "seed", parents=common, help="fill the database with synthetic data at scale",
        description="Add reproducible synthetic labs, dentists, patients and work orders "
                    "(with payments and events) to the database, and print what was made.")
    sub.add_argument("--orders", type=_positive, required=True, metavar="N",
                     help="number of work orders to create")
    sub.add_argument("--seed", type=int, default=0, metavar="S",
                     help="random seed; the same seed gives the same data (default 0)")
    sub.set_defaults(run=_seed)

    sub = commands.add_parser(
        "check", parents=common, help="check the database and the folders",
        description="Check the database's integrity, that its schema is up to date and "
                    "complete, that no row refers to a missing one, that stored paid amounts "
                    "match the payments, and that the folders exist. Prints the folders in use "
                    "and one PROBLEM line per problem. Exit code 1 on a problem.")
    sub.set_defaults(run=_check)

    sub = commands.add_parser(
        "backup", parents=common, help="back up the database now",
        description="Copy the database consistently, even while the application is open. "
                    "Without -o the copy goes to the backups folder (the newest 20 are kept).")
    sub.add_argument("-o", "--output", metavar="FILE", help="write the backup to FILE instead")
    sub.set_defaults(run=_backup)

    sub = commands.add_parser(
        "restore", parents=common, help="replace the database with a backup",
        description="Replace the database with FILE after checking that FILE is a sound, "
                    "complete Dentasync Desktop database this version can open. The current "
                    "database is kept in the backups folder first. Works when the current "
                    "database is damaged. Refused while the application or another command "
                    "has the database open.")
    sub.add_argument("file", metavar="FILE", help="the backup file to restore")
    sub.set_defaults(run=_restore)

    sub = commands.add_parser(
        "print", parents=common, help="print an order form, box label or payment instructions",
        description="Write one work order's form, box label or payment instructions to a PDF "
                    "file. NUMBER is the order number as shown (WO-000123) or just 123.")
    documents = sub.add_subparsers(title="documents", metavar="DOCUMENT", dest="document",
                                   required=True)
    order_args = argparse.ArgumentParser(add_help=False, parents=common)
    order_args.add_argument("number", metavar="NUMBER", help="the work order: WO-000123 or 123")
    order_args.add_argument("-o", "--output", metavar="FILE", required=True,
                            help="the PDF file to write")
    doc = documents.add_parser("order", parents=[order_args], help="the work-order form")
    doc.add_argument("--sections", metavar="A,B,C",
                     help=f"sections to print, comma-separated: {', '.join(printing.SECTIONS)} "
                          "(default: as last chosen in the app)")
    doc.add_argument("--paper", choices=("a4", "letter"), help="paper size (default: Settings)")
    doc = documents.add_parser("label", parents=[order_args], help="a box label")
    doc.add_argument("--size", choices=tuple(printing.LABELS), default="62x29",
                     help="label size in mm or inches (default: 62x29)")
    documents.add_parser("instructions", parents=[order_args],
                         help="payment instructions: the lab's bank details and the amount due")
    sub.set_defaults(run=_print)

    sub = commands.add_parser(
        "report", parents=common, help="write a finance report (XLSX, PDF or CSV)",
        description="Write a report of the finance page, as its tabs show it. Cancelled "
                    "orders are excluded.")
    kinds = sub.add_subparsers(title="reports", metavar="REPORT", dest="report", required=True)
    rep = kinds.add_parser(
        "finance", parents=common, help="paid, total and outstanding per lab or per order",
        description="The Dental labs or Work orders tab of the finance page with the given "
                    "filters (on the documented date), as an XLSX, PDF or CSV file.")
    rep.add_argument("--view", choices=reports.VIEWS, required=True,
                     help="labs: one row per lab and currency; orders: one row per work order")
    rep.add_argument("--from", dest="date_from", type=_iso_date, metavar="DATE",
                     help="first documented date, YYYY-MM-DD")
    rep.add_argument("--to", dest="date_to", type=_iso_date, metavar="DATE",
                     help="last documented date, YYYY-MM-DD")
    rep.add_argument("--lab", metavar="NAME", help="only this dental lab (its full name)")
    rep.add_argument("--method", choices=[m.value for m in PaymentMethod],
                     help="only orders paid by this payment method")
    rep.add_argument("--status", choices=[s.value for s in PaymentStatus],
                     help="only orders with this payment status (orders view)")
    rep.add_argument("--format", choices=reports.FORMATS, required=True,
                     help="xlsx (Excel), pdf, or csv (UTF-8 with BOM)")
    rep.add_argument("-o", "--output", metavar="FILE", required=True, help="the file to write")
    sub.set_defaults(run=_report)

    sub = commands.add_parser(
        "user", parents=common, help="list users, add a user, set a password",
        description="Manage the user accounts. Needs an administrator's --user, except to add "
                    "the first administrator while the database has no active one (after "
                    f"'seed', for example). New passwords are asked for twice, or taken from "
                    f"${NEW_PASSWORD_VARIABLE} (${PASSWORD_VARIABLE} for the first "
                    "administrator).")
    actions = sub.add_subparsers(title="actions", metavar="ACTION", dest="action", required=True)
    act = actions.add_parser("list", parents=common, help="every user with role and status")
    act.set_defaults(run=_user_list)
    act = actions.add_parser("add", parents=common, help="add a user")
    act.add_argument("name", metavar="NAME", help="the user name to sign in with")
    act.add_argument("--role", choices=[r.value for r in Role], required=True,
                     help="what the user may do")
    act.add_argument("--full-name", metavar="TEXT", help="the name shown (default: NAME)")
    act.set_defaults(run=_user_add)
    act = actions.add_parser("passwd", parents=common, help="set a user's password")
    act.add_argument("name", metavar="NAME", help="whose password to set")
    act.set_defaults(run=_user_passwd)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error already explained
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    if args.smoke:
        return app.smoke()

    def command(context: AppContext) -> int:
        try:
            return int(args.run(context, args))
        except UsageProblem as problem:
            print(problem, file=sys.stderr)
            return EXIT_USAGE

    return app.run(command, data_dir=args.data_dir, demo=args.demo)
