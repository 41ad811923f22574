"""Aid-effectiveness measures (alignment, harmonization, predictability, fragmentation) as DataFrames.

Every function takes a :class:`aidtrack.Portfolio` and keyword options shared by all measures:

``methodology``
    the measure's variant (e.g. ``"paris2008"``, ``"paris2011"``, ``"gpedc2018"``); ``None`` = default.
``calendar``
    the government's :class:`aidtrack.FiscalCalendar` (default: calendar years, Cambodia).
``years``
    fiscal years to report (default: every year with data).
``currency``, ``rates``, ``policy``
    convert into ``currency`` with an :class:`aidtrack.ExchangeRates` table; mixed currencies
    without them raise :class:`aidtrack.CurrencyError`.
``donor``
    ``"reporting_org"`` (default) or ``"provider_org"``.
``donor_calendars``
    ``{org_ref: FiscalCalendar}`` for donors reporting annual amounts in their own fiscal years.
``hop``
    ``"origin"`` (default: chained flows counted once, at the first hop) or ``"reported"``.
``schedule_fallback``
    use activity budgets as the schedule of activities without planned disbursements.
``government_orgs``, ``country``
    who counts as the recipient government sector.
``totals``
    append one ``"(all)"`` row per year (default True).

Each returns a DataFrame with numerator, denominator, value (``NA`` when undefined) and the
records counted; ``frame.attrs`` holds title, methodology and notes (formula and source).
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional, Sequence

import pandas as pd

from . import _core
from ._frames import table_frame

ActivityShare = _core.ActivityShare
QuestionnaireRecord = _core.QuestionnaireRecord
GovernmentBudgetRecord = _core.GovernmentBudgetRecord
GlobalAidRecord = _core.GlobalAidRecord
load_activity_shares = _core.load_activity_shares
load_questionnaire = _core.load_questionnaire
load_government_budget = _core.load_government_budget
load_global_aid = _core.load_global_aid

_OPTION_NAMES = {
    "methodology", "calendar", "years", "currency", "rates", "policy", "donor", "donor_calendars", "hop",
    "schedule_fallback", "government_orgs", "country", "totals",
}


def options(**kwargs: Any) -> "_core.MeasureOptions":
    """Build the compiled MeasureOptions from the keyword options described in this module."""
    unknown = set(kwargs) - _OPTION_NAMES
    if unknown:
        raise TypeError(f"unknown measure option(s): {', '.join(sorted(unknown))}")
    o = _core.MeasureOptions()
    if kwargs.get("methodology"):
        o.methodology = kwargs["methodology"]
    if kwargs.get("calendar") is not None:
        o.calendar = kwargs["calendar"]
    if kwargs.get("years") is not None:
        o.years = [int(y) for y in kwargs["years"]]
    if kwargs.get("currency") is not None:
        o.currency = kwargs["currency"]
    if kwargs.get("rates") is not None:
        o.set_rates(kwargs["rates"])
    if kwargs.get("policy") is not None:
        o.policy = kwargs["policy"]
    if kwargs.get("donor") is not None:
        o.donor = kwargs["donor"]
    if kwargs.get("donor_calendars"):
        o.donor_calendars = dict(kwargs["donor_calendars"])
    if kwargs.get("hop") is not None:
        o.hop = kwargs["hop"]
    if kwargs.get("schedule_fallback"):
        o.budgets_as_schedule_fallback = True
    if kwargs.get("government_orgs"):
        o.government_orgs = set(kwargs["government_orgs"])
    if kwargs.get("country") is not None:
        o.country = kwargs["country"]
    if kwargs.get("totals") is not None:
        o.totals = bool(kwargs["totals"])
    return o


def donor_flows(portfolio: Any, **opts: Any) -> pd.DataFrame:
    """Disbursements per donor x fiscal year (converted, re-bucketed, chained flows counted once)."""
    return table_frame(_core._measure_donor_flows(portfolio, options(**opts)))


def predictability(portfolio: Any, **opts: Any) -> pd.DataFrame:
    """Annual predictability (Paris 7 / GPEDC 5a): ``paris2008`` D/S, ``paris2011`` min/max,
    ``gpedc2018`` (default) min(D,S)/S with over_disbursement beside it."""
    return table_frame(_core._measure_annual_predictability(portfolio, options(**opts)))


def medium_term_predictability(portfolio: Any, **opts: Any) -> pd.DataFrame:
    """GPEDC 5b: share of the reference year's funding covered by plans for FY+1..FY+3."""
    return table_frame(_core._measure_medium_term_predictability(portfolio, options(**opts)))


def execution_rate(portfolio: Any, **opts: Any) -> pd.DataFrame:
    """Disbursements / commitments per year and the undisbursed balance."""
    return table_frame(_core._measure_execution_rate(portfolio, options(**opts)))


def untied_aid(portfolio: Any, **opts: Any) -> pd.DataFrame:
    """Paris 8 / GPEDC 10: untied share of disbursements with a known tied status."""
    return table_frame(_core._measure_untied_aid(portfolio, options(**opts)))


def aid_on_budget(portfolio: Any, budget: Sequence[GovernmentBudgetRecord], **opts: Any) -> pd.DataFrame:
    """Paris 3 (``paris2008``, inverted ratio; ``plain``) and GPEDC 6 (``gpedc2018``, of/beyond scheduled)."""
    return table_frame(_core._measure_aid_on_budget(portfolio, options(**opts), list(budget)))


def country_systems(portfolio: Any, questionnaire: Sequence[QuestionnaireRecord], *, channel_proxy: bool = False,
                    **opts: Any) -> pd.DataFrame:
    """Paris 5a/5b and GPEDC 9b (default); ``channel_proxy=True`` lets disbursement channel 1 stand in
    for missing answers (documented in the notes)."""
    return table_frame(_core._measure_country_systems(portfolio, options(**opts), list(questionnaire), channel_proxy))


def parallel_pius(portfolio: Any, questionnaire: Sequence[QuestionnaireRecord], **opts: Any) -> pd.DataFrame:
    """Paris 6: number of parallel project implementation units."""
    return table_frame(_core._measure_parallel_pius(portfolio, options(**opts), list(questionnaire)))


def country_results_frameworks(portfolio: Any, questionnaire: Sequence[QuestionnaireRecord], **opts: Any) -> pd.DataFrame:
    """GPEDC 1a: the four sub-shares over new interventions."""
    return table_frame(_core._measure_country_results_frameworks(portfolio, options(**opts), list(questionnaire)))


def programme_based(portfolio: Any, questionnaire: Sequence[QuestionnaireRecord] = (), **opts: Any) -> pd.DataFrame:
    """Paris 9: share of disbursements through programme-based approaches (B04, A02 or flagged)."""
    return table_frame(_core._measure_programme_based(portfolio, options(**opts), list(questionnaire)))


def technical_cooperation(portfolio: Any, questionnaire: Sequence[QuestionnaireRecord], **opts: Any) -> pd.DataFrame:
    """Paris 4: share of technical cooperation that is coordinated."""
    return table_frame(_core._measure_technical_cooperation(portfolio, options(**opts), list(questionnaire)))


def strategy_alignment(portfolio: Any, mapping: Sequence[ActivityShare], **opts: Any) -> pd.DataFrame:
    """Disbursements per donor x year x NMAS objective; unmapped money is its own row."""
    return table_frame(_core._measure_strategy_alignment(portfolio, options(**opts), list(mapping)))


def fragmentation(portfolio: Any, mapping: Sequence[ActivityShare], *, group: str = "objective", **opts: Any) -> pd.DataFrame:
    """Donors and HHI (0-10,000, normalized, 1-HHI) per objective or province x year."""
    return table_frame(_core._measure_fragmentation(portfolio, options(**opts), list(mapping), group))


def significance(portfolio: Any, global_aid: Sequence[GlobalAidRecord], *, world_total: Optional[Any] = None,
                 **opts: Any) -> pd.DataFrame:
    """OECD division-of-labour test per donor x year; ``(all)`` rows give the non-significant share."""
    return table_frame(_core._measure_significance(portfolio, options(**opts), list(global_aid), world_total))


def overlap(portfolio: Any, objectives: Sequence[ActivityShare], provinces: Sequence[ActivityShare],
            **opts: Any) -> pd.DataFrame:
    """Pairs of activities of different donors in the same province and objective at the same time."""
    return table_frame(_core._measure_overlap(portfolio, options(**opts), list(objectives), list(provinces)))


__all__ = [
    "ActivityShare", "QuestionnaireRecord", "GovernmentBudgetRecord", "GlobalAidRecord", "load_activity_shares",
    "load_questionnaire", "load_government_budget", "load_global_aid", "options", "donor_flows", "predictability",
    "medium_term_predictability", "execution_rate", "untied_aid", "aid_on_budget", "country_systems", "parallel_pius",
    "country_results_frameworks", "programme_based", "technical_cooperation", "strategy_alignment", "fragmentation",
    "significance", "overlap",
]
