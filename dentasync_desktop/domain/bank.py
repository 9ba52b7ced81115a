"""IBAN and BIC as a lab's payment details need them, checked against python-stdnum's registry.

A wrong IBAN is printed on payment instructions and in their SEPA QR code, so the money would
go nowhere: each check names what is wrong (country, length, format, check digits).
"""

from __future__ import annotations

import re

from .errors import ValidationError

# python-stdnum is imported by the checks that use it, not with this module: it costs more at
# import than the rest of the domain layer, and every start imports the master-data services,
# while IBANs are only checked when a lab's payment details are saved or printed.

# A SEPA credit-transfer QR code (EPC069-12) carries at most this many characters of the
# payee's name; banking apps show the rest cut off.
EPC_MAX_NAME = 70
_SHAPE = re.compile(r"[A-Z]{2}[0-9]{2}[A-Z0-9]+")
_BBAN_PART = re.compile(r"(\d+)!?([nac])")


def iban_country(country: str) -> tuple[str, list[tuple[int, str]]] | None:
    """The country's name and the parts of its account number ("BBAN") as (length, kind):
    ``n`` digits, ``a`` letters, ``c`` either; None when the country does not use IBANs."""
    from stdnum import numdb

    found = numdb.get("iban").info(country[:2].upper())[0][1]
    if not found:
        return None
    parts = [(int(size), kind) for size, kind in _BBAN_PART.findall(found["bban"])]
    return found["country"], parts


def clean_iban(value: str, field: str = "IBAN") -> str:
    """Spaces removed, upper case, valid for its country; empty stays empty."""
    from stdnum import iban as stdnum_iban
    from stdnum.exceptions import InvalidChecksum
    from stdnum.exceptions import ValidationError as StdnumInvalid

    iban = stdnum_iban.compact(value or "")
    if not iban:
        return ""
    if not _SHAPE.fullmatch(iban):
        raise ValidationError(field, code="not_iban", params={"value": value.strip()})
    country = iban_country(iban)
    if country is None:
        raise ValidationError(field, code="no_iban_country", params={"value": iban[:2]})
    name, length = country[0], 4 + sum(size for size, _kind in country[1])
    if len(iban) != length:
        raise ValidationError(field, code="iban_length", params={
            "country": name, "length": length, "actual": len(iban)})
    try:
        # Without the national modules: some also look the bank up in a list shipped with the
        # library, which would refuse the real account of a bank newer than the list.
        stdnum_iban.validate(iban, check_country=False)
    except InvalidChecksum:
        raise ValidationError(field, code="iban_check_digits") from None
    except StdnumInvalid:
        raise ValidationError(field, code="iban_form", params={"country": name}) from None
    return iban


def clean_bic(value: str, field: str = "BIC") -> str:
    """Spaces removed, upper case, 8 or 11 characters with a real country code; empty stays."""
    from stdnum import bic as stdnum_bic
    from stdnum.exceptions import InvalidComponent, InvalidLength
    from stdnum.exceptions import ValidationError as StdnumInvalid

    bic = stdnum_bic.compact(value or "")
    if not bic:
        return ""
    try:
        return stdnum_bic.validate(bic)
    except InvalidLength:
        raise ValidationError(field, code="bic_length", params={"value": bic}) from None
    except InvalidComponent:
        raise ValidationError(field, code="bic_country",
                              params={"country": bic[4:6], "value": bic}) from None
    except StdnumInvalid:
        raise ValidationError(field, code="bic_form", params={"value": bic}) from None
