"""The view layer: what a company page shows, built once for every shell.

:func:`build_report` reads the store, runs the analyses (market/, events/, ops/) and returns
a :class:`ReportData` view model; :mod:`.headline`, :mod:`.figures`, :mod:`.format` and
:mod:`.labels` turn it into headline items, Plotly figures and formatted, bilingual text.
The report (``evlens.report``), the dashboard (``evlens.web``) and the CLI render these
views; none of them computes a figure of its own, and no shell imports another.

>>> from evlens.views import build_report            # doctest: +SKIP
>>> data = build_report(store, "xiaomi").to_dict()
"""

from .company import ReportData, ReportOptions, build_report
from .headline import headline_items

__all__ = ["ReportData", "ReportOptions", "build_report", "headline_items"]
