"""Operations: deliveries and pace, order backlog and wait, capacity plans, and a Monte
Carlo forecast of a year's deliveries. Every function here is pure (data in, data out).

* :func:`monthly_deliveries`: a monthly series with intervals from mixed facts, growth,
  run-rate and target pace (:mod:`.deliveries`, solved by :mod:`evlens.reconcile.intervals`);
* :func:`order_backlog`: backlog and waits at each date with an order fact (:mod:`.backlog`);
* :func:`load_scenario`: a capacity-and-demand scenario file (:mod:`.scenario`);
* :func:`simulate`: the vectorised Monte Carlo engine (:mod:`.engine`);
* :func:`forecast_deliveries`: the year's deliveries against a target (:mod:`.forecast`).
"""

from .backlog import BacklogPoint, BacklogReport, order_backlog
from .deliveries import (
    DeliverySeries,
    MonthEstimate,
    RunRate,
    TargetPace,
    delivery_target,
    monthly_deliveries,
    target_pace,
)
from .engine import Simulation, simulate
from .forecast import ForecastResult, MonthBand, forecast_deliveries
from .scenario import Scenario, load_scenario, loads_scenario, parse_scenario, shipped_scenarios

__all__ = [
    "BacklogPoint",
    "BacklogReport",
    "DeliverySeries",
    "ForecastResult",
    "MonthBand",
    "MonthEstimate",
    "RunRate",
    "Scenario",
    "Simulation",
    "TargetPace",
    "delivery_target",
    "forecast_deliveries",
    "load_scenario",
    "loads_scenario",
    "monthly_deliveries",
    "order_backlog",
    "parse_scenario",
    "shipped_scenarios",
    "simulate",
    "target_pace",
]
