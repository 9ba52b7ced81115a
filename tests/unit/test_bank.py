"""IBAN and BIC checks: a table of real and broken bank details."""

from __future__ import annotations

import pytest

from dentasync_desktop.domain.bank import clean_bic, clean_iban
from dentasync_desktop.domain.errors import ValidationError


@pytest.mark.parametrize(("typed", "stored"), [
    ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
    ("gb82 west 1234 5698 7654 32", "GB82WEST12345698765432"),
    ("NL91ABNA0417164300", "NL91ABNA0417164300"),
    ("FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606"),
    ("CH93-0076-2011-6238-5295-7", "CH9300762011623852957"),
    ("AT611904300234573201", "AT611904300234573201"),
    ("BE68539007547034", "BE68539007547034"),
    ("PL61109010140000071219812874", "PL61109010140000071219812874"),
    ("NO9386011117947", "NO9386011117947"),
    ("SA0380000000608010167519", "SA0380000000608010167519"),
    ("TR330006100519786457841326", "TR330006100519786457841326"),
    ("   ", ""),
])
def test_good_ibans_are_stored_compact(typed: str, stored: str) -> None:
    assert clean_iban(typed) == stored


@pytest.mark.parametrize(("typed", "reason"), [
    # 20 characters, check digits made to match: only the German length gives it away.
    ("DE86 3704 0044 0532 0130", "An IBAN from Germany has 22 characters, this one has 20"),
    ("DE8937040044053201300", "has 22 characters, this one has 21"),
    ("XX46370400440532013000", "'XX' is not a country that uses IBANs"),
    ("XX89370400440532013000", "'XX' is not a country that uses IBANs"),
    ("DE89 3704 0044 0532 0130 01", "The check digits do not match"),
    ("GB82WEST12345698765433", "The check digits do not match"),
    # Right length and check digits, but the UK bank code must be 4 letters.
    ("GB25123412345698765432", "Does not have the form of an IBAN from United Kingdom"),
    ("1234", "is not an IBAN"),
    ("DE89-3704-0044-0532-0130-0€", "is not an IBAN"),
])
def test_bad_ibans_are_refused_naming_the_field(typed: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_iban(typed)
    assert caught.value.field == "IBAN"
    assert reason in caught.value.reason


@pytest.mark.parametrize(("typed", "stored"), [
    ("COBADEFFXXX", "COBADEFFXXX"),
    ("COBADEFF", "COBADEFF"),
    ("natx gb2l", "NATXGB2L"),
    ("DEUTDEFF500", "DEUTDEFF500"),
    ("", ""),
])
def test_good_bics_are_stored_compact(typed: str, stored: str) -> None:
    assert clean_bic(typed) == stored


@pytest.mark.parametrize(("typed", "reason"), [
    ("COBAZZFF", "'ZZ' in 'COBAZZFF' is not a country code"),
    ("COBAXXFFXXX", "'XX' in 'COBAXXFFXXX' is not a country code"),
    ("COBADEFFX", "8 or 11 letters and digits"),
    ("COBADEF", "8 or 11 letters and digits"),
    ("1OBADEFF", "4 letters for the bank"),
])
def test_bad_bics_are_refused_naming_the_field(typed: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_bic(typed)
    assert caught.value.field == "BIC"
    assert reason in caught.value.reason
