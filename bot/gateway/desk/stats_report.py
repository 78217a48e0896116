"""/stats as numbers a worker reads: small counts hidden, then a short text and a CSV.

Counts only, never a person. A count under 5 shows as "<5": with so few people, a site, a week and
a language together could point at someone. Where a total is shown beside its parts (people per
site, per week, per language), one hidden part could be worked out by subtraction, so the next
smallest part is hidden too. The median time to claim is shown only from 5 claimed requests on.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from babel.dates import format_date

from bot.db.stats import Stats
from bot.db.tallies import iso_week
from bot.i18n import FORMAT_LOCALES, N_, Translator
from bot.languages import BY_CODE
from bot.nlg.render import SHORT_NAMES

SMALL = 5  # a count under this is hidden
HIDDEN = "<5"
TOP = 8  # lines per section in the text (the chart shows 10, the CSV all)

TITLES = {
    "people": N_("People reached"),
    "site": N_("People reached, by site"),
    "week": N_("People reached, by week (from Monday)"),
    "language": N_("Languages"),
    "asked": N_("Questions about a right"),
    "estimates": N_("Estimates done"),
    "likely": N_("Rights found likely by an estimate"),
    "not_received": N_("Likely but not received (non-recours)"),
    "requests": N_("Requests for a person"),
    "follow_ups": N_("Follow-ups answered"),
}
REQUESTS = {"requested": N_("asked for"), "claimed": N_("claimed"), "done": N_("done")}
FOLLOW_UPS = {"applied": N_("applied"), "stuck": N_("stuck")}
STATISTICS = N_("Statistics")
NO_SITE = N_("no site link")
FOOTNOTE = N_("Counts only, never a person. Under 5 shows as <5. /stats csv for a table.")
NOT_KNOWN = N_("not known yet")


@dataclass(frozen=True)
class Cell:
    section: str  # a key of TITLES
    key: str  # stable, for the CSV: a payload, an ISO week, a language code, a right id...
    label: str  # what the worker reads
    count: int | None  # None: hidden (under 5, or it would reveal one that is)

    @property
    def shown(self) -> str:
        return HIDDEN if self.count is None else str(self.count)


def hide_small(counts: dict[str, int], *, total_shown: bool) -> dict[str, int | None]:
    """Counts under 5 become None; beside a shown total, never exactly one hidden part."""
    shown: dict[str, int | None] = {k: (v if v >= SMALL else None) for k, v in counts.items()}
    visible = sorted((v, k) for k, v in shown.items() if v is not None)
    if total_shown and visible and sum(v is None for v in shown.values()) == 1:
        shown[visible[0][1]] = None
    return shown


def week_start(week: str) -> dt.date:
    year, number = week.split("-W")
    return dt.date.fromisocalendar(int(year), int(number), 1)


class StatsReport:
    """The cells of one /stats, in the workers' language, ready for the text, chart and CSV."""

    def __init__(self, stats: Stats, translator: Translator) -> None:
        self.stats = stats
        self._ = translator
        self.cells = self._cells()

    def section(self, name: str) -> list[Cell]:
        return [c for c in self.cells if c.section == name]

    def title(self, name: str) -> str:
        return self._.gettext(TITLES[name])

    def period(self) -> str:
        return self._.gettext(N_("last %(days)s days, since %(date)s"), days=self.stats.days,
                              date=self._.date(self.stats.since))

    def median_claim(self) -> str | None:
        """"1 h 20 min", from 5 claimed requests on."""
        minutes = self.stats.median_claim_minutes
        if minutes is None or len(self.stats.claim_minutes) < SMALL:
            return None
        hours, rest = divmod(round(minutes), 60)
        return f"{hours} h {rest:02d} min" if hours else f"{rest} min"

    def short_date(self, week: str) -> str:
        """A week's Monday as "30 nov.": short enough under a bar."""
        return format_date(week_start(week), format="d MMM", locale=FORMAT_LOCALES[self._.language])

    def right_name(self, right: str) -> str:
        return self._.gettext(SHORT_NAMES[right]) if right in SHORT_NAMES else right

    def language_name(self, code: str) -> str:
        if not code:
            return self._.gettext(NOT_KNOWN)
        return self._.gettext(BY_CODE[code].name) if code in BY_CODE else code

    def site_name(self, payload: str) -> str:
        if not payload:
            return self._.gettext(NO_SITE)
        return self.stats.site_names.get(payload) or f"{payload[:6]}…"

    def _breakdown(self, section: str, counts: Counter[str], label: Callable[[str], str], *,
                   total_shown: bool = False, by_key: bool = False) -> list[Cell]:
        shown = hide_small(dict(counts), total_shown=total_shown)
        order = sorted(counts) if by_key else [k for k, _ in counts.most_common()]
        return [Cell(section, key, label(key), shown[key]) for key in order]

    def _cells(self) -> list[Cell]:
        s, _ = self.stats, self._
        total = s.people if s.people >= SMALL else None
        cells = [Cell("people", "all", self.title("people"), total)]
        cells += self._breakdown("site", s.sites, self.site_name, total_shown=True)
        weeks = Counter({w: s.weeks.get(w, 0) for w in self._weeks()})
        cells += self._breakdown("week", weeks, lambda w: _.date(week_start(w)), total_shown=True,
                                 by_key=True)
        cells += self._breakdown("language", s.languages, self.language_name, total_shown=True)
        cells += self._breakdown("asked", s.asked, self.right_name)
        cells.append(Cell("estimates", "all", self.title("estimates"),
                          s.estimates if s.estimates >= SMALL else None))
        cells += self._breakdown("likely", s.likely, self.right_name)
        cells += self._breakdown("not_received", s.not_received, self.right_name)
        requests = {"requested": s.requested, "claimed": s.claimed, "done": s.done}
        cells += [Cell("requests", k, _.gettext(REQUESTS[k]), v if v >= SMALL else None)
                  for k, v in requests.items()]
        if s.follow_ups is not None:
            cells += [Cell("follow_ups", k, _.gettext(FOLLOW_UPS.get(k, k)), v if v >= SMALL else None)
                      for k, v in s.follow_ups.items()]
        return cells

    def _weeks(self) -> list[str]:
        """Every ISO week of the period, so a quiet week shows as one."""
        weeks, day, today = [], self.stats.since, self.stats.since + dt.timedelta(days=self.stats.days)
        while day <= today:
            weeks.append(iso_week(day))
            day += dt.timedelta(days=7)
        if iso_week(today) not in weeks:
            weeks.append(iso_week(today))
        return weeks

    # --- what the worker gets ------------------------------------------------------------------

    def text(self) -> str:
        """A short text beside the chart: one line per section, the biggest first."""
        _ = self._
        lines = ["📊 " + _.gettext(STATISTICS) + ": " + self.period()]
        people = self.section("people")[0]
        lines.append(f"{people.label}: {people.shown}")
        for name in ("site", "language", "asked"):
            lines.append(self._line(name))
        lines.append(f"{self.title('estimates')}: {self.section('estimates')[0].shown}")
        for name in ("likely", "not_received", "requests"):
            lines.append(self._line(name))
        median = self.median_claim()
        if median is not None:
            lines.append(_.gettext(N_("Median time to claim: %(time)s"), time=median))
        if self.stats.follow_ups is not None:
            lines.append(self._line("follow_ups"))
        lines.append(_.gettext(FOOTNOTE))
        return "\n".join(lines)

    def _line(self, name: str) -> str:
        cells = self.section(name)
        parts = [f"{c.label} {c.shown}" for c in cells[:TOP]]
        if len(cells) > TOP:
            parts.append("…")
        return f"{self.title(name)}: {' · '.join(parts) if parts else '—'}"

    def csv(self) -> bytes:
        """The same counts as a table: section, key, label, count ("<5" when hidden)."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["section", "key", "label", "count"])
        for cell in self.cells:
            writer.writerow([cell.section, cell.key, cell.label, cell.shown])
        median = self.median_claim()
        writer.writerow(["requests", "median_time_to_claim", "", median or HIDDEN])
        return out.getvalue().encode("utf-8-sig")  # the BOM: a spreadsheet opens it as UTF-8
