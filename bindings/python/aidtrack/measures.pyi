"""Type stubs of aidtrack.measures (see measures.py for the documentation)."""
from decimal import Decimal
from typing import Iterable, Literal, Mapping, Optional, Sequence

from ._core import ActivityShare as ActivityShare
from ._core import ConversionPolicy, ExchangeRates, FiscalCalendar, MeasureOptions, Portfolio
from ._core import GlobalAidRecord as GlobalAidRecord
from ._core import GovernmentBudgetRecord as GovernmentBudgetRecord
from ._core import QuestionnaireRecord as QuestionnaireRecord
from ._frames import TableFrame

DonorDefinition = Literal["reporting_org", "provider_org"]
FlowHop = Literal["origin", "reported"]

def load_activity_shares(path: str, code_column: str) -> list[ActivityShare]: ...
def load_questionnaire(path: str) -> list[QuestionnaireRecord]: ...
def load_government_budget(path: str) -> list[GovernmentBudgetRecord]: ...
def load_global_aid(path: str) -> list[GlobalAidRecord]: ...
def options(
    *, methodology: Optional[str] = ..., calendar: Optional[FiscalCalendar] = ...,
    years: Optional[Iterable[int]] = ..., currency: Optional[str] = ..., rates: Optional[ExchangeRates] = ...,
    policy: Optional[ConversionPolicy] = ..., donor: DonorDefinition = ...,
    donor_calendars: Optional[Mapping[str, FiscalCalendar]] = ..., hop: FlowHop = ..., schedule_fallback: bool = ...,
    government_orgs: Iterable[str] = ..., country: str = ..., totals: bool = ..., places: int = ...) -> MeasureOptions: ...
def donor_flows(
    portfolio: Portfolio, *,
    methodology: Optional[str] = ..., calendar: Optional[FiscalCalendar] = ...,
    years: Optional[Iterable[int]] = ..., currency: Optional[str] = ..., rates: Optional[ExchangeRates] = ...,
    policy: Optional[ConversionPolicy] = ..., donor: DonorDefinition = ...,
    donor_calendars: Optional[Mapping[str, FiscalCalendar]] = ..., hop: FlowHop = ..., schedule_fallback: bool = ...,
    government_orgs: Iterable[str] = ..., country: str = ..., totals: bool = ..., places: int = ...) -> TableFrame: ...
def predictability(
    portfolio: Portfolio, *,
    methodology: Optional[str] = ..., calendar: Optional[FiscalCalendar] = ...,
    years: Optional[Iterable[int]] = ..., currency: Optional[str] = ..., rates: Optional[ExchangeRates] = ...,
    policy: Optional[ConversionPolicy] = ..., donor: DonorDefinition = ...,
    donor_calendars: Optional[Mapping[str, FiscalCalendar]] = ..., hop: FlowHop = ..., schedule_fallback: bool = ...,
    government_orgs: Iterable[str] = ..., country: str = ..., totals: bool = ..., places: int = ...) -> TableFrame: ...
def medium_term_predictability(
    portfolio: Portfolio, *,
    methodology: Optional[str] = ..., calendar: Optional[FiscalCalendar] = ...,
    years: Optional[Iterable[int]] = ..., currency: Optional[str] = ..., rates: Optional[ExchangeRates] = ...,
    policy: Optional[ConversionPolicy] = ..., donor: DonorDefinition = ...,
    donor_calendars: Optional[Mapping[str, FiscalCalendar]] = ..., hop: FlowHop = ..., schedule_fallback: bool = ...,
    government_orgs: Iterable[str] = ..., country: str = ..., totals: bool = ..., places: int = ...) -> TableFrame: ...
def execution_rate(
    portfolio: Portfolio, *,
    methodology: Optional[str] = ..., calendar: Optional[FiscalCalendar] = ...,
    years: Optional[Iterable[int]] = ..., currency: Optional[str] = ..., rates: Optional[ExchangeRates] = ...,
    policy: Optional[ConversionPolicy] = ..., donor: DonorDefinition = ...,
    donor_calendars: Optional[Mapping[str, FiscalCalendar]] = ..., hop: FlowHop = ..., schedule_fallback: bool = ...,
    government_orgs: Iterable[str] = ..., country: str = ..., totals: bool = ..., places: int = ...) -> TableFrame: ...
def untied_aid(
    portfolio: Portfolio, *,
    methodology: Optional[str] = ..., calendar: Optional[FiscalCalendar] = ...,
    years: Optional[Iterable[int]] = ..., currency: Optional[str] = ..., rates: Optional[ExchangeRates] = ...,
    policy: Optional[ConversionPolicy] = ..., donor: DonorDefinition = ...,
    donor_calendars: Optional[Mapping[str, FiscalCalendar]] = ..., hop: FlowHop = ..., schedule_fallback: bool = ...,
    government_orgs: Iterable[str] = ..., country: str = ..., totals: bool = ..., places: int = ...) -> TableFrame: ...
def aid_on_budget(
    portfolio: Portfolio, budget: Sequence[GovernmentBudgetRecord], *,
    methodology: Optional[str] = ..., calendar: Optional[FiscalCalendar] = ...,
    years: Optional[Iterable[int]] = ..., currency: Optional[str] = ..., rates: Optional[ExchangeRates] = ...,
    policy: Optional[ConversionPolicy] = ..., donor: DonorDefinition = ...,
    donor_calendars: Optional[Mapping[str, FiscalCalendar]] = ..., hop: FlowHop = ..., schedule_fallback: bool = ...,
    government_orgs: Iterable[str] = ..., country: str = ..., totals: bool = ..., places: int = ...) -> TableFrame: ...
def country_systems(
    portfolio: Portfolio, questionnaire: Sequence[QuestionnaireRecord], *, channel_proxy: bool = ...,
    methodology: Optional[str] = ..., calendar: Optional[FiscalCalendar] = ...,
    years: Optional[Iterable[int]] = ..., currency: Optional[str] = ..., rates: Optional[ExchangeRates] = ...,
    policy: Optional[ConversionPolicy] = ..., donor: DonorDefinition = ...,
    donor_calendars: Optional[Mapping[str, FiscalCalendar]] = ..., hop: FlowHop = ..., schedule_fallback: bool = ...,
    government_orgs: Iterable[str] = ..., country: str = ..., totals: bool = ..., places: int = ...) -> TableFrame: ...
def parallel_pius(
    portfolio: Portfolio, questionnaire: Sequence[QuestionnaireRecord], *,
    methodology: Optional[str] = ..., calendar: Optional[FiscalCalendar] = ...,
    years: Optional[Iterable[int]] = ..., currency: Optional[str] = ..., rates: Optional[ExchangeRates] = ...,
    policy: Optional[ConversionPolicy] = ..., donor: DonorDefinition = ...,
    donor_calendars: Optional[Mapping[str, FiscalCalendar]] = ..., hop: FlowHop = ..., schedule_fallback: bool = ...,
    government_orgs: Iterable[str] = ..., country: str = ..., totals: bool = ..., places: int = ...) -> TableFrame: ...
def country_results_frameworks(
    portfolio: Portfolio, questionnaire: Sequence[QuestionnaireRecord], *,
    methodology: Optional[str] = ..., calendar: Optional[FiscalCalendar] = ...,
    years: Optional[Iterable[int]] = ..., currency: Optional[str] = ..., rates: Optional[ExchangeRates] = ...,
    policy: Optional[ConversionPolicy] = ..., donor: DonorDefinition = ...,
    donor_calendars: Optional[Mapping[str, FiscalCalendar]] = ..., hop: FlowHop = ..., schedule_fallback: bool = ...,
    government_orgs: Iterable[str] = ..., country: str = ..., totals: bool = ..., places: int = ...) -> TableFrame: ...
def programme_based(
    portfolio: Portfolio, questionnaire: Sequence[QuestionnaireRecord] = ..., *,
    methodology: Optional[str] = ..., calendar: Optional[FiscalCalendar] = ...,
    years: Optional[Iterable[int]] = ..., currency: Optional[str] = ..., rates: Optional[ExchangeRates] = ...,
    policy: Optional[ConversionPolicy] = ..., donor: DonorDefinition = ...,
    donor_calendars: Optional[Mapping[str, FiscalCalendar]] = ..., hop: FlowHop = ..., schedule_fallback: bool = ...,
    government_orgs: Iterable[str] = ..., country: str = ..., totals: bool = ..., places: int = ...) -> TableFrame: ...
def technical_cooperation(
    portfolio: Portfolio, questionnaire: Sequence[QuestionnaireRecord], *,
    methodology: Optional[str] = ..., calendar: Optional[FiscalCalendar] = ...,
    years: Optional[Iterable[int]] = ..., currency: Optional[str] = ..., rates: Optional[ExchangeRates] = ...,
    policy: Optional[ConversionPolicy] = ..., donor: DonorDefinition = ...,
    donor_calendars: Optional[Mapping[str, FiscalCalendar]] = ..., hop: FlowHop = ..., schedule_fallback: bool = ...,
    government_orgs: Iterable[str] = ..., country: str = ..., totals: bool = ..., places: int = ...) -> TableFrame: ...
def strategy_alignment(
    portfolio: Portfolio, mapping: Sequence[ActivityShare], *,
    methodology: Optional[str] = ..., calendar: Optional[FiscalCalendar] = ...,
    years: Optional[Iterable[int]] = ..., currency: Optional[str] = ..., rates: Optional[ExchangeRates] = ...,
    policy: Optional[ConversionPolicy] = ..., donor: DonorDefinition = ...,
    donor_calendars: Optional[Mapping[str, FiscalCalendar]] = ..., hop: FlowHop = ..., schedule_fallback: bool = ...,
    government_orgs: Iterable[str] = ..., country: str = ..., totals: bool = ..., places: int = ...) -> TableFrame: ...
def fragmentation(
    portfolio: Portfolio, mapping: Sequence[ActivityShare], *, group: Literal["objective", "province"] = ...,
    methodology: Optional[str] = ..., calendar: Optional[FiscalCalendar] = ...,
    years: Optional[Iterable[int]] = ..., currency: Optional[str] = ..., rates: Optional[ExchangeRates] = ...,
    policy: Optional[ConversionPolicy] = ..., donor: DonorDefinition = ...,
    donor_calendars: Optional[Mapping[str, FiscalCalendar]] = ..., hop: FlowHop = ..., schedule_fallback: bool = ...,
    government_orgs: Iterable[str] = ..., country: str = ..., totals: bool = ..., places: int = ...) -> TableFrame: ...
def significance(
    portfolio: Portfolio, global_aid: Sequence[GlobalAidRecord], *, world_total: Optional[Decimal] = ...,
    methodology: Optional[str] = ..., calendar: Optional[FiscalCalendar] = ...,
    years: Optional[Iterable[int]] = ..., currency: Optional[str] = ..., rates: Optional[ExchangeRates] = ...,
    policy: Optional[ConversionPolicy] = ..., donor: DonorDefinition = ...,
    donor_calendars: Optional[Mapping[str, FiscalCalendar]] = ..., hop: FlowHop = ..., schedule_fallback: bool = ...,
    government_orgs: Iterable[str] = ..., country: str = ..., totals: bool = ..., places: int = ...) -> TableFrame: ...
def overlap(
    portfolio: Portfolio, objectives: Sequence[ActivityShare], provinces: Sequence[ActivityShare], *,
    methodology: Optional[str] = ..., calendar: Optional[FiscalCalendar] = ...,
    years: Optional[Iterable[int]] = ..., currency: Optional[str] = ..., rates: Optional[ExchangeRates] = ...,
    policy: Optional[ConversionPolicy] = ..., donor: DonorDefinition = ...,
    donor_calendars: Optional[Mapping[str, FiscalCalendar]] = ..., hop: FlowHop = ..., schedule_fallback: bool = ...,
    government_orgs: Iterable[str] = ..., country: str = ..., totals: bool = ..., places: int = ...) -> TableFrame: ...
