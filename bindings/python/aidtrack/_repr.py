"""Readable ``repr()`` for the compiled record classes and stores.

pybind11 gives every class ``<aidtrack._core.X object at 0x…>`` unless told otherwise. Rather than
a hand-written ``__repr__`` per class in C++, each class of ``_core`` without one gets a repr here
that names the type and its key fields: the fields listed in ``KEY_FIELDS`` for that class, else
its first scalar fields in the order they were bound (identifiers and names come first there).
Empty fields are left out, long text is shortened, and lists show how many items they hold, so
a repr stays one short line however big the record. Stores list how many records of each kind
they hold.
"""
from __future__ import annotations

import datetime as _dt
import enum
from decimal import Decimal
from typing import Any, Callable, Dict, Iterable, Optional, Tuple

from . import _core

#: The fields a repr shows, in order, for classes whose bound order does not put them first.
KEY_FIELDS: Dict[str, Tuple[str, ...]] = {
    "Activity": ("identifier", "title_text", "reporting_org", "status", "planned_start", "planned_end",
                 "actual_start", "actual_end", "default_currency"),
    "Organisation": ("ref", "name", "type", "country"),
    "ReportingOrg": ("ref", "name", "type", "secondary_reporter"),
    "ParticipatingOrg": ("ref", "role", "name", "type", "activity_id"),
    "Transaction": ("activity", "type", "date", "value", "provider_org", "receiver_org", "ref"),
    "Budget": ("activity", "type", "status", "period", "value"),
    "PlannedDisbursement": ("activity", "type", "period", "value", "provider_org", "receiver_org"),
    "Diagnostic": ("severity", "kind", "rule", "file", "line", "element", "message"),
    "IatiResult": ("type", "title", "indicators"),
    "ResultIndicator": ("title", "measure", "ascending", "baselines", "periods"),
    "IndicatorPeriod": ("start", "end", "targets", "actuals"),
    "IndicatorValue": ("value", "text", "dimensions"),
    "DocumentLink": ("title", "url", "format"),
    "Forum": ("ref", "name", "members", "meetings", "action_points"),
    "Meeting": ("ref", "date", "place", "attendees", "agenda", "decisions"),
    "ActionPoint": ("ref", "meeting", "text", "owner", "due", "status", "closed"),
    "Agreement": ("ref", "title", "signed_on", "binding", "parties", "commitments", "monitoring"),
    "AgreementParty": ("org_ref", "name", "constituency", "signed_on"),
    "Commitment": ("ref", "party", "text", "principle", "target", "target_year"),
    "MonitoringEntry": ("commitment", "year", "status", "joint", "published", "assessed_on", "evidence"),
    "JointWork": ("ref", "kind", "title", "lead", "start", "end", "joint"),
    "ExchangeVisit": ("ref", "date", "year", "host", "visitors", "purpose"),
    "Training": ("ref", "year", "title", "provider", "recipients"),
    "Deployment": ("ref", "contributor", "mission", "host_country", "rotation_start", "rotation_end", "total_personnel"),
    "Tender": ("ref", "title", "buyer", "issued", "closing", "lots", "bids", "contracts"),
    "Contract": ("ref", "operator_ref", "lot", "value", "contracted_m2", "released_m2", "spent", "signed_on", "start", "end"),
    "Bid": ("ref", "lot", "operator_ref", "price", "technical_score", "accredited"),
    "Lot": ("ref", "province", "area_m2", "hazard_areas"),
    "MapuRequest": ("ref", "province", "district", "village", "plan_year", "state", "score", "rank", "area_m2", "cost"),
    "MutualAccountability": ("year", "criteria_met", "gpedc7", "paris12"),
    "Conversion": ("value", "from_per_usd", "to_per_usd", "rate_date", "source"),
    "Report": ("title", "subtitle", "sections"),
    "Provenance": ("source", "line", "evidence", "note"),
    "OrgInCountry": ("org", "country"),
}

#: Fields never shown: where a record came from is long and rarely what one looks for.
SKIPPED_FIELDS = frozenset({"provenance"})

def _counter(attribute: str, is_list: bool) -> Callable[[Any], int]:
    def count(store: Any) -> int:
        value = getattr(store, attribute)
        return len(value) if is_list else int(value)
    return count


#: Stores: (label, how to count) pairs; a repr lists the non-zero counts.
STORE_COUNTS: Dict[str, Tuple[Tuple[str, Callable[[Any], int]], ...]] = {
    "CoordinationStore": tuple((name.replace("_", " "), _counter(name, True))
                               for name in ("forums", "agreements", "joint_work", "exchange_visits", "trainings",
                                            "deployments", "tenders", "mapu_requests")),
    "ResultsStore": tuple((label, _counter(attribute, False))
                          for label, attribute in (("strategies", "strategy_count"), ("indicators", "indicator_count"),
                                                   ("hazard areas", "hazard_count"), ("releases", "release_count"),
                                                   ("casualties", "casualty_count"))),
    "ExchangeRates": (("currencies", lambda r: len(r.currencies())), ("rates", len)),
    "Deflators": (("deflators", len),),
}

_MAX_TEXT = 48
_MAX_FIELDS = 7


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_TEXT else text[:_MAX_TEXT - 1] + "…"


def _is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, (str, list, tuple, dict, set)) and len(value) == 0:
        return True
    return False


def format_value(value: Any) -> Optional[str]:
    """A short text for one field value, or None to leave the field out."""
    if _is_empty(value):
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.name
    if isinstance(value, (int, float, Decimal)):
        return str(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return repr(_shorten(value))
    if isinstance(value, (list, tuple, set)):
        items = list(value)
        if type(items[0]).__name__ == "Narrative":  # a text in several languages: the first
            return repr(_shorten(items[0].text))
        if all(isinstance(v, (str, int)) for v in items) and len(items) <= 3:
            return repr([_shorten(v) if isinstance(v, str) else v for v in items])
        first = type(items[0]).__name__
        return f"[{len(items)} {first}]" if all(type(v) is type(items[0]) for v in items) else f"[{len(items)} items]"
    if isinstance(value, dict):
        return f"{{{len(value)} items}}"
    name = type(value).__name__
    if name == "Money":
        return str(value).strip()
    if name == "Period":
        return f"{value.start.isoformat()}..{value.end.isoformat()}"
    if name == "Narrative":
        return repr(_shorten(value.text))
    # Pybind enums (py::enum_) print as "<Kind.name: n>": the name is enough.
    if hasattr(type(value), "__members__") and hasattr(value, "name"):
        return str(value.name)
    # A nested record: its identifying field, else its own repr unless that is empty.
    for key in ("ref", "identifier", "org", "code", "name", "title"):
        inner = getattr(value, key, None)
        if isinstance(inner, str) and inner:
            return repr(_shorten(inner))
    text = repr(value)
    return None if text == f"{name}()" else text


def _bound_fields(cls: type) -> Tuple[str, ...]:
    """Readable properties of a compiled class in the order they were bound."""
    names = []
    for klass in reversed(cls.__mro__):
        for name, attribute in vars(klass).items():
            if isinstance(attribute, property) and not name.startswith("_") and name not in names:
                names.append(name)
    return tuple(names)


def _fields_of(cls: type) -> Tuple[str, ...]:
    key = KEY_FIELDS.get(cls.__name__)
    if key is not None:
        return key
    return tuple(n for n in _bound_fields(cls) if n not in SKIPPED_FIELDS)


def record_repr(obj: Any) -> str:
    """``Type(field=value, …)`` with the key fields that hold something."""
    cls = type(obj)
    parts = []
    for name in _fields_of(cls):
        try:
            value = getattr(obj, name)
            if callable(value) and not isinstance(value, type):
                value = value()
        except Exception:  # a field that cannot be read must not break the repr
            continue
        if name == "line" and value == 0:  # 0 is "unknown" for a line number
            continue
        text = format_value(value)
        if text is not None:
            parts.append(f"{name}={text}")
        if len(parts) == _MAX_FIELDS:
            break
    return f"{cls.__name__}({', '.join(parts)})"


def store_repr(obj: Any) -> str:
    """``<Store: 3 forums, 2 agreements, …>`` (or ``<Store: empty>``)."""
    counts = []
    for label, count in STORE_COUNTS[type(obj).__name__]:
        n = count(obj)
        if n:
            counts.append(f"{n} {label}")
    return f"<{type(obj).__name__}: {', '.join(counts) if counts else 'empty'}>"


def _has_own_repr(cls: type) -> bool:
    return any("__repr__" in vars(k) for k in cls.__mro__ if k.__module__ != "builtins" and k.__name__ != "pybind11_object")


def compiled_classes(module: Any = _core) -> Iterable[type]:
    """The public classes of the compiled module (enums and exceptions included)."""
    for name in dir(module):
        value = getattr(module, name)
        if isinstance(value, type) and not name.startswith("_") and value.__module__ == module.__name__:
            yield value


def install(module: Any = _core) -> None:
    """Give every record class and store of ``module`` without a repr of its own a readable one."""
    for cls in compiled_classes(module):
        if issubclass(cls, BaseException) or hasattr(cls, "__members__"):
            continue  # exceptions and enums print well already
        if cls.__name__ in STORE_COUNTS:
            setattr(cls, "__repr__", store_repr)
        elif cls.__name__ in KEY_FIELDS or not _has_own_repr(cls):
            setattr(cls, "__repr__", record_repr)
