"""Settings > Database without a server: the URL from the form's fields and back, the fields
refused by name, and the driver's refusals told as what to change."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dentasync_desktop.db import server
from dentasync_desktop.domain.errors import ValidationError
from dentasync_desktop.services.database_choice import (
    DEFAULT_TLS,
    TLS_MODES,
    ServerSettings,
    settings_of,
    url_of,
    validated,
)

ANNA = ServerSettings(host="db.clinic.lan", port=5433, database="dentasync", user="anna",
                      password="s3cret", tls="require")
# Characters a URL gives a meaning to, and some it must carry as they are.
AWKWARD = ["p@ss:w/rd?#%", "a b+c", "100%", "Zahnärztin&Co=1", "ключ", "trailing ", "'\";"]


def test_the_url_names_the_driver_and_leaves_the_default_tls_out() -> None:
    assert url_of(ANNA) == "postgresql+psycopg://anna@db.clinic.lan:5433/dentasync?sslmode=require"
    assert url_of(replace(ANNA, tls=DEFAULT_TLS)) == (
        "postgresql+psycopg://anna@db.clinic.lan:5433/dentasync")
    assert "s3cret" in url_of(ANNA, with_password=True)


@pytest.mark.parametrize("awkward", AWKWARD)
def test_special_characters_survive_the_round_trip(awkward: str) -> None:
    chosen = replace(ANNA, user=f"u{awkward}", password=awkward, database=f"d{awkward}")
    url = url_of(chosen, with_password=True)
    assert settings_of(url) == chosen
    # The URL kept in the data folder comes back without any password.
    assert settings_of(url_of(chosen)) == replace(chosen, password="")


@given(user=st.text(min_size=1, max_size=20).filter(lambda t: "\x00" not in t),
       password=st.text(min_size=1, max_size=20), database=st.text(min_size=1, max_size=20),
       port=st.integers(1, 65535), tls=st.sampled_from(TLS_MODES))
def test_any_parts_come_back_as_they_went_in(user: str, password: str, database: str,
                                            port: int, tls: str) -> None:
    chosen = ServerSettings("clinic-server", port, database, user, password, tls)
    assert settings_of(url_of(chosen, with_password=True)) == chosen


def test_an_ipv6_address_is_a_host() -> None:
    chosen = replace(ANNA, host="fe80::1", password="")
    assert settings_of(url_of(chosen)) == chosen


@pytest.mark.parametrize(("change", "says"), [
    ({"host": "  "}, "Host: Required."),
    ({"host": "clinic server"}, "Host: 'clinic server' is not a server name or address"),
    ({"port": 0}, "Port: Must be between 1 and 65535."),
    ({"port": 70000}, "Port: Must be between 1 and 65535."),
    ({"database": ""}, "Database: Required."),
    ({"database": "d" * 64}, "Database: Too long (64 characters, at most 63)."),
    ({"user": ""}, "User: Required."),
    ({"password": "a\x00b"}, "Password: Contains characters that are not valid text."),
    ({"tls": "sometimes"}, "TLS mode: 'sometimes' is not one of disable, allow, prefer"),
])
def test_a_bad_field_is_refused_by_its_name(change: dict[str, object], says: str) -> None:
    with pytest.raises(ValidationError) as refused:
        validated(replace(ANNA, **change))  # type: ignore[arg-type]
    assert refused.value.message.startswith(says)


def test_validation_trims_names_but_keeps_the_password_as_typed() -> None:
    typed = replace(ANNA, host=" db.clinic.lan ", user=" anna", password=" spaced ")
    assert validated(typed) == replace(ANNA, password=" spaced ")


TARGET = server.parse("postgresql+psycopg://anna@db.clinic.lan:5433/dentasync")


@pytest.mark.parametrize(("driver_says", "told"), [
    ('connection failed: connection to server at "10.0.0.5", port 5433 failed: FATAL:  '
     'password authentication failed for user "anna"',
     "The server refused the password of the user anna."),
    ("connection failed: fe_sendauth: no password supplied",
     "The server asks for the password of the user anna; none was given."),
    ('connection failed: connection to server at "10.0.0.5", port 5433 failed: Connection '
     'refused\n\tIs the server running on that host and accepting TCP/IP connections?',
     "No database server answers at db.clinic.lan, port 5433."),
    ("failed to resolve host 'db.clinic.lan': [Errno -2] Name or service not known",
     "The server name db.clinic.lan is not known on this network."),
    ('connection failed: connection to server at "10.0.0.5", port 5433 failed: FATAL:  '
     'database "dentasync" does not exist', "The server has no database called dentasync."),
    ('connection failed: connection to server at "10.0.0.5", port 5433 failed: FATAL:  '
     'no pg_hba.conf entry for host "10.0.0.7", user "anna", database "dentasync", no '
     'encryption', 'The server lets this PC in only over TLS: choose the TLS mode "require".'),
    ('connection failed: connection to server at "10.0.0.5", port 5433 failed: FATAL:  '
     'no pg_hba.conf entry for host "10.0.0.7", user "anna", database "dentasync", SSL '
     'encryption', "The server does not let the user anna in from this PC"),
    ('connection failed: connection to server at "10.0.0.5", port 5433 failed: server does '
     'not support SSL, but SSL was required', "The server does not offer TLS"),
    ("connection failed: connection to server at \"10.0.0.5\", port 5433 failed: timeout "
     "expired", "db.clinic.lan did not answer within 5 seconds."),
    ('connection failed: connection to server at "10.0.0.5", port 5433 failed: FATAL:  '
     'Passwort-Authentifizierung für Benutzer »anna« fehlgeschlagen',
     "The server refused the connection: Passwort-Authentifizierung für Benutzer »anna« "
     "fehlgeschlagen"),
])
def test_a_refused_connection_says_what_to_change(driver_says: str, told: str) -> None:
    problem = server.connection_problem(RuntimeError(driver_says), TARGET, 5)
    assert problem.message.startswith(told)
    assert "\n" not in problem.message
