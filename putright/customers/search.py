"""Finding a customer at a landlord: by name, tenancy or property reference, address or postcode, email,
phone number, or the reference of one of their cases."""

from __future__ import annotations

import re
from functools import reduce
from operator import and_

from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Replace

from putright.cases.models import Case
from putright.customers.models import Customer
from putright.organisations.models import Landlord

MAX_WORDS = 6


def _word_matches(word: str) -> Q:
    match = (
        Q(name__icontains=word)
        | Q(tenancy_reference__icontains=word)
        | Q(address__icontains=word)
        | Q(postcode__icontains=word)
        | Q(email__icontains=word)
    )
    digits = _phone_digits(word)
    if len(digits) >= 4:
        match |= Q(phone_digits__contains=digits)
    return match


def _phone_digits(text: str) -> str:
    """The digits of a phone number without a leading 0 or +44, so 07700 900123 finds +44 7700 900123."""
    digits = re.sub(r"\D", "", text)
    if digits.startswith("44") and len(digits) > 10:
        return digits[2:]
    return digits.removeprefix("0")


def _without(marks: str, field: str) -> Replace | F:
    """The field's text with each of `marks` taken out."""
    text: Replace | F = F(field)
    for mark in marks:
        text = Replace(text, Value(mark), Value(""))
    return text


def customer_search(*, landlord: Landlord, query: str) -> QuerySet[Customer]:
    """The landlord's customers matching every word of `query` in one of their details (a postcode or phone
    number may be typed with or without spaces), or whose case has that reference; by name."""
    query = " ".join(query.split())
    if not query:
        return Customer.objects.none()
    words = query.split()[:MAX_WORDS]
    customers = Customer.objects.filter(landlord=landlord).annotate(
        phone_digits=_without(" -+()", "phone"),
        postcode_compact=Replace("postcode", Value(" "), Value("")),
    )
    compact = query.replace(" ", "")
    matches = reduce(and_, (_word_matches(word) for word in words))
    matches |= Q(postcode_compact__iexact=compact) | Q(tenancy_reference__iexact=query)
    digits = _phone_digits(query)
    if len(digits) >= 6 and len(digits) >= len(compact) - 4:  # the whole query is a phone number
        matches |= Q(phone_digits__contains=digits)
    # References are upper case: an exact match uses the (landlord, reference) index.
    by_case = Case.objects.filter(landlord=landlord, reference=compact.upper()).values("customer_id")
    matches |= Q(pk__in=by_case)
    return customers.filter(matches).order_by("name", "pk")


def possible_duplicates(
    *, landlord: Landlord, name: str, postcode: str = "", email: str = "", phone: str = ""
) -> QuerySet[Customer]:
    """The landlord's customers who may be the person about to be added: the same name (at the same
    postcode, when both have one), the same email address, or the same phone number."""
    customers = Customer.objects.filter(landlord=landlord).annotate(
        phone_digits=_without(" -+()", "phone"), postcode_compact=_without(" ", "postcode")
    )
    matches = Q(name__iexact=" ".join(name.split()))
    if postcode.strip():
        matches &= Q(postcode="") | Q(postcode_compact__iexact=postcode.replace(" ", ""))
    if email.strip():
        matches |= Q(email__iexact=email.strip())
    digits = _phone_digits(phone)
    if len(digits) >= 6:
        matches |= Q(phone_digits__endswith=digits)
    return customers.filter(matches).order_by("name", "pk")
