"""The words of every coded refusal, in any language: the one place they are written.

The sources are English; translations come from the "errors" context of the .ts files through
the Qt-free catalog (i18n/), so the GUI, the CLI and the documents share them. Parameters are
plain values (numbers, ISO dates, names, enum values), never pre-rendered sentences; a
"problems" parameter lists problems, each a code with plain values of its own (``problem``).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..i18n import QT_TRANSLATE_NOOP, default_language, in_sentence, label, translate
from .actions import Action
from .enums import OrderStatus, Role

TEXT = "text"  # not yet coded: params["text"] holds the English words

_TEMPLATES: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("errors", "Required."),
    "invalid_text": QT_TRANSLATE_NOOP("errors", "Contains characters that are not valid text."),
    "too_long": QT_TRANSLATE_NOOP("errors", "Too long ({length} characters, at most {limit})."),
    "not_email": QT_TRANSLATE_NOOP("errors", "'{value}' is not an e-mail address."),
    "not_whole_number": QT_TRANSLATE_NOOP("errors", "Must be a whole number."),
    "out_of_range": QT_TRANSLATE_NOOP("errors", "Must be between {minimum} and {maximum}."),
    "before_documented": QT_TRANSLATE_NOOP("errors", "Cannot be before the documented date."),
    "not_date": QT_TRANSLATE_NOOP("errors", "Not a date."),
    "no_such_record": QT_TRANSLATE_NOOP("errors", "No such record."),
    "currency_required": QT_TRANSLATE_NOOP("errors", "A currency is required."),
    "unknown_currency": QT_TRANSLATE_NOOP("errors", "Unknown currency code '{value}'."),
    "not_money": QT_TRANSLATE_NOOP("errors", "Not an amount of money."),
    "amount_too_large": QT_TRANSLATE_NOOP("errors", "Too large (at most {maximum} {currency})."),
    "not_number": QT_TRANSLATE_NOOP("errors", "Not a number."),
    "amount_required": QT_TRANSLATE_NOOP("errors", "An amount is required."),
    "not_amount": QT_TRANSLATE_NOOP("errors", "'{value}' is not a valid amount."),
    "at_least": QT_TRANSLATE_NOOP("errors", "Must be at least {minimum}."),
    "not_tooth": QT_TRANSLATE_NOOP("errors",
                                   "'{value}' is not a tooth in FDI notation (11-48, 51-85)."),
    "not_order_number": QT_TRANSLATE_NOOP("errors", "'{value}' is not an order number."),
    "negative": QT_TRANSLATE_NOOP("errors", "Cannot be negative."),
    "not_positive": QT_TRANSLATE_NOOP("errors", "Must be greater than zero."),
    "inactive_staff": QT_TRANSLATE_NOOP("errors", "Choose an active staff member."),
    "inactive_customer": QT_TRANSLATE_NOOP("errors", "Choose an active customer."),
    "same_customer": QT_TRANSLATE_NOOP("errors", "Already the order's customer."),
    "remake_of_itself": QT_TRANSLATE_NOOP("errors", "An order cannot be a remake of itself."),
    "in_future": QT_TRANSLATE_NOOP("errors", "Cannot be in the future."),
    "start_after_end": QT_TRANSLATE_NOOP("errors", "The start date is after the end date."),
    "end_not_after_start": QT_TRANSLATE_NOOP("errors", "Must be after the start."),
    "range_too_long": QT_TRANSLATE_NOOP("errors", "At most {days} days at a time."),
    "needs_time_zone": QT_TRANSLATE_NOOP("errors", "Needs a time zone."),
    "date_time_required": QT_TRANSLATE_NOOP("errors", "A date and time is required."),
    "no_folder": QT_TRANSLATE_NOOP("errors", "The folder {path} does not exist."),
    "one_of": QT_TRANSLATE_NOOP("errors", "Must be one of {choices}."),
    "unknown_sort": QT_TRANSLATE_NOOP("errors", "Cannot sort by '{value}'."),
    "choose_file": QT_TRANSLATE_NOOP("errors", "Choose a file to attach."),
    "no_orders_selected": QT_TRANSLATE_NOOP("errors", "Select at least one work order to print."),
    "same_password": QT_TRANSLATE_NOOP("errors", "Must differ from the current password."),
    "wrong_password": QT_TRANSLATE_NOOP("errors", "Not correct."),
    "own_account": QT_TRANSLATE_NOOP("errors", "You cannot deactivate your own account."),
    # Whole sentences: refusals that name no field.
    "seed_needs_admin": QT_TRANSLATE_NOOP("errors",
                                          "Only an administrator may add synthetic data to a "
                                          "database in use."),
    "currency_mismatch": QT_TRANSLATE_NOOP("errors",
                                           "Cannot combine {first} and {second} amounts."),
    "not_allowed": QT_TRANSLATE_NOOP("errors",
                                     "Your role ({role}) does not allow this action: {action}."),
    "not_comment_author": QT_TRANSLATE_NOOP("errors",
                                            "Only the author ({author}) can edit this comment."),
    "stale_order": QT_TRANSLATE_NOOP("errors",
                                     "Someone else changed this order in the meantime. It has "
                                     "been reloaded; please try again."),
    "stale_event": QT_TRANSLATE_NOOP("errors",
                                     "Someone else changed this event in the meantime. It has "
                                     "been reloaded; please try again."),
    "not_signed_in": QT_TRANSLATE_NOOP("errors",
                                       "You are not signed in as a user of this database. Sign "
                                       "in again."),
    "signed_out_deactivated": QT_TRANSLATE_NOOP("errors",
                                                "The account '{username}' has been "
                                                "deactivated, so you have been signed out. Ask "
                                                "an administrator to reactivate it."),
    "role_changed": QT_TRANSLATE_NOOP("errors",
                                      "An administrator changed your role to {role}. Sign in "
                                      "again to continue with the new role."),
    "record_missing": QT_TRANSLATE_NOOP("errors", "{record} #{id} does not exist."),
    "no_order": QT_TRANSLATE_NOOP("errors", "There is no order {number}."),
    "no_work_order": QT_TRANSLATE_NOOP("errors", "There is no work order {number}."),
    "sign_in_failed": QT_TRANSLATE_NOOP("errors", "Unknown user or wrong password."),
    "sign_in_failed_wait": QT_TRANSLATE_NOOP("errors",
                                             "Unknown user or wrong password. Too many wrong "
                                             "passwords: wait {wait} before the next attempt."),
    "sign_in_blocked": QT_TRANSLATE_NOOP("errors",
                                         "Too many wrong passwords for '{username}'. Wait "
                                         "{wait}, then try again."),
    "account_deactivated": QT_TRANSLATE_NOOP("errors",
                                             "The account '{username}' is deactivated. Ask an "
                                             "administrator to reactivate it."),
    "admin_exists": QT_TRANSLATE_NOOP("errors",
                                      "An administrator account already exists; sign in, or "
                                      "ask an administrator to create your account."),
    "database_busy": QT_TRANSLATE_NOOP("errors", "The database is busy, please try again."),
    # The disk or the file system refused (db/storage.py): what to fix, never "restore".
    "storage.full": QT_TRANSLATE_NOOP("errors",
                                      "The disk holding {path} is full. Free some space (empty "
                                      "the recycle bin, move or delete large files), then try "
                                      "again. Nothing is damaged."),
    "storage.read-only": QT_TRANSLATE_NOOP("errors",
                                           "{path} cannot be written: the file, its folder or "
                                           "the disk is read-only. Make them writable (check "
                                           "the file's properties and that the disk is not "
                                           "write-protected), then try again. Nothing is "
                                           "damaged."),
    "storage.permission": QT_TRANSLATE_NOOP("errors",
                                            "{path} cannot be opened: permission denied. Check "
                                            "that your user account may read and write this "
                                            "file and its folder, then try again."),
    "storage.locked": QT_TRANSLATE_NOOP("errors",
                                        "{path} is locked by another program (a sync or backup "
                                        "tool, or another copy of Dentasync Desktop). Close it "
                                        "or wait a moment, then try again."),
    "storage.cannot-open": QT_TRANSLATE_NOOP("errors",
                                             "{path} cannot be opened. Check that the disk is "
                                             "connected and has free space, and that your user "
                                             "account may read and write the file and its "
                                             "folder, then try again."),
    "storage.io": QT_TRANSLATE_NOOP("errors",
                                    "The disk reported an error while using {path}. Check that "
                                    "the disk is connected and has free space, then try again."),
    # The database file as a whole: start-up, backup and restore.
    "backup_missing": QT_TRANSLATE_NOOP("errors", "{path} does not exist."),
    "not_restorable": QT_TRANSLATE_NOOP("errors", "{path} cannot be restored: {problems}."),
    "not_our_database": QT_TRANSLATE_NOOP("errors", "{path} is not a Dentasync Desktop database."),
    "backup_from_newer": QT_TRANSLATE_NOOP("errors",
                                           "{path} was made by a newer version of Dentasync "
                                           "Desktop; update the app first."),
    "damaged_with_backup": QT_TRANSLATE_NOOP("errors",
                                             "The database {path} is damaged ({problems}). The "
                                             "newest backup is {backup}; restore it with "
                                             "'dentasync-desktop restore \"{backup}\"'."),
    "damaged_no_backup": QT_TRANSLATE_NOOP("errors",
                                           "The database {path} is damaged ({problems}). No "
                                           "backup was found."),
    "broken_references": QT_TRANSLATE_NOOP("errors", "Migration left {count} broken references."),
    "migration_heads": QT_TRANSLATE_NOOP("errors",
                                         "The migrations have {count} heads; expected one."),
    "database_from_newer": QT_TRANSLATE_NOOP("errors",
                                             "This database was written by a newer version of "
                                             "Dentasync Desktop (schema {schema}). Install the "
                                             "newer version to open it."),
    "being_restored": QT_TRANSLATE_NOOP("errors",
                                        "The database {path} is being restored by another "
                                        "Dentasync Desktop process. Try again when the restore "
                                        "has finished."),
    "already_open": QT_TRANSLATE_NOOP("errors",
                                      "Dentasync Desktop is already open on {path} ({holder}). "
                                      "Switch to that window, or close it and start again."),
    "nothing_to_back_up": QT_TRANSLATE_NOOP("errors", "There is no database to back up at {path}."),
    "open_elsewhere": QT_TRANSLATE_NOOP("errors",
                                        "The database {path} is open in another Dentasync "
                                        "Desktop window or command. Close it (or let the "
                                        "command finish), then restore again. Nothing was "
                                        "changed."),
    "open_elsewhere_window": QT_TRANSLATE_NOOP("errors",
                                               "The database {path} is open in another "
                                               "Dentasync Desktop window or command; the "
                                               "window is {holder}. Close it (or let the "
                                               "command finish), then restore again. Nothing "
                                               "was changed."),
    # Reaching a database server (Settings > Database, start-up): what to change, in one line.
    "server.wrong_password": QT_TRANSLATE_NOOP("errors",
                                               "The server refused the password of the user "
                                               "{user}."),
    "server.no_password": QT_TRANSLATE_NOOP("errors",
                                            "The server asks for the password of the user "
                                            "{user}; none was given."),
    "server.no_user": QT_TRANSLATE_NOOP("errors", "The server has no user called {user}."),
    "server.no_database": QT_TRANSLATE_NOOP("errors",
                                            "The server has no database called {database}."),
    "server.unreachable": QT_TRANSLATE_NOOP("errors",
                                            "No database server answers at {host}, port {port}. "
                                            "Check the address, the port, that the server runs "
                                            "and that its firewall lets this PC in."),
    "server.unknown_host": QT_TRANSLATE_NOOP("errors",
                                             "The server name {host} is not known on this "
                                             "network."),
    "server.timeout": QT_TRANSLATE_NOOP("errors",
                                        "{host} did not answer within {timeout} seconds."),
    "server.tls_required": QT_TRANSLATE_NOOP("errors",
                                             "The server lets this PC in only over TLS: choose "
                                             "the TLS mode \"require\"."),
    "server.tls_unavailable": QT_TRANSLATE_NOOP("errors",
                                                "The server does not offer TLS: choose the TLS "
                                                "mode \"prefer\", or set TLS up on the server."),
    "server.certificate": QT_TRANSLATE_NOOP("errors",
                                            "The server's TLS certificate could not be "
                                            "verified: {reason}."),
    "server.not_allowed": QT_TRANSLATE_NOOP("errors",
                                            "The server does not let the user {user} in from "
                                            "this PC: add a line for it to the server's "
                                            "pg_hba.conf."),
    "server.refused": QT_TRANSLATE_NOOP("errors", "The server refused the connection: {reason}."),
    "server.cannot_connect": QT_TRANSLATE_NOOP("errors",
                                               "Cannot connect to the database server {url}: "
                                               "{reason}."),
    "server.bad_url": QT_TRANSLATE_NOOP("errors",
                                        "The database URL is not valid ({reason}). Expected "
                                        "{expected}."),
    "server.not_postgresql": QT_TRANSLATE_NOOP("errors",
                                               "The database URL must start with {driver}://, "
                                               "not {given}://."),
    "server.incomplete_url": QT_TRANSLATE_NOOP("errors",
                                               "The database URL {url} names no host or no "
                                               "database."),
    "not_host": QT_TRANSLATE_NOOP("errors",
                                  "'{value}' is not a server name or address (e.g. "
                                  "clinic-server or 192.168.1.10)."),
    # Moving a data folder's file to a database server (migrate-to).
    "move_no_database": QT_TRANSLATE_NOOP("errors",
                                          "There is no database at {path} to move to a server."),
    "move_from_server": QT_TRANSLATE_NOOP("errors",
                                          "This data folder already uses the database server "
                                          "{url}. migrate-to copies this computer's database "
                                          "file; give --database-url local first."),
    "move_not_at_head": QT_TRANSLATE_NOOP("errors",
                                          "The database {path} is at schema {schema}, not at "
                                          "{head} as this version expects. Start Dentasync "
                                          "Desktop once on this data folder (it upgrades the "
                                          "file), close it, then move it again."),
    "move_open_elsewhere": QT_TRANSLATE_NOOP("errors",
                                             "The database {path} is open in a Dentasync "
                                             "Desktop window or command. Close it (or let the "
                                             "command finish), then move it again. Nothing was "
                                             "copied."),
    "move_target_not_empty": QT_TRANSLATE_NOOP("errors",
                                               "The database on the server {url} already holds "
                                               "Dentasync data (in {tables}). migrate-to only "
                                               "fills an empty database; create a new one for "
                                               "it. Nothing was copied."),
    # A server's backup and restore (db/server_backup.py).
    "pg_tool_missing": QT_TRANSLATE_NOOP("errors",
                                         "{tool} was not found on this PC; it is needed to back "
                                         "up or restore the database server (PostgreSQL "
                                         "{version}). Install PostgreSQL's client tools, "
                                         "version {version} or newer: on Windows or macOS with "
                                         "the installer from postgresql.org, on Debian or "
                                         "Ubuntu with 'sudo apt install "
                                         "postgresql-client-{version}'. If they are installed "
                                         "elsewhere, set DENTASYNC_PG_BIN to their folder. "
                                         "Then try again."),
    "pg_tool_too_old": QT_TRANSLATE_NOOP("errors",
                                         "{tool} at {path} is version {found}, older than the "
                                         "database server (PostgreSQL {version}). Install "
                                         "PostgreSQL's client tools, version {version} or "
                                         "newer (on Debian or Ubuntu: 'sudo apt install "
                                         "postgresql-client-{version}'), then try again."),
    "pg_tool_failed": QT_TRANSLATE_NOOP("errors", "{tool} failed: {reason}."),
    "not_server_backup": QT_TRANSLATE_NOOP("errors",
                                           "{path} is not a backup of a database server (a "
                                           "pg_dump archive, usually a .dump file)."),
    # The rest follow the field's name.
    "no_such_user": QT_TRANSLATE_NOOP("errors", "There is no user called '{name}'."),
    "not_label_size": QT_TRANSLATE_NOOP("errors",
                                        "'{value}' is not a label size; choose {choices}."),
    "unknown_section": QT_TRANSLATE_NOOP("errors",
                                         "Unknown section '{value}'; choose from {choices}."),
    "not_paper_size": QT_TRANSLATE_NOOP("errors",
                                        "'{value}' is not a paper size; choose a4 or letter."),
    "not_one_of": QT_TRANSLATE_NOOP("errors", "'{value}' is not one of {choices}."),
    "not_iban": QT_TRANSLATE_NOOP("errors",
                                  "'{value}' is not an IBAN (a country code, 2 check digits, "
                                  "then the account in letters and digits)."),
    "no_iban_country": QT_TRANSLATE_NOOP("errors", "'{value}' is not a country that uses IBANs."),
    "iban_length": QT_TRANSLATE_NOOP("errors",
                                     "An IBAN from {country} has {length} characters, this one "
                                     "has {actual}."),
    "iban_check_digits": QT_TRANSLATE_NOOP("errors",
                                           "The check digits do not match; please check for "
                                           "typos."),
    "iban_form": QT_TRANSLATE_NOOP("errors",
                                   "Does not have the form of an IBAN from {country}; please "
                                   "check for typos."),
    "bic_length": QT_TRANSLATE_NOOP("errors",
                                    "'{value}' is not a BIC: it has 8 or 11 letters and "
                                    "digits, e.g. COBADEFFXXX."),
    "bic_country": QT_TRANSLATE_NOOP("errors",
                                     "'{country}' in '{value}' is not a country code (letters "
                                     "5 and 6 of a BIC name the bank's country)."),
    "bic_form": QT_TRANSLATE_NOOP("errors",
                                  "'{value}' is not a BIC: 4 letters for the bank, 2 for the "
                                  "country, 2 for the place, maybe 3 for the branch (e.g. "
                                  "COBADEFFXXX)."),
    "plan_not_positive": QT_TRANSLATE_NOOP("errors", "The plan amount must be greater than zero."),
    "too_many_installments": QT_TRANSLATE_NOOP("errors",
                                               "More installments than the amount can be split "
                                               "into."),
    "file_missing": QT_TRANSLATE_NOOP("errors", "'{name}' does not exist (any more)."),
    "file_unreadable": QT_TRANSLATE_NOOP("errors", "'{name}' cannot be read: {reason}."),
    "bad_file_name": QT_TRANSLATE_NOOP("errors", "'{name}' is not a possible file name."),
    "file_is_folder": QT_TRANSLATE_NOOP("errors", "'{name}' is a folder; choose a file."),
    "not_ordinary_file": QT_TRANSLATE_NOOP("errors", "'{name}' is not an ordinary file."),
    "file_too_large": QT_TRANSLATE_NOOP("errors",
                                        "'{name}' is too large ({size_mb} MB); the limit is "
                                        "{limit_mb} MB."),
    "already_removed": QT_TRANSLATE_NOOP("errors", "'{name}' was already removed."),
    "attachment_file_missing": QT_TRANSLATE_NOOP(
        "errors", "The file of '{name}' is missing from the attachments folder ({folder}). "
                  "Restore it from a backup or add it again."),
    "attachment_content_missing": QT_TRANSLATE_NOOP(
        "errors", "The content of '{name}' is missing from the database. Restore the "
                  "database from a backup or add the file again."),
    "needs_zoned_date_time": QT_TRANSLATE_NOOP("errors", "Needs a date and time with a time zone."),
    "not_event_kind": QT_TRANSLATE_NOOP("errors", "'{value}' is not a kind of appointment."),
    "event_already_done": QT_TRANSLATE_NOOP("errors", "The event is already done."),
    "event_already_open": QT_TRANSLATE_NOOP("errors", "The event is already open."),
    "too_many_templates": QT_TRANSLATE_NOOP("errors", "At most {limit} per service."),
    "already_active": QT_TRANSLATE_NOOP("errors", "{record} {name} is already active."),
    "already_inactive": QT_TRANSLATE_NOOP("errors", "{record} {name} is already inactive."),
    "lab_exists": QT_TRANSLATE_NOOP("errors", "A dental lab named '{name}' already exists."),
    "customer_exists": QT_TRANSLATE_NOOP("errors", "A customer named '{name}' already exists."),
    "customer_at_clinic_exists": QT_TRANSLATE_NOOP("errors",
                                                   "A customer named '{name}' at {clinic} "
                                                   "already exists."),
    "service_code_taken": QT_TRANSLATE_NOOP("errors",
                                            "The code '{value}' is already used by another "
                                            "service."),
    "other_sort_order": QT_TRANSLATE_NOOP("errors", "The page continues another sort order."),
    "too_many_items": QT_TRANSLATE_NOOP("errors", "At most {limit} items per order."),
    "too_many_tasks": QT_TRANSLATE_NOOP("errors", "At most {limit} tasks per order."),
    "total_too_large": QT_TRANSLATE_NOOP("errors",
                                         "The order total {total} is too large (at most "
                                         "{maximum})."),
    "not_order_currency": QT_TRANSLATE_NOOP("errors", "Must be in the order currency {currency}."),
    "total_below_paid": QT_TRANSLATE_NOOP("errors",
                                          "The total {total} would be below what is already "
                                          "paid ({paid}); void payments first."),
    "total_below_plan": QT_TRANSLATE_NOOP("errors",
                                          "The total {total} would be below the payment plan "
                                          "({plan}); change the plan first."),
    "deactivated": QT_TRANSLATE_NOOP("errors", "{record} is deactivated."),
    "currency_locked": QT_TRANSLATE_NOOP("errors", "Cannot change while payments or a plan exist."),
    "money_in_currency": QT_TRANSLATE_NOOP("errors",
                                           "Payments or a plan exist in {currency}; void them "
                                           "first."),
    "already_on_hold": QT_TRANSLATE_NOOP("errors", "The order is already on hold."),
    "already_off_hold": QT_TRANSLATE_NOOP("errors", "The order is already not on hold."),
    "no_order_number": QT_TRANSLATE_NOOP("errors", "{number} does not exist."),
    "nul_in_file_name": QT_TRANSLATE_NOOP("errors", "The file name contains a NUL character."),
    "file_name_not_text": QT_TRANSLATE_NOOP("errors",
                                            "The file name contains characters that are not "
                                            "valid text."),
    "file_name_too_long": QT_TRANSLATE_NOOP("errors",
                                            "The file name is too long; choose a shorter one."),
    "target_is_folder": QT_TRANSLATE_NOOP("errors",
                                          "{path} is a folder; give the name of a {kind} file."),
    "not_the_order_currency": QT_TRANSLATE_NOOP("errors",
                                                "Must be the order currency {currency}, not "
                                                "{given}."),
    "not_payment_method": QT_TRANSLATE_NOOP("errors", "'{value}' is not a payment method."),
    "more_than_total": QT_TRANSLATE_NOOP("errors",
                                         "Cannot be more than the order total ({total})."),
    "installments_too_late": QT_TRANSLATE_NOOP("errors",
                                               "The installments would fall after the year "
                                               "{year}."),
    "no_payment_plan": QT_TRANSLATE_NOOP("errors", "The order has no payment plan."),
    "more_than_balance": QT_TRANSLATE_NOOP("errors", "More than the balance ({balance})."),
    "fully_paid": QT_TRANSLATE_NOOP("errors", "The order is already fully paid."),
    "already_voided": QT_TRANSLATE_NOOP("errors", "Was already voided: {reason}."),
    "not_interval_unit": QT_TRANSLATE_NOOP("errors", "Must be days, weeks or months."),
    "payroll_locked": QT_TRANSLATE_NOOP("errors", "Was finalized on {date} and is locked."),
    "not_reminder": QT_TRANSLATE_NOOP("errors", "'{value}' is not a reminder."),
    "no_lab_named": QT_TRANSLATE_NOOP("errors",
                                      "No dental lab is called '{name}' (the labs are: {labs})."),
    "logo_suffix": QT_TRANSLATE_NOOP("errors",
                                     "Must be a PNG or JPEG image (.png, .jpg or .jpeg)."),
    "no_file": QT_TRANSLATE_NOOP("errors", "The file {path} does not exist."),
    "not_image": QT_TRANSLATE_NOOP("errors", "{name} is not a PNG or JPEG image."),
    "not_preference_key": QT_TRANSLATE_NOOP("errors",
                                            "'{value}' is not a preference key (letters, "
                                            "digits, dots, hyphens, underscores; at most 95 "
                                            "characters)."),
    "cannot_use": QT_TRANSLATE_NOOP("errors", "Cannot use {path}: {reason}."),
    "cannot_read": QT_TRANSLATE_NOOP("errors", "Cannot read {path}: {reason}."),
    "username_form": QT_TRANSLATE_NOOP("errors",
                                       "Use 3 to 50 characters: letters a-z, digits, dots, "
                                       "hyphens or underscores."),
    "password_too_short": QT_TRANSLATE_NOOP("errors",
                                            "Must be at least {minimum} characters long."),
    "not_role": QT_TRANSLATE_NOOP("errors", "'{value}' is not a role (one of {choices})."),
    "username_taken": QT_TRANSLATE_NOOP("errors", "'{value}' is already taken."),
    "user_already_active": QT_TRANSLATE_NOOP("errors", "{username} is already active."),
    "user_already_deactivated": QT_TRANSLATE_NOOP("errors", "{username} is already deactivated."),
    "last_admin_role": QT_TRANSLATE_NOOP("errors",
                                         "{username} is the last active administrator; make "
                                         "another user an administrator first."),
    "last_admin": QT_TRANSLATE_NOOP("errors", "{username} is the last active administrator."),
    "no_templates": QT_TRANSLATE_NOOP("errors",
                                      "Nothing to plan: none of the order's services has task "
                                      "templates."),
    "all_planned": QT_TRANSLATE_NOOP("errors",
                                     "Nothing to plan: every template task is already in the "
                                     "work plan."),
    "task_already_first": QT_TRANSLATE_NOOP("errors", "The task is already first."),
    "task_already_last": QT_TRANSLATE_NOOP("errors", "The task is already last."),
    "task_already_there": QT_TRANSLATE_NOOP("errors", "The task is already where it is."),
    "task_already_assigned": QT_TRANSLATE_NOOP("errors", "The task is already assigned to {name}."),
    "task_already_unassigned": QT_TRANSLATE_NOOP("errors", "The task is already unassigned."),
    "task_already_done": QT_TRANSLATE_NOOP("errors", "The task is already done."),
    "task_already_open": QT_TRANSLATE_NOOP("errors", "The task is already open."),
}


# Every field a refusal names, as it is written in the code: its words in the reader's
# language come from the "fields" context (a test keeps this list complete).
FIELDS = frozenset({
    QT_TRANSLATE_NOOP("fields", "account holder"),
    QT_TRANSLATE_NOOP("fields", "active"),
    QT_TRANSLATE_NOOP("fields", "address"),
    QT_TRANSLATE_NOOP("fields", "amount"),
    QT_TRANSLATE_NOOP("fields", "assignee"),
    QT_TRANSLATE_NOOP("fields", "attachment"),
    QT_TRANSLATE_NOOP("fields", "bank name"),
    QT_TRANSLATE_NOOP("fields", "batch"),
    QT_TRANSLATE_NOOP("fields", "clinic"),
    QT_TRANSLATE_NOOP("fields", "code"),
    QT_TRANSLATE_NOOP("fields", "comment"),
    QT_TRANSLATE_NOOP("fields", "contact person"),
    QT_TRANSLATE_NOOP("fields", "currency"),
    QT_TRANSLATE_NOOP("fields", "current password"),
    QT_TRANSLATE_NOOP("fields", "customer"),
    QT_TRANSLATE_NOOP("fields", "database"),
    QT_TRANSLATE_NOOP("fields", "date from"),
    QT_TRANSLATE_NOOP("fields", "date of birth"),
    QT_TRANSLATE_NOOP("fields", "date to"),
    QT_TRANSLATE_NOOP("fields", "day"),
    QT_TRANSLATE_NOOP("fields", "days"),
    QT_TRANSLATE_NOOP("fields", "default turnaround days"),
    QT_TRANSLATE_NOOP("fields", "dental lab"),
    QT_TRANSLATE_NOOP("fields", "description"),
    QT_TRANSLATE_NOOP("fields", "document language"),
    QT_TRANSLATE_NOOP("fields", "documented date"),
    QT_TRANSLATE_NOOP("fields", "done"),
    QT_TRANSLATE_NOOP("fields", "due date"),
    QT_TRANSLATE_NOOP("fields", "due from"),
    QT_TRANSLATE_NOOP("fields", "due to"),
    QT_TRANSLATE_NOOP("fields", "duration"),
    QT_TRANSLATE_NOOP("fields", "e-mail"),
    QT_TRANSLATE_NOOP("fields", "employee"),
    QT_TRANSLATE_NOOP("fields", "end"),
    QT_TRANSLATE_NOOP("fields", "file"),
    QT_TRANSLATE_NOOP("fields", "first due date"),
    QT_TRANSLATE_NOOP("fields", "first name"),
    QT_TRANSLATE_NOOP("fields", "format"),
    QT_TRANSLATE_NOOP("fields", "from"),
    QT_TRANSLATE_NOOP("fields", "full name"),
    QT_TRANSLATE_NOOP("fields", "hold"),
    QT_TRANSLATE_NOOP("fields", "host"),
    QT_TRANSLATE_NOOP("fields", "idle lock"),
    QT_TRANSLATE_NOOP("fields", "installments"),
    QT_TRANSLATE_NOOP("fields", "interval"),
    QT_TRANSLATE_NOOP("fields", "interval unit"),
    QT_TRANSLATE_NOOP("fields", "items"),
    QT_TRANSLATE_NOOP("fields", "job title"),
    QT_TRANSLATE_NOOP("fields", "key"),
    QT_TRANSLATE_NOOP("fields", "kind"),
    QT_TRANSLATE_NOOP("fields", "lab"),
    QT_TRANSLATE_NOOP("fields", "last name"),
    QT_TRANSLATE_NOOP("fields", "limit"),
    QT_TRANSLATE_NOOP("fields", "logo"),
    QT_TRANSLATE_NOOP("fields", "method"),
    QT_TRANSLATE_NOOP("fields", "name"),
    QT_TRANSLATE_NOOP("fields", "new password"),
    QT_TRANSLATE_NOOP("fields", "note"),
    QT_TRANSLATE_NOOP("fields", "now"),
    QT_TRANSLATE_NOOP("fields", "number"),
    QT_TRANSLATE_NOOP("fields", "offset"),
    QT_TRANSLATE_NOOP("fields", "order"),
    QT_TRANSLATE_NOOP("fields", "orders"),
    QT_TRANSLATE_NOOP("fields", "paid on"),
    QT_TRANSLATE_NOOP("fields", "paper"),
    QT_TRANSLATE_NOOP("fields", "paper size"),
    QT_TRANSLATE_NOOP("fields", "password"),
    QT_TRANSLATE_NOOP("fields", "payment"),
    QT_TRANSLATE_NOOP("fields", "payment note"),
    QT_TRANSLATE_NOOP("fields", "payment plan"),
    QT_TRANSLATE_NOOP("fields", "payroll record"),
    QT_TRANSLATE_NOOP("fields", "phone"),
    QT_TRANSLATE_NOOP("fields", "port"),
    QT_TRANSLATE_NOOP("fields", "position"),
    QT_TRANSLATE_NOOP("fields", "price"),
    QT_TRANSLATE_NOOP("fields", "reason"),
    QT_TRANSLATE_NOOP("fields", "remake of"),
    QT_TRANSLATE_NOOP("fields", "reminder"),
    QT_TRANSLATE_NOOP("fields", "role"),
    QT_TRANSLATE_NOOP("fields", "search"),
    QT_TRANSLATE_NOOP("fields", "seat-readiness days"),
    QT_TRANSLATE_NOOP("fields", "sections"),
    QT_TRANSLATE_NOOP("fields", "shade"),
    QT_TRANSLATE_NOOP("fields", "size"),
    QT_TRANSLATE_NOOP("fields", "snooze"),
    QT_TRANSLATE_NOOP("fields", "sort"),
    QT_TRANSLATE_NOOP("fields", "staff"),
    QT_TRANSLATE_NOOP("fields", "start page"),
    QT_TRANSLATE_NOOP("fields", "task name"),
    QT_TRANSLATE_NOOP("fields", "task templates"),
    QT_TRANSLATE_NOOP("fields", "time period"),
    QT_TRANSLATE_NOOP("fields", "TLS mode"),
    QT_TRANSLATE_NOOP("fields", "to"),
    QT_TRANSLATE_NOOP("fields", "tracking number"),
    QT_TRANSLATE_NOOP("fields", "user"),
    QT_TRANSLATE_NOOP("fields", "user name"),
    QT_TRANSLATE_NOOP("fields", "username"),
    QT_TRANSLATE_NOOP("fields", "value"),
    QT_TRANSLATE_NOOP("fields", "view"),
    QT_TRANSLATE_NOOP("fields", "work plan"),
})


# What makes a database file or a server's database unusable (db/health.py, db/soundness.py,
# the check command): the items of a "problems" parameter, read inside a sentence ("... cannot
# be restored: {problems}."), so in lower case and without a full stop. The plurals are in
# problem_words.
_PROBLEMS: dict[str, str] = {
    "problem.not_sqlite": QT_TRANSLATE_NOOP("errors", "the file is not an SQLite database"),
    "problem.page_size": QT_TRANSLATE_NOOP("errors",
                                           "the header names an impossible page size "
                                           "({page_size})"),
    "problem.cut_short": QT_TRANSLATE_NOOP("errors",
                                           "the file is cut short ({size} bytes of "
                                           "{expected})"),
    "problem.tables_missing": QT_TRANSLATE_NOOP("errors", "tables missing: {names}"),
    "problem.indexes_missing": QT_TRANSLATE_NOOP("errors", "indexes missing: {names}"),
    "problem.triggers_missing": QT_TRANSLATE_NOOP("errors", "triggers missing: {names}"),
    "problem.columns_missing": QT_TRANSLATE_NOOP("errors", "columns missing: {names}"),
    "problem.no_database": QT_TRANSLATE_NOOP("errors", "the database {path} does not exist yet"),
    "problem.folder_missing": QT_TRANSLATE_NOOP("errors", "folder missing: {path}"),
    "problem.integrity": QT_TRANSLATE_NOOP("errors", "integrity: {problem}"),
    "problem.no_schema_version": QT_TRANSLATE_NOOP("errors",
                                                   "this is not a Dentasync Desktop database "
                                                   "(no schema version)"),
    "problem.schema_not_at_head": QT_TRANSLATE_NOOP("errors",
                                                    "schema is at {schema}, expected {head}"),
}
# A problem: a code of _PROBLEMS (or of a refusal) with its parameters, made by ``problem``;
# or the words of SQLite, the server or the OS as they came, which are not ours to translate.
Problem = str | Mapping[str, object]
# Work orders a problem names by number: this many, then "and 7 more".
SHOWN_NUMBERS = 5

# Lists shown as alternatives ("62x29 or 4x6"); other lists are joined by commas.
OR_LISTS = frozenset({"not_label_size"})
# Lists whose items may hold commas themselves.
_SEMICOLON_LISTS = frozenset({"labs"})
# What a draft already has that keeps it from being deleted (services/orders.py _HISTORY).
_KEPT = frozenset({
    QT_TRANSLATE_NOOP("errors", "payments"),
    QT_TRANSLATE_NOOP("errors", "a payment plan"),
    QT_TRANSLATE_NOOP("errors", "events"),
    QT_TRANSLATE_NOOP("errors", "attachments"),
    QT_TRANSLATE_NOOP("errors", "comments"),
    QT_TRANSLATE_NOOP("errors", "payroll records"),
    QT_TRANSLATE_NOOP("errors", "work-plan tasks done"),
    QT_TRANSLATE_NOOP("errors", "copies or remakes"),
})


def field_words(field: str, language: str | None = None) -> str:
    """The name of a refused field in ``language`` ("due date" -> "Fälligkeitsdatum")."""
    return translate("fields", field, None, language) if field in FIELDS else field


def sentence(text: str) -> str:
    """``text`` in the one message style: a capital first letter, a full stop at the end
    (words not yet given a code are written in it too)."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!", "…")) else f"{text}."


def field_label(field: str, language: str | None = None) -> str:
    """The field's name as a form labels it, in ``language``: "due date" -> "Due date"."""
    words = field_words(field, language)
    return words[:1].upper() + words[1:]


def problem(code: str, **params: object) -> dict[str, object]:
    """A problem of a "problems" parameter: its code and its plain values."""
    return {"code": code, **params}


def problem_words(item: Problem, language: str | None = None,
                  locale: str | None = None) -> str:
    """One problem as ``language`` words it, numbers the ``locale``'s way: a coded problem,
    a refusal (its sentence without the full stop, as it stands inside another), or the
    engine's own words as they are."""
    if isinstance(item, str):
        return item
    params = dict(item)
    code = str(params.pop("code"))
    if code in CODES:
        return render(code, params, language, locale).removesuffix(".")
    # Not at the top, as in _values.
    from .formats import number_text
    from .numbers import format_number

    locale = locale or language or default_language()
    if code in ("problem.paid_disagrees", "problem.currency_disagrees"):
        count = int(str(params["count"]))
        numbers = ", ".join(format_number(int(str(n)))
                            for n in params["numbers"])  # type: ignore[attr-defined]
        more = count - SHOWN_NUMBERS
        if more > 0:
            numbers = translate("errors", "{numbers} and %n more", None, language,
                                more).format(numbers=numbers)
        if code == "problem.paid_disagrees":
            return translate("errors", "%n work order(s) whose stored paid amount disagrees "
                                       "with their payments: {numbers}", None, language,
                             count).format(numbers=numbers)
        return translate("errors", "%n work order(s) whose payments are in another currency: "
                                   "{numbers}", None, language, count).format(numbers=numbers)
    if code == "problem.broken_references":
        count = int(str(params["count"]))
        return translate("errors", "%n row(s) of {table} refer to {parent} rows that do not "
                                   "exist", None, language, count).format(**params)
    if "names" in params:
        params["names"] = ", ".join(str(n) for n in params["names"])  # type: ignore[attr-defined]
    if "problem" in params:
        params["problem"] = problem_words(params["problem"],  # type: ignore[arg-type]
                                          language, locale)
    for key in ("size", "expected"):
        if key in params:
            params[key] = number_text(int(str(params[key])), locale)
    return translate("errors", _PROBLEMS[code], None, language).format(**params)


def _status(params: Mapping[str, object], language: str | None) -> str:
    return in_sentence(label(OrderStatus(str(params["status"])), language), language)


def _wait(seconds: int, language: str | None) -> str:
    if seconds < 120:
        return translate("errors", "%n second(s)", None, language, seconds)
    minutes = (seconds + 59) // 60
    return translate("errors", "%n minute(s)", None, language, minutes)


def _values(code: str, params: Mapping[str, object], language: str | None,
            locale: str) -> dict[str, object]:
    """The parameters as the reader reads them: amounts from their minor units and currency
    in the locale's way, order numbers as printed, lists joined, enum values as labels."""
    # Here, not at the top: money.py and numbers.py raise the errors that render through this.
    from . import formats
    from .money import Money
    from .numbers import format_number

    values = dict(params)
    currency = str(params.get("currency", ""))
    for key, value in params.items():
        if key.endswith("_minor") and currency:
            values[key.removesuffix("_minor")] = formats.money_text(
                Money(int(str(value)), currency), locale)
        elif key == "problems":
            values[key] = "; ".join(problem_words(p, language, locale)
                                    for p in value)  # type: ignore[attr-defined]
        elif isinstance(value, list | tuple):
            joiner = (translate("errors", " or ", None, language) if code in OR_LISTS
                      else "; " if key in _SEMICOLON_LISTS else ", ")
            values[key] = joiner.join(str(v) for v in value) or (
                translate("errors", "none yet", None, language) if key == "labs" else "")
    if code in ("no_order", "no_work_order", "no_order_number"):
        values["number"] = format_number(int(str(params["number"])))
    if code in ("not_allowed", "role_changed"):
        values["role"] = label(Role(str(params["role"])), language)
    if code == "not_allowed":
        values["action"] = label(Action(str(params["action"])), language)
    if "seconds" in params:
        values["wait"] = _wait(int(str(params["seconds"])), language)
    if code == "file_too_large":
        size = f"{int(str(params['size'])) / 2**20:.1f}"  # one decimal even when it is 0
        values["size_mb"] = size.replace(".", formats.decimal_sign(locale))
        values["limit_mb"] = formats.number_text(int(str(params["limit"])) // 2**20, locale)
    return values


def render(code: str, params: Mapping[str, object], language: str | None = None,
           locale: str | None = None) -> str:
    """The words for ``code`` in ``language`` (None: the process's language), its amounts and
    numbers written the ``locale``'s way (None: the language's); lifecycle codes are whole
    sentences, the rest follow the field's label ("Due date: Required.")."""
    if code == TEXT:
        return sentence(str(params.get("text", "")))
    if code == "lifecycle.not_possible":
        return translate("errors", "{action} is not possible for an order that is {status}.",
                         None, language).format(
            action=label(Action(str(params["action"])), language),
            status=_status(params, language))
    if code == "lifecycle.on_hold":
        return translate("errors", "The order is on hold: take it off hold first.", None,
                         language)
    if code == "lifecycle.not_deletable":
        return translate("errors", "Only a draft can be deleted; this order is {status}: "
                                   "cancel it instead.", None, language).format(
            status=_status(params, language))
    if code == "lifecycle.has_history":
        kept = ", ".join(translate("errors", str(p), None, language) if p in _KEPT else str(p)
                         for p in params.get("kept", []))  # type: ignore[attr-defined]
        return translate("errors", "The order already has {kept}: cancel it instead of "
                                   "deleting it.", None, language).format(kept=kept)
    if code == "lifecycle.empty_order":
        return translate("errors", "The order has no items and a total of 0.00: add what the "
                                   "lab should make before publishing it.", None, language)
    if code == "lifecycle.open_tasks":
        names = [str(n) for n in params.get("tasks", [])]  # type: ignore[attr-defined]
        count = int(params["count"])  # type: ignore[call-overload]
        more = "…" if count > len(names) else ""
        return translate("errors", "%n work-plan task(s) still open ({tasks}); tick them done "
                                   "first.", None, language, count).format(
            tasks=", ".join(names) + more)
    if code == "lifecycle.not_delivered":
        return translate("errors", "The order is {status}, not delivered: there is no delivery "
                                   "to undo.", None, language).format(
            status=_status(params, language))
    values = _values(code, params, language, locale or language or default_language())
    if code == "server_in_use":
        count = int(str(params["count"]))
        return translate("errors", "%n other connection(s) are open to the database "
                                   "{database}: Dentasync Desktop on other PCs, or another "
                                   "program. Close the app on the other PCs, then restore "
                                   "again. Nothing was changed.", None, language,
                         count).format(**values)
    if code == "too_many_decimals":
        places = int(params["places"])  # type: ignore[call-overload]
        return translate("errors", "{currency} allows at most %n decimal place(s).", None,
                         language, places).format(**values)
    return translate("errors", _TEMPLATES[code], None, language).format(**values)


PROBLEMS = frozenset([*_PROBLEMS, "problem.paid_disagrees", "problem.currency_disagrees",
                      "problem.broken_references"])
CODES = frozenset([*_TEMPLATES, TEXT, "too_many_decimals", "server_in_use",
                   "lifecycle.not_possible", "lifecycle.on_hold", "lifecycle.open_tasks",
                   "lifecycle.not_delivered",
                   "lifecycle.empty_order", "lifecycle.not_deletable",
                   "lifecycle.has_history"])
