"""Every public type prints usefully: repr() names the type and its key fields, stores count their
records, and tables, sections and reports render in Jupyter (_repr_html_)."""
from __future__ import annotations

import datetime as dt
import html as _html
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Dict

import pandas as pd
import pytest

import aidtrack
from aidtrack import _core, _repr

REPO = Path(__file__).resolve().parents[2]
D = dt.date


@pytest.fixture(scope="module")
def cambodia() -> aidtrack.Portfolio:
    return aidtrack.datasets.cambodia(progress=False)


@pytest.fixture(scope="module")
def report(cambodia) -> aidtrack.Report:
    return aidtrack.report.build(cambodia, year=2024, progress=False)


def _diagnostic() -> aidtrack.Diagnostic:
    p = aidtrack.load_iati(str(REPO / "tests" / "data" / "bad" / "date_february_30.xml"))
    return p.diagnostics()[0]


# One way to get an instance of every public class of the compiled module that has no default
# constructor (the others are made with ClassName()); test_every_class_has_a_factory keeps the
# list complete as classes are added.
FACTORIES: Dict[str, Callable[[Any, Any], Any]] = {
    "Activity": lambda p, r: p.activity_at(0),
    "ActivityShare": lambda p, r: aidtrack.ActivityShare("XM-DAC-41114-PROJECT-00090541", "1.1", Decimal(60)),
    "Budget": lambda p, r: p.budgets()[0],
    "Conversion": lambda p, r: aidtrack.ExchangeRates.from_imf_csv(
        str(REPO / "data" / "rates" / "imf_exchangerates_A_ENDA_USD.csv")).convert(
            aidtrack.Money(Decimal(1_000_000), "KHR"), "USD", D(2023, 6, 1)),
    "ConversionPolicy": lambda p, r: aidtrack.ConversionPolicy.fixed_year(2020),
    "CountryShare": lambda p, r: aidtrack.CountryShare("KH", Decimal(100)),
    "Deflators": lambda p, r: aidtrack.Deflators.from_csv(str(REPO / "tests" / "data" / "trust" / "deflators.csv")),
    "Diagnostic": lambda p, r: _diagnostic(),
    "FiscalCalendar": lambda p, r: aidtrack.FiscalCalendar.preset("australia"),
    "GlobalAidRecord": lambda p, r: aidtrack.GlobalAidRecord("AU-5", 2020, aidtrack.Money(Decimal("4100000000"), "USD")),
    "GovernmentBudgetRecord": lambda p, r: aidtrack.GovernmentBudgetRecord("AU-5", 2020, aidtrack.Money(Decimal(5), "USD")),
    "Money": lambda p, r: aidtrack.Money(Decimal("1500000.00"), "AUD"),
    "MutualAccountability": lambda p, r: p.coordination.assess_mutual_accountability(2024),
    "Narrative": lambda p, r: aidtrack.Narrative("Clearing for Results", "en"),
    "Organisation": lambda p, r: p.organisation("KH-CMAA"),
    "Period": lambda p, r: aidtrack.Period(D(2024, 1, 1), D(2024, 12, 31)),
    "PlannedDisbursement": lambda p, r: aidtrack.PlannedDisbursement(
        0, aidtrack.Period(D(2024, 1, 1), D(2024, 12, 31)), aidtrack.Money(Decimal(100), "USD")),
    "QuestionnaireRecord": lambda p, r: aidtrack.QuestionnaireRecord("XM-DAC-41114-PROJECT-00090541", "AU-5"),
    "RelatedActivity": lambda p, r: aidtrack.RelatedActivity(1, "XM-DAC-41114-PROJECT-00090541"),
    "Report": lambda p, r: r,
    "ReportChart": lambda p, r: r.sections[0].charts[0],
    "ReportFinding": lambda p, r: r.findings[0],
    "ReportSection": lambda p, r: r.sections[0],
    "SectorShare": lambda p, r: aidtrack.SectorShare("15250", Decimal(100)),
    "Transaction": lambda p, r: p.transaction(0),
    "TransactionExtent": lambda p, r: p.transaction_extent(),
}

RECORD_CLASSES = [c for c in _repr.compiled_classes(_core)
                  if not issubclass(c, BaseException) and not hasattr(c, "__members__")]


def _instance(cls: type, portfolio: aidtrack.Portfolio, report: aidtrack.Report) -> Any:
    factory = FACTORIES.get(cls.__name__)
    return factory(portfolio, report) if factory else cls()


def test_every_class_has_a_factory():
    missing = []
    for cls in RECORD_CLASSES:
        if cls.__name__ in FACTORIES:
            continue
        try:
            cls()
        except TypeError:
            missing.append(cls.__name__)
    assert not missing, f"add a factory to FACTORIES for {missing}"


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=[c.__name__ for c in RECORD_CLASSES])
def test_every_record_class_and_store_prints_its_name_not_an_address(cls, cambodia, report):
    text = repr(_instance(cls, cambodia, report))
    assert " object at 0x" not in text
    assert re.match(rf"^<?{cls.__name__}\b", text), text
    assert "\n" not in text and len(text) < 400


def test_coordination_records_show_their_key_fields(cambodia):
    store = cambodia.coordination
    agreement = store.agreements[0]
    assert repr(agreement).startswith("Agreement(ref='PP-2011', title='Partnership Principles', signed_on=2011-04-04")
    assert "parties=[8 AgreementParty]" in repr(agreement)
    assert repr(agreement.parties[1]) == ("AgreementParty(org_ref='AU-5', name='Australia', "
                                          "constituency=development_partner)")
    commitment = repr(agreement.commitments[0])
    assert commitment.startswith("Commitment(ref='C1', text='Align support with the national mine action")
    assert commitment.endswith("principle=alignment, target=85, target_year=2015)")
    assert repr(agreement.monitoring[0]) == (
        "MonitoringEntry(commitment='C1', year=2024, status=on_track, joint=True, published=False, "
        "assessed_on=2024-12-12, evidence='TWG-MA minutes')")
    assert repr(store.deployments[0]) == (
        "Deployment(ref='DEP-MINURCAT', contributor='KH-NPMEC', mission='MINURCAT', host_country='TD', "
        "rotation_start=2010-01-01, rotation_end=2010-12-31, total_personnel=140)")
    bid = repr(store.tenders[0].bids[0])
    assert bid == "Bid(ref='B1', lot='LOT-1', operator_ref='KH-CMAC', price=1100000.00 USD, technical_score=78, accredited=True)"


def test_stores_count_their_records(cambodia):
    assert repr(cambodia.coordination) == ("<CoordinationStore: 1 forums, 1 agreements, 11 exchange visits, 1 trainings, "
                                           "6 deployments, 1 tenders>")
    results = cambodia.results
    assert repr(results) == (f"<ResultsStore: {results.strategy_count} strategies, {results.indicator_count} indicators, "
                             f"{results.hazard_count} hazard areas, {results.release_count} releases, "
                             f"{results.casualty_count} casualties>")
    assert min(results.strategy_count, results.indicator_count, results.release_count, results.casualty_count) > 0
    assert repr(aidtrack.CoordinationStore()) == "<CoordinationStore: empty>"
    rates = aidtrack.ExchangeRates()
    rates.add("KHR", aidtrack.Period(D(2023, 1, 1), D(2023, 12, 31)), 4110.65)
    assert repr(rates) == "<ExchangeRates: 1 currencies, 1 rates>"


def test_model_records_show_ref_title_dates_and_amounts(cambodia):
    budget = cambodia.budgets()[0]
    assert re.fullmatch(r"Budget\(activity=\d+, type=1, status=\d, period=\d{4}-\d\d-\d\d\.\.\d{4}-\d\d-\d\d, "
                        r"value=[0-9.]+ [A-Z]{3}\)", repr(budget)), repr(budget)
    t = aidtrack.Transaction(0, 3, D(2023, 6, 30), aidtrack.Money(Decimal("1500000.00"), "AUD"))
    t.provider_org = "AU-5"
    assert repr(t) == "Transaction(activity=0, type=3, date=2023-06-30, value=1500000.00 AUD, provider_org='AU-5')"
    a = aidtrack.Activity("AU-5-DEMINING")
    a.title = [aidtrack.Narrative("Demining in Battambang " * 4, "en")]
    a.planned_start = D(2020, 1, 1)
    text = repr(a)
    assert text.startswith("Activity(identifier='AU-5-DEMINING', title_text='Demining in Battambang Demining")
    assert "…'" in text and "planned_start=2020-01-01" in text  # long titles are shortened
    assert repr(_diagnostic()).startswith("Diagnostic(severity=warning, kind='ParseError', rule='date-valid', file=")


def test_existing_reprs_are_kept():
    assert repr(aidtrack.Money(Decimal("1.50"), "USD")) == "Money('1.50', 'USD')"
    assert repr(aidtrack.Period(D(2024, 1, 1), D(2024, 12, 31))).startswith("Period(")
    assert repr(aidtrack.Portfolio()) == "<Portfolio: 0 activities, 0 transactions, 0 budgets>"


def test_measure_tables_render_title_methodology_and_notes_in_jupyter(cambodia):
    frame = aidtrack.measures.predictability(cambodia, methodology="paris2008", currency="USD",
                                             rates=aidtrack.ExchangeRates.from_imf_csv(
                                                 str(REPO / "data" / "rates" / "imf_exchangerates_A_ENDA_USD.csv")))
    assert isinstance(frame, aidtrack.TableFrame)
    html = frame._repr_html_()
    assert html.startswith('<div class="aidtrack-table"><p><strong>')
    assert _html.escape(frame.attrs["title"]) in html
    assert "(methodology: paris2008)" in html
    assert "<table" in html and "</table>" in html
    assert frame.attrs["notes"]
    for note in frame.attrs["notes"]:
        assert f"<li>{_html.escape(note)}</li>" in html
    # Derived frames keep the caption; text output stays pandas'.
    assert isinstance(frame.head(2), aidtrack.TableFrame) and frame.head(2).attrs["title"] == frame.attrs["title"]
    assert repr(frame) == repr(pd.DataFrame(frame))


def test_report_and_sections_render_in_jupyter(report):
    assert "<html" in report._repr_html_().lower()
    section = report.section("funding")
    html = section._repr_html_()
    assert f"<h3>{section.title}</h3>" in html
    assert html.count('<div class="aidtrack-table">') == len(section._tables()) > 0
    assert html.count("<svg") >= len(section.charts) > 0
    assert section.charts[0]._repr_svg_().startswith("<svg")
