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
``places``
    decimals kept when amounts are spread over years by days (default 2).

The options are keyword-only and spelled out in every signature, so ``help()``, editors and type
checkers show them; :func:`options` builds the compiled :class:`aidtrack.MeasureOptions` from them.

Each returns a :class:`aidtrack.TableFrame` (a pandas DataFrame) with numerator, denominator,
value (``NA`` when undefined) and the records counted; ``frame.attrs`` holds title, methodology
and notes (formula and source), which Jupyter shows above and below the table.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Callable, Iterable, Literal, Mapping, Optional, Sequence

from . import _core
from ._core import ConversionPolicy, ExchangeRates, FiscalCalendar, MeasureOptions, Portfolio
from ._frames import TableFrame, table_frame

ActivityShare = _core.ActivityShare
QuestionnaireRecord = _core.QuestionnaireRecord
GovernmentBudgetRecord = _core.GovernmentBudgetRecord
GlobalAidRecord = _core.GlobalAidRecord
load_activity_shares = _core.load_activity_shares
load_questionnaire = _core.load_questionnaire
load_government_budget = _core.load_government_budget
load_global_aid = _core.load_global_aid

#: Who money is attributed to: the publisher of the activity, or the transaction's provider.
DonorDefinition = Literal["reporting_org", "provider_org"]
#: Which hop of a chained flow (donor → agency → authority) counts.
FlowHop = Literal["origin", "reported"]


def options(*, methodology: Optional[str] = None, calendar: Optional[FiscalCalendar] = None,
            years: Optional[Iterable[int]] = None, currency: Optional[str] = None,
            rates: Optional[ExchangeRates] = None, policy: Optional[ConversionPolicy] = None,
            donor: DonorDefinition = "reporting_org", donor_calendars: Optional[Mapping[str, FiscalCalendar]] = None,
            hop: FlowHop = "origin", schedule_fallback: bool = False, government_orgs: Iterable[str] = (),
            country: str = "KH", totals: bool = True, places: int = 2) -> MeasureOptions:
    """The compiled :class:`aidtrack.MeasureOptions` from the keyword options every measure takes
    (described in this module's documentation)."""
    o = _core.MeasureOptions()
    if methodology:
        o.methodology = methodology
    if calendar is not None:
        o.calendar = calendar
    if years is not None:
        o.years = [int(y) for y in years]
    if currency is not None:
        o.currency = currency
    if rates is not None:
        o.set_rates(rates)
    if policy is not None:
        o.policy = policy
    o.donor = donor
    if donor_calendars:
        o.donor_calendars = dict(donor_calendars)
    o.hop = hop
    o.budgets_as_schedule_fallback = bool(schedule_fallback)
    if government_orgs:
        o.government_orgs = set(government_orgs)
    o.country = country
    o.totals = bool(totals)
    o.places = int(places)
    return o


# Every measure takes the same keyword-only options after its own inputs. They are spelled out in
# each signature (rather than **opts) so that help(), editors and type checkers see them.

def donor_flows(portfolio: Portfolio, *, methodology: Optional[str] = None, calendar: Optional[FiscalCalendar] = None,
                years: Optional[Iterable[int]] = None, currency: Optional[str] = None,
                rates: Optional[ExchangeRates] = None, policy: Optional[ConversionPolicy] = None,
                donor: DonorDefinition = "reporting_org",
                donor_calendars: Optional[Mapping[str, FiscalCalendar]] = None, hop: FlowHop = "origin",
                schedule_fallback: bool = False, government_orgs: Iterable[str] = (), country: str = "KH",
                totals: bool = True, places: int = 2) -> TableFrame:
    """Disbursements per donor x fiscal year (converted, re-bucketed, chained flows counted once)."""
    o = options(methodology=methodology, calendar=calendar, years=years, currency=currency, rates=rates, policy=policy,
                donor=donor, donor_calendars=donor_calendars, hop=hop, schedule_fallback=schedule_fallback,
                government_orgs=government_orgs, country=country, totals=totals, places=places)
    return table_frame(_core._measure_donor_flows(portfolio, o))


def predictability(portfolio: Portfolio, *, methodology: Optional[str] = None,
                   calendar: Optional[FiscalCalendar] = None, years: Optional[Iterable[int]] = None,
                   currency: Optional[str] = None, rates: Optional[ExchangeRates] = None,
                   policy: Optional[ConversionPolicy] = None, donor: DonorDefinition = "reporting_org",
                   donor_calendars: Optional[Mapping[str, FiscalCalendar]] = None, hop: FlowHop = "origin",
                   schedule_fallback: bool = False, government_orgs: Iterable[str] = (), country: str = "KH",
                   totals: bool = True, places: int = 2) -> TableFrame:
    """Annual predictability (Paris 7 / GPEDC 5a): ``paris2008`` D/S, ``paris2011`` min/max,
    ``gpedc2018`` (default) min(D,S)/S with over_disbursement beside it."""
    o = options(methodology=methodology, calendar=calendar, years=years, currency=currency, rates=rates, policy=policy,
                donor=donor, donor_calendars=donor_calendars, hop=hop, schedule_fallback=schedule_fallback,
                government_orgs=government_orgs, country=country, totals=totals, places=places)
    return table_frame(_core._measure_annual_predictability(portfolio, o))


def medium_term_predictability(portfolio: Portfolio, *, methodology: Optional[str] = None,
                               calendar: Optional[FiscalCalendar] = None, years: Optional[Iterable[int]] = None,
                               currency: Optional[str] = None, rates: Optional[ExchangeRates] = None,
                               policy: Optional[ConversionPolicy] = None, donor: DonorDefinition = "reporting_org",
                               donor_calendars: Optional[Mapping[str, FiscalCalendar]] = None,
                               hop: FlowHop = "origin", schedule_fallback: bool = False,
                               government_orgs: Iterable[str] = (), country: str = "KH", totals: bool = True,
                               places: int = 2) -> TableFrame:
    """GPEDC 5b: share of the reference year's funding covered by plans for FY+1..FY+3."""
    o = options(methodology=methodology, calendar=calendar, years=years, currency=currency, rates=rates, policy=policy,
                donor=donor, donor_calendars=donor_calendars, hop=hop, schedule_fallback=schedule_fallback,
                government_orgs=government_orgs, country=country, totals=totals, places=places)
    return table_frame(_core._measure_medium_term_predictability(portfolio, o))


def execution_rate(portfolio: Portfolio, *, methodology: Optional[str] = None,
                   calendar: Optional[FiscalCalendar] = None, years: Optional[Iterable[int]] = None,
                   currency: Optional[str] = None, rates: Optional[ExchangeRates] = None,
                   policy: Optional[ConversionPolicy] = None, donor: DonorDefinition = "reporting_org",
                   donor_calendars: Optional[Mapping[str, FiscalCalendar]] = None, hop: FlowHop = "origin",
                   schedule_fallback: bool = False, government_orgs: Iterable[str] = (), country: str = "KH",
                   totals: bool = True, places: int = 2) -> TableFrame:
    """Disbursements / commitments per year and the undisbursed balance."""
    o = options(methodology=methodology, calendar=calendar, years=years, currency=currency, rates=rates, policy=policy,
                donor=donor, donor_calendars=donor_calendars, hop=hop, schedule_fallback=schedule_fallback,
                government_orgs=government_orgs, country=country, totals=totals, places=places)
    return table_frame(_core._measure_execution_rate(portfolio, o))


def untied_aid(portfolio: Portfolio, *, methodology: Optional[str] = None, calendar: Optional[FiscalCalendar] = None,
               years: Optional[Iterable[int]] = None, currency: Optional[str] = None,
               rates: Optional[ExchangeRates] = None, policy: Optional[ConversionPolicy] = None,
               donor: DonorDefinition = "reporting_org", donor_calendars: Optional[Mapping[str, FiscalCalendar]] = None,
               hop: FlowHop = "origin", schedule_fallback: bool = False, government_orgs: Iterable[str] = (),
               country: str = "KH", totals: bool = True, places: int = 2) -> TableFrame:
    """Paris 8 / GPEDC 10: untied share of disbursements with a known tied status."""
    o = options(methodology=methodology, calendar=calendar, years=years, currency=currency, rates=rates, policy=policy,
                donor=donor, donor_calendars=donor_calendars, hop=hop, schedule_fallback=schedule_fallback,
                government_orgs=government_orgs, country=country, totals=totals, places=places)
    return table_frame(_core._measure_untied_aid(portfolio, o))


def aid_on_budget(portfolio: Portfolio, budget: Sequence[GovernmentBudgetRecord], *,
                  methodology: Optional[str] = None, calendar: Optional[FiscalCalendar] = None,
                  years: Optional[Iterable[int]] = None, currency: Optional[str] = None,
                  rates: Optional[ExchangeRates] = None, policy: Optional[ConversionPolicy] = None,
                  donor: DonorDefinition = "reporting_org",
                  donor_calendars: Optional[Mapping[str, FiscalCalendar]] = None, hop: FlowHop = "origin",
                  schedule_fallback: bool = False, government_orgs: Iterable[str] = (), country: str = "KH",
                  totals: bool = True, places: int = 2) -> TableFrame:
    """Paris 3 (``paris2008``, inverted ratio; ``plain``) and GPEDC 6 (``gpedc2018``, of/beyond scheduled)."""
    o = options(methodology=methodology, calendar=calendar, years=years, currency=currency, rates=rates, policy=policy,
                donor=donor, donor_calendars=donor_calendars, hop=hop, schedule_fallback=schedule_fallback,
                government_orgs=government_orgs, country=country, totals=totals, places=places)
    return table_frame(_core._measure_aid_on_budget(portfolio, o, list(budget)))


def country_systems(portfolio: Portfolio, questionnaire: Sequence[QuestionnaireRecord], *,
                    channel_proxy: bool = False, methodology: Optional[str] = None,
                    calendar: Optional[FiscalCalendar] = None, years: Optional[Iterable[int]] = None,
                    currency: Optional[str] = None, rates: Optional[ExchangeRates] = None,
                    policy: Optional[ConversionPolicy] = None, donor: DonorDefinition = "reporting_org",
                    donor_calendars: Optional[Mapping[str, FiscalCalendar]] = None, hop: FlowHop = "origin",
                    schedule_fallback: bool = False, government_orgs: Iterable[str] = (), country: str = "KH",
                    totals: bool = True, places: int = 2) -> TableFrame:
    """Paris 5a/5b and GPEDC 9b (default); ``channel_proxy=True`` lets disbursement channel 1 stand in
    for missing answers (documented in the notes)."""
    o = options(methodology=methodology, calendar=calendar, years=years, currency=currency, rates=rates, policy=policy,
                donor=donor, donor_calendars=donor_calendars, hop=hop, schedule_fallback=schedule_fallback,
                government_orgs=government_orgs, country=country, totals=totals, places=places)
    return table_frame(_core._measure_country_systems(portfolio, o, list(questionnaire), bool(channel_proxy)))


def parallel_pius(portfolio: Portfolio, questionnaire: Sequence[QuestionnaireRecord], *,
                  methodology: Optional[str] = None, calendar: Optional[FiscalCalendar] = None,
                  years: Optional[Iterable[int]] = None, currency: Optional[str] = None,
                  rates: Optional[ExchangeRates] = None, policy: Optional[ConversionPolicy] = None,
                  donor: DonorDefinition = "reporting_org",
                  donor_calendars: Optional[Mapping[str, FiscalCalendar]] = None, hop: FlowHop = "origin",
                  schedule_fallback: bool = False, government_orgs: Iterable[str] = (), country: str = "KH",
                  totals: bool = True, places: int = 2) -> TableFrame:
    """Paris 6: number of parallel project implementation units."""
    o = options(methodology=methodology, calendar=calendar, years=years, currency=currency, rates=rates, policy=policy,
                donor=donor, donor_calendars=donor_calendars, hop=hop, schedule_fallback=schedule_fallback,
                government_orgs=government_orgs, country=country, totals=totals, places=places)
    return table_frame(_core._measure_parallel_pius(portfolio, o, list(questionnaire)))


def country_results_frameworks(portfolio: Portfolio, questionnaire: Sequence[QuestionnaireRecord], *,
                               methodology: Optional[str] = None, calendar: Optional[FiscalCalendar] = None,
                               years: Optional[Iterable[int]] = None, currency: Optional[str] = None,
                               rates: Optional[ExchangeRates] = None, policy: Optional[ConversionPolicy] = None,
                               donor: DonorDefinition = "reporting_org",
                               donor_calendars: Optional[Mapping[str, FiscalCalendar]] = None,
                               hop: FlowHop = "origin", schedule_fallback: bool = False,
                               government_orgs: Iterable[str] = (), country: str = "KH", totals: bool = True,
                               places: int = 2) -> TableFrame:
    """GPEDC 1a: the four sub-shares over new interventions."""
    o = options(methodology=methodology, calendar=calendar, years=years, currency=currency, rates=rates, policy=policy,
                donor=donor, donor_calendars=donor_calendars, hop=hop, schedule_fallback=schedule_fallback,
                government_orgs=government_orgs, country=country, totals=totals, places=places)
    return table_frame(_core._measure_country_results_frameworks(portfolio, o, list(questionnaire)))


def programme_based(portfolio: Portfolio, questionnaire: Sequence[QuestionnaireRecord] = (), *,
                    methodology: Optional[str] = None, calendar: Optional[FiscalCalendar] = None,
                    years: Optional[Iterable[int]] = None, currency: Optional[str] = None,
                    rates: Optional[ExchangeRates] = None, policy: Optional[ConversionPolicy] = None,
                    donor: DonorDefinition = "reporting_org",
                    donor_calendars: Optional[Mapping[str, FiscalCalendar]] = None, hop: FlowHop = "origin",
                    schedule_fallback: bool = False, government_orgs: Iterable[str] = (), country: str = "KH",
                    totals: bool = True, places: int = 2) -> TableFrame:
    """Paris 9: share of disbursements through programme-based approaches (B04, A02 or flagged)."""
    o = options(methodology=methodology, calendar=calendar, years=years, currency=currency, rates=rates, policy=policy,
                donor=donor, donor_calendars=donor_calendars, hop=hop, schedule_fallback=schedule_fallback,
                government_orgs=government_orgs, country=country, totals=totals, places=places)
    return table_frame(_core._measure_programme_based(portfolio, o, list(questionnaire)))


def technical_cooperation(portfolio: Portfolio, questionnaire: Sequence[QuestionnaireRecord], *,
                          methodology: Optional[str] = None, calendar: Optional[FiscalCalendar] = None,
                          years: Optional[Iterable[int]] = None, currency: Optional[str] = None,
                          rates: Optional[ExchangeRates] = None, policy: Optional[ConversionPolicy] = None,
                          donor: DonorDefinition = "reporting_org",
                          donor_calendars: Optional[Mapping[str, FiscalCalendar]] = None, hop: FlowHop = "origin",
                          schedule_fallback: bool = False, government_orgs: Iterable[str] = (), country: str = "KH",
                          totals: bool = True, places: int = 2) -> TableFrame:
    """Paris 4: share of technical cooperation that is coordinated."""
    o = options(methodology=methodology, calendar=calendar, years=years, currency=currency, rates=rates, policy=policy,
                donor=donor, donor_calendars=donor_calendars, hop=hop, schedule_fallback=schedule_fallback,
                government_orgs=government_orgs, country=country, totals=totals, places=places)
    return table_frame(_core._measure_technical_cooperation(portfolio, o, list(questionnaire)))


def strategy_alignment(portfolio: Portfolio, mapping: Sequence[ActivityShare], *, methodology: Optional[str] = None,
                       calendar: Optional[FiscalCalendar] = None, years: Optional[Iterable[int]] = None,
                       currency: Optional[str] = None, rates: Optional[ExchangeRates] = None,
                       policy: Optional[ConversionPolicy] = None, donor: DonorDefinition = "reporting_org",
                       donor_calendars: Optional[Mapping[str, FiscalCalendar]] = None, hop: FlowHop = "origin",
                       schedule_fallback: bool = False, government_orgs: Iterable[str] = (), country: str = "KH",
                       totals: bool = True, places: int = 2) -> TableFrame:
    """Disbursements per donor x year x NMAS objective; unmapped money is its own row."""
    o = options(methodology=methodology, calendar=calendar, years=years, currency=currency, rates=rates, policy=policy,
                donor=donor, donor_calendars=donor_calendars, hop=hop, schedule_fallback=schedule_fallback,
                government_orgs=government_orgs, country=country, totals=totals, places=places)
    return table_frame(_core._measure_strategy_alignment(portfolio, o, list(mapping)))


def fragmentation(portfolio: Portfolio, mapping: Sequence[ActivityShare], *,
                  group: Literal["objective", "province"] = "objective", methodology: Optional[str] = None,
                  calendar: Optional[FiscalCalendar] = None, years: Optional[Iterable[int]] = None,
                  currency: Optional[str] = None, rates: Optional[ExchangeRates] = None,
                  policy: Optional[ConversionPolicy] = None, donor: DonorDefinition = "reporting_org",
                  donor_calendars: Optional[Mapping[str, FiscalCalendar]] = None, hop: FlowHop = "origin",
                  schedule_fallback: bool = False, government_orgs: Iterable[str] = (), country: str = "KH",
                  totals: bool = True, places: int = 2) -> TableFrame:
    """Donors and HHI (0-10,000, normalized, 1-HHI) per objective or province x year."""
    o = options(methodology=methodology, calendar=calendar, years=years, currency=currency, rates=rates, policy=policy,
                donor=donor, donor_calendars=donor_calendars, hop=hop, schedule_fallback=schedule_fallback,
                government_orgs=government_orgs, country=country, totals=totals, places=places)
    return table_frame(_core._measure_fragmentation(portfolio, o, list(mapping), group))


def significance(portfolio: Portfolio, global_aid: Sequence[GlobalAidRecord], *,
                 world_total: Optional[Decimal] = None, methodology: Optional[str] = None,
                 calendar: Optional[FiscalCalendar] = None, years: Optional[Iterable[int]] = None,
                 currency: Optional[str] = None, rates: Optional[ExchangeRates] = None,
                 policy: Optional[ConversionPolicy] = None, donor: DonorDefinition = "reporting_org",
                 donor_calendars: Optional[Mapping[str, FiscalCalendar]] = None, hop: FlowHop = "origin",
                 schedule_fallback: bool = False, government_orgs: Iterable[str] = (), country: str = "KH",
                 totals: bool = True, places: int = 2) -> TableFrame:
    """OECD division-of-labour test per donor x year; ``(all)`` rows give the non-significant share."""
    o = options(methodology=methodology, calendar=calendar, years=years, currency=currency, rates=rates, policy=policy,
                donor=donor, donor_calendars=donor_calendars, hop=hop, schedule_fallback=schedule_fallback,
                government_orgs=government_orgs, country=country, totals=totals, places=places)
    return table_frame(_core._measure_significance(portfolio, o, list(global_aid), world_total))


def overlap(portfolio: Portfolio, objectives: Sequence[ActivityShare], provinces: Sequence[ActivityShare], *,
            methodology: Optional[str] = None, calendar: Optional[FiscalCalendar] = None,
            years: Optional[Iterable[int]] = None, currency: Optional[str] = None,
            rates: Optional[ExchangeRates] = None, policy: Optional[ConversionPolicy] = None,
            donor: DonorDefinition = "reporting_org", donor_calendars: Optional[Mapping[str, FiscalCalendar]] = None,
            hop: FlowHop = "origin", schedule_fallback: bool = False, government_orgs: Iterable[str] = (),
            country: str = "KH", totals: bool = True, places: int = 2) -> TableFrame:
    """Pairs of activities of different donors in the same province and objective at the same time."""
    o = options(methodology=methodology, calendar=calendar, years=years, currency=currency, rates=rates, policy=policy,
                donor=donor, donor_calendars=donor_calendars, hop=hop, schedule_fallback=schedule_fallback,
                government_orgs=government_orgs, country=country, totals=totals, places=places)
    return table_frame(_core._measure_overlap(portfolio, o, list(objectives), list(provinces)))


_OPTIONS_HELP = """

    The keyword options (methodology, calendar, years, currency, rates, policy, donor,
    donor_calendars, hop, schedule_fallback, government_orgs, country, totals, places) are the
    same for every measure: see :mod:`aidtrack.measures`. Returns a :class:`aidtrack.TableFrame`."""

_MEASURES: tuple[Callable[..., TableFrame], ...] = (
    donor_flows, predictability, medium_term_predictability, execution_rate, untied_aid, aid_on_budget,
    country_systems, parallel_pius, country_results_frameworks, programme_based, technical_cooperation,
    strategy_alignment, fragmentation, significance, overlap)
for _measure in _MEASURES:
    _measure.__doc__ = (_measure.__doc__ or "") + _OPTIONS_HELP

__all__ = [
    "ActivityShare", "QuestionnaireRecord", "GovernmentBudgetRecord", "GlobalAidRecord", "load_activity_shares",
    "load_questionnaire", "load_government_budget", "load_global_aid", "options", "donor_flows", "predictability",
    "medium_term_predictability", "execution_rate", "untied_aid", "aid_on_budget", "country_systems", "parallel_pius",
    "country_results_frameworks", "programme_based", "technical_cooperation", "strategy_alignment", "fragmentation",
    "significance", "overlap", "DonorDefinition", "FlowHop",
]
