"""What a worker sees in /stats: small counts hidden everywhere, the text, the CSV, the chart."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter

from PIL import Image

from bot.db.stats import Stats
from bot.gateway.desk.stats_chart import render_chart
from bot.gateway.desk.stats_report import StatsReport, hide_small
from bot.i18n import Translator


def stats(**overrides) -> Stats:
    values = dict(
        days=30, since=dt.date(2026, 11, 7), people=31,
        sites=Counter({"SiteToken_abc": 23, "": 5, "OtherSite_xyz": 3}),
        weeks=Counter({"2026-W46": 12, "2026-W48": 19}),
        languages=Counter({"fr": 20, "uk": 9, "ps": 2}),
        asked=Counter({"rsa": 12, "css": 4}), estimates=9,
        likely=Counter({"rsa": 8, "css": 6}), not_received=Counter({"rsa": 5, "css": 2}),
        requested=7, claimed=6, done=3, claim_minutes=[10, 20, 30, 40, 50, 60],
        site_names={"SiteToken_abc": "Maraude Belleville"})
    values.update(overrides)
    return Stats(**values)


def test_a_count_under_five_is_hidden():
    assert hide_small({"a": 12, "b": 4, "c": 0, "d": 5}, total_shown=False) == {
        "a": 12, "b": None, "c": None, "d": 5}


def test_beside_a_total_one_hidden_part_takes_the_next_smallest_with_it():
    # 31 people: 23 + 5 + "<5" would give the 3 away by subtraction.
    assert hide_small({"x": 23, "y": 5, "z": 3}, total_shown=True) == {"x": 23, "y": None, "z": None}
    assert hide_small({"x": 23, "y": 4, "z": 3}, total_shown=True) == {"x": 23, "y": None, "z": None}


def test_the_text_hides_small_counts_and_names_the_site():
    text = StatsReport(stats(), Translator("en")).text()
    assert "Maraude Belleville 23" in text
    assert "OtherS… <5" in text  # a site not named yet: its payload's first 6 characters
    assert "<5" in text
    for small in (" 3", " 2", " 4"):
        assert f"{small} ·" not in text and not any(line.endswith(small) for line in text.splitlines())
    assert "Median time to claim: 35 min" in text


def test_no_median_from_fewer_than_five_claims():
    text = StatsReport(stats(claim_minutes=[10, 20]), Translator("en")).text()
    assert "Median" not in text


def test_the_csv_has_every_count_and_never_a_small_one():
    rows = list(csv.DictReader(io.StringIO(StatsReport(stats(), Translator("en")).csv().decode("utf-8-sig"))))
    counts = {(r["section"], r["key"]): r["count"] for r in rows}
    assert counts[("people", "all")] == "31"
    assert counts[("site", "SiteToken_abc")] == "23"
    assert counts[("site", "OtherSite_xyz")] == "<5"
    assert counts[("site", "")] == "<5"  # 5, hidden so the 3 cannot be worked out
    assert counts[("language", "fr")] == "20"
    assert counts[("asked", "rsa")] == "12" and counts[("asked", "css")] == "<5"
    assert counts[("not_received", "rsa")] == "5" and counts[("not_received", "css")] == "<5"
    assert counts[("requests", "requested")] == "7" and counts[("requests", "done")] == "<5"
    assert counts[("requests", "median_time_to_claim")] == "35 min"
    assert all(r["count"] == "<5" or int(r["count"]) >= 5 for r in rows if r["key"] != "median_time_to_claim")


def test_the_chart_is_a_png_a_phone_can_show():
    chart = render_chart(StatsReport(stats(), Translator("fr")))
    image = Image.open(io.BytesIO(chart))
    assert image.format == "PNG"
    assert 800 <= image.width <= 2000 and image.height / image.width < 2


def test_the_chart_of_an_empty_period():
    empty = stats(people=0, sites=Counter(), weeks=Counter(), languages=Counter(), asked=Counter(),
                  estimates=0, likely=Counter(), not_received=Counter(), requested=0, claimed=0, done=0,
                  claim_minutes=[])
    assert Image.open(io.BytesIO(render_chart(StatsReport(empty, Translator("fr"))))).format == "PNG"
