"""Operations: deliveries and pace, order backlog and wait, capacity plans, and a Monte
Carlo forecast of a year's deliveries. Every function here is pure (data in, data out)."""

from .deliveries import DeliverySeries, MonthEstimate, RunRate, TargetPace, monthly_deliveries, target_pace

__all__ = [
    "DeliverySeries", "MonthEstimate", "RunRate", "TargetPace", "monthly_deliveries", "target_pace",
]
