"""Coordination and cooperation records: TWG-MA, agreements, joint work, exchanges, deployments, procurement, MAPU planning.

The record classes live in the compiled core and are re-exported here; every query returns a
pandas DataFrame whose ``attrs`` carry title, methodology and notes. Schema, formulas and
tie-breaking rules: docs/coordination.md.
"""
from __future__ import annotations

import datetime as _dt
from typing import Optional

import pandas as pd

from . import _core
from ._core import (ActionPoint, ActionStatus, AgendaItem, AgendaTopic, Agreement, AgreementParty,  # noqa: F401
                    Bid, Commitment, Constituency, Contract, CoordinationStore, Decision, Deployment,
                    EvaluationMethod, EvaluationRule, ExchangeVisit, Forum, ForumMember, ForumRole,
                    JointWork, JointWorkKind, LandUse, Lot, MapuRequest, Meeting, MonitoringEntry,
                    MonitoringStatus, MutualAccountability, OrgInCountry, PeacekeepingRole,
                    PersonnelCount, PlanningWeights, Principle, RequestState, StateChange, Tender,
                    Training)
from ._frames import table_frame

__all__ = [
    "ActionPoint", "ActionStatus", "AgendaItem", "AgendaTopic", "Agreement", "AgreementParty", "Bid",
    "Commitment", "Constituency", "Contract", "CoordinationStore", "Decision", "Deployment",
    "EvaluationMethod", "EvaluationRule", "ExchangeVisit", "Forum", "ForumMember", "ForumRole",
    "JointWork", "JointWorkKind", "LandUse", "Lot", "MapuRequest", "Meeting", "MonitoringEntry",
    "MonitoringStatus", "MutualAccountability", "OrgInCountry", "PeacekeepingRole", "PersonnelCount",
    "PlanningWeights", "Principle", "RequestState", "StateChange", "Tender", "Training",
    "load_coordination_dir", "open_action_points", "attendance_rates", "topics_over_time",
    "joint_missions_share", "joint_analytic_share", "cumulative_personnel", "learning_graph",
    "contract_performance", "mutual_accountability", "rank_bids", "rank_work_plan", "work_plan",
]


def load_coordination_dir(directory: str, store: Optional[CoordinationStore] = None) -> CoordinationStore:
    """Read whichever coordination CSV files exist in ``directory`` into ``store`` (a new one
    when omitted) and return the store. A bad row raises ParseError naming file and line."""
    store = store if store is not None else CoordinationStore()
    store.load_dir(str(directory))
    return store


def open_action_points(store: CoordinationStore, as_of: _dt.date, forum: str = "") -> pd.DataFrame:
    """Action points open on ``as_of``, with ``overdue`` and ``days_overdue``."""
    return table_frame(store._open_action_points(as_of, forum))


def attendance_rates(store: CoordinationStore, forum: str) -> pd.DataFrame:
    """Meetings held while a member, attended, and the rate, per member of ``forum``."""
    return table_frame(store._attendance_rates(forum))


def topics_over_time(store: CoordinationStore, forum: str = "") -> pd.DataFrame:
    """Agenda items and meetings per year and topic."""
    return table_frame(store._topics_over_time(forum))


def joint_missions_share(store: CoordinationStore) -> pd.DataFrame:
    """Paris 10a per donor and year: numerator, denominator, value (NA over 0), records."""
    return table_frame(store._joint_missions_share())


def joint_analytic_share(store: CoordinationStore) -> pd.DataFrame:
    """Paris 10b per donor and year: numerator, denominator, value (NA over 0), records."""
    return table_frame(store._joint_analytic_share())


def cumulative_personnel(store: CoordinationStore, since_year: int) -> pd.DataFrame:
    """Peacekeeping personnel since a year by mission and host country (each rotation once)."""
    return table_frame(store._cumulative_personnel(since_year))


def learning_graph(store: CoordinationStore) -> pd.DataFrame:
    """Who learned what from whom: edges teacher → learner per topic."""
    return table_frame(store._learning_graph())


def learning_network(store: CoordinationStore):
    """The learning graph as a ``networkx.DiGraph`` between countries (needs networkx);
    edge attribute ``topics`` lists what was learned."""
    import networkx as nx  # optional dependency, only for this helper

    graph = nx.DiGraph()
    for row in learning_graph(store).itertuples():
        if graph.has_edge(row.from_country, row.to_country):
            graph[row.from_country][row.to_country]["topics"].append(row.topic)
        else:
            graph.add_edge(row.from_country, row.to_country, topics=[row.topic])
    return graph


def contract_performance(store: CoordinationStore) -> pd.DataFrame:
    """Per contract: m² contracted vs released, release rate and cost per m²."""
    return table_frame(store._contract_performance())


def mutual_accountability(store: CoordinationStore, year: int) -> pd.DataFrame:
    """GPEDC 7 criteria (and Paris 12) for ``year``, one row per criterion."""
    return table_frame(store._mutual_accountability(year))


def rank_bids(tender: Tender, lot: str, rule: Optional[EvaluationRule] = None) -> pd.DataFrame:
    """Bids on ``lot`` ranked under ``rule`` (the tender's own rule when omitted)."""
    return table_frame(tender._rank_bids(lot, rule))


def rank_work_plan(store: CoordinationStore, province: str, plan_year: int,
                   weights: Optional[PlanningWeights] = None, on: Optional[_dt.date] = None,
                   by: str = "MAPU") -> pd.DataFrame:
    """Score and rank the undecided MAPU requests of a province and year (changes the store)."""
    return table_frame(store._rank_work_plan(province, plan_year, weights or PlanningWeights(), on, by))


def work_plan(store: CoordinationStore, province: str, plan_year: int) -> pd.DataFrame:
    """The ranked work plan with cumulative cost and PMAC decisions."""
    return table_frame(store._work_plan(province, plan_year))
