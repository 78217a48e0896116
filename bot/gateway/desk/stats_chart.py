"""The /stats chart: one PNG a worker reads on a phone, the same cells as the text.

Six panels: people reached per week, per site, per language; questions about rights; rights an
estimate found likely beside those not received (non-recours); requests for a person (and
follow-ups). A hidden count is drawn as no bar and the label "<5", so its length tells nothing.
Matplotlib's object API with the Agg canvas: no pyplot, no global state, no display needed.
"""

from __future__ import annotations

import dataclasses
import io
import textwrap

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from bot.gateway.desk.stats_report import HIDDEN, Cell, StatsReport
from bot.i18n import N_

BARS = 10  # per panel, the biggest first
BLUE, ORANGE, GREY, INK = "#2f6db5", "#e07b24", "#9a9a9a", "#222222"
NOTHING_YET = N_("nothing yet")
MEDIAN = N_("Median time to claim: %(time)s")


def _label(text: str, width: int = 24) -> str:
    """A long right's name on two lines at most, so the bars keep their room."""
    lines = textwrap.wrap(text, width)
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)


def _nothing(ax: Axes, empty: str) -> None:
    ax.text(0.5, 0.5, empty, ha="center", va="center", color=GREY, fontsize=12, transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)


def _rows(ax: Axes, count: int) -> None:
    """The biggest on top; room for at least 5 rows, so one bar is not a wall."""
    ax.set_ylim(max(count, 5) - 0.5, -0.5)


def _bars(ax: Axes, cells: list[Cell], title: str, empty: str, *, color: str = BLUE,
          vertical: bool = False) -> None:
    """Horizontal bars (vertical for weeks, in time order), each with its count or "<5"."""
    ax.set_title(title, loc="left", fontsize=13, fontweight="bold", color=INK, pad=10)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    cells = cells if vertical else cells[:BARS]
    if not cells:
        _nothing(ax, empty)
        return
    values = [c.count or 0 for c in cells]
    top = max([*values, 1])
    positions = list(range(len(cells)))
    if vertical:
        ax.bar(positions, values, color=color, width=0.7)
        ax.set_xticks(positions, [c.label for c in cells], fontsize=11,
                      rotation=45 if len(cells) > 6 else 0, ha="right" if len(cells) > 6 else "center")
        ax.set_ylim(0, top * 1.2)
        ax.set_yticks([])  # each bar says its count
        ax.spines["left"].set_visible(False)
        for x, cell in enumerate(cells):
            ax.text(x, (cell.count or 0) + top * 0.02, cell.shown, ha="center", va="bottom", fontsize=10,
                    color=INK if cell.count is not None else GREY)
        return
    ax.barh(positions, values, color=color, height=0.65)
    ax.set_yticks(positions, [_label(c.label) for c in cells], fontsize=10)
    _rows(ax, len(cells))
    ax.set_xlim(0, top * 1.25)
    ax.set_xticks([])
    ax.spines["bottom"].set_visible(False)
    for y, cell in enumerate(cells):
        ax.text((cell.count or 0) + top * 0.02, y, cell.shown, va="center", fontsize=10,
                color=INK if cell.count is not None else GREY)


def _non_recours(ax: Axes, report: StatsReport, empty: str) -> None:
    """Likely (blue) and, under it, likely but not received (orange), per right."""
    likely = report.section("likely")[:BARS]
    missed = {c.key: c for c in report.section("not_received")}
    _ = report._
    ax.set_title(_.gettext(N_("Likely rights, and not received")), loc="left", fontsize=13,
                 fontweight="bold", color=INK, pad=10)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_xticks([])
    if not likely:
        _nothing(ax, empty)
        return
    top = max([c.count or 0 for c in likely] + [1])
    for y, cell in enumerate(likely):
        other = missed.get(cell.key)
        for offset, shown, color in ((-0.18, cell, BLUE), (0.18, other, ORANGE)):
            value = shown.count or 0 if shown is not None else 0
            ax.barh(y + offset, value, color=color, height=0.34)
            text = shown.shown if shown is not None else HIDDEN
            ax.text(value + top * 0.02, y + offset, text, va="center", fontsize=9,
                    color=INK if shown is not None and shown.count is not None else GREY)
    ax.set_yticks(range(len(likely)), [_label(c.label) for c in likely], fontsize=10)
    _rows(ax, len(likely))
    ax.set_xlim(0, top * 1.25)
    ax.legend(handles=[ax.patches[0], ax.patches[1]],
              labels=[_.gettext(N_("likely")), _.gettext(N_("not received"))],
              loc="lower right", fontsize=9, frameon=False)


def render_chart(report: StatsReport) -> bytes:
    """The PNG bytes of the /stats chart."""
    _ = report._
    empty = _.gettext(NOTHING_YET)
    figure = Figure(figsize=(12, 15), dpi=100, facecolor="white")
    FigureCanvasAgg(figure)
    grid = figure.add_gridspec(3, 2, height_ratios=[0.9, 1, 1.6], hspace=0.4, wspace=0.55,
                               left=0.2, right=0.97, top=0.9, bottom=0.1)
    people = report.section("people")[0]
    figure.suptitle(f"{people.label}: {people.shown}  ·  {report.period()}", x=0.03, ha="left",
                    fontsize=17, fontweight="bold", color=INK)
    weeks = [dataclasses.replace(c, label=report.short_date(c.key)) for c in report.section("week")]
    _bars(figure.add_subplot(grid[0, :]), weeks, report.title("week"),
          empty, vertical=True)
    _bars(figure.add_subplot(grid[1, 0]), report.section("site"), report.title("site"), empty)
    _bars(figure.add_subplot(grid[1, 1]), report.section("language"), report.title("language"), empty)
    estimates = report.section("estimates")[0]
    _bars(figure.add_subplot(grid[2, 0]), report.section("asked"), report.title("asked"), empty)
    _non_recours(figure.add_subplot(grid[2, 1]), report, empty)
    median = report.median_claim()

    def counts(section: str) -> str:
        cells = ", ".join(f"{c.label} {c.shown}" for c in report.section(section))
        return f"{report.title(section)}: {cells}"

    # One short line each: a long line would run off a phone's screen.
    lines = [counts("requests"), f"{estimates.label}: {estimates.shown}"
             + ("   ·   " + _.gettext(MEDIAN, time=median) if median else "")]
    if report.section("follow_ups"):  # labelled apart: not to be read as requests
        lines.insert(1, counts("follow_ups"))
    for row, text in enumerate(lines):
        figure.text(0.03, 0.068 - row * 0.026, text, fontsize=12, fontweight="bold", color=INK)
    figure.text(0.97, 0.93, _.gettext(N_("Counts only. Under 5 shows as <5.")), ha="right",
                fontsize=10, color=GREY)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
