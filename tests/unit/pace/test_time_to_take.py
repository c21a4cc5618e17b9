"""Time to take what a proposal hands over, each oblast at its own pace over the last 3, 6
and 12 months: exact numbers on synthetic daily series."""

import datetime as dt

import pandas as pd
import pytest

from geo.pace.rate import MONTH_DAYS
from geo.pace.time_to_take import as_dict, handed_over, meaning, sentence, time_to_take

D = dt.date
#: The scenario's day: every window ends here.
DAY = D(2026, 7, 1)
FIRST = D(2025, 1, 1)


def daily(paces: dict[str, float], *, first: dt.date = FIRST, last: dt.date = DAY,
          skip: tuple[dt.date, ...] = (), change: dict | None = None) -> pd.DataFrame:
    """A daily series: each unit gains ``paces[code]`` km2 a day from 1,000 km2 on
    ``first`` (``change``: code -> (day, new pace from that day on)), "UA" their sum; the
    days in ``skip`` are not held."""
    rows = []
    held = {code: 1_000.0 for code in paces}
    day = first
    while day <= last:
        if day not in skip:
            for code, km2 in held.items():
                rows.append((day, code, km2, 0.0))
            rows.append((day, "UA", sum(held.values()), 0.0))
        for code in held:
            rate = paces[code]
            if change and code in change and day >= change[code][0]:
                rate = change[code][1]
            held[code] += rate
        day += dt.timedelta(days=1)
    return pd.DataFrame(rows, columns=["date", "iso_3166_2", "occupied_km2", "occupied_pct"])


def window(results, months: int):
    return next(w for w in results if w.window_months == months)


def test_at_a_constant_pace_every_window_gives_the_same_time():
    # 1 km2 a day is 30.44 km2 a month: 304.4 km2 take 10 months.
    results = time_to_take(daily({"UA-14": 1.0}), {"UA-14": 304.4}, DAY)
    assert [w.window_months for w in results] == [3, 6, 12]
    for w in results:
        assert w.oblasts[0].km2_per_month == pytest.approx(MONTH_DAYS)
        assert w.months == pytest.approx(10.0)
        assert w.by == D(2027, 5, 1)  # 304 days after 2026-07-01


def test_each_window_ends_on_the_day_and_starts_that_many_months_before():
    results = time_to_take(daily({"UA-14": 1.0}), {"UA-14": 304.4}, DAY)
    assert [(w.start, w.end) for w in results] == [
        (D(2026, 4, 1), DAY), (D(2026, 1, 1), DAY), (D(2025, 7, 1), DAY)]


def test_a_pace_that_slowed_takes_longer_over_the_recent_window():
    # 2 km2 a day until 2026-01-01, then 1 km2 a day.
    series = daily({"UA-14": 2.0}, change={"UA-14": (D(2026, 1, 1), 1.0)})
    results = time_to_take(series, {"UA-14": 304.4}, DAY)
    assert window(results, 6).months == pytest.approx(10.0)
    # 12 months: 184 days at 2 km2, 181 at 1 km2.
    twelve = window(results, 12)
    assert twelve.oblasts[0].km2_per_month == pytest.approx((184 * 2 + 181) / 365 * MONTH_DAYS)
    assert twelve.months == pytest.approx(304.4 / ((184 * 2 + 181) / 365 * MONTH_DAYS))


def test_a_pause_is_not_at_this_pace_never_an_infinite_time():
    results = time_to_take(daily({"UA-14": 0.0}), {"UA-14": 500.0}, DAY)
    for w in results:
        assert w.oblasts[0].km2_per_month == 0.0
        assert (w.oblasts[0].months, w.months, w.by) == (None, None, None)
    text = sentence(window(results, 6))
    assert "not at this pace" in text and "inf" not in text
    assert "Donetsk Oblast (500 km²)" in text


def test_a_reversal_is_not_at_this_pace_never_a_negative_time():
    results = time_to_take(daily({"UA-14": -0.5}), {"UA-14": 500.0}, DAY)
    w = window(results, 6)
    assert w.oblasts[0].km2_per_month == pytest.approx(-0.5 * MONTH_DAYS)
    assert w.months is None
    assert as_dict(w)["months"] is None and as_dict(w)["by"] is None


def test_a_gap_at_a_windows_start_is_measured_from_the_nearest_held_day():
    # 2025-12-30 to 2026-01-02 are not held: 2026-01-03 is nearer 2026-01-01 than 2025-12-29.
    gap = tuple(D(2025, 12, 30) + dt.timedelta(days=n) for n in range(4))
    w = window(time_to_take(daily({"UA-14": 1.0}, skip=gap), {"UA-14": 304.4}, DAY), 6)
    assert (w.start, w.end) == (D(2026, 1, 3), DAY)
    assert w.oblasts[0].km2_per_month == pytest.approx(MONTH_DAYS)
    assert w.months == pytest.approx(10.0)


def test_a_gap_at_a_windows_end_is_measured_to_the_nearest_held_day_inside_on_a_tie():
    # 2026-06-29 and 2026-07-03 are both two days from 2026-07-01: the earlier is used.
    gap = (D(2026, 6, 30), DAY, D(2026, 7, 2))
    series = daily({"UA-14": 1.0}, last=D(2026, 7, 5), skip=gap)
    w = window(time_to_take(series, {"UA-14": 304.4}, DAY), 6)
    assert w.end == D(2026, 6, 29)
    assert w.months == pytest.approx(10.0)
    # The day taken by counts from the last day measured.
    assert w.by == D(2026, 6, 29) + dt.timedelta(days=304)


def test_several_oblasts_each_at_their_own_pace_the_slowest_decides():
    series = daily({"UA-14": 1.0, "UA-09": 2.0, "UA-23": 0.5})
    handover = {"UA-14": 304.4, "UA-09": 304.4, "UA-23": 152.2}
    w = window(time_to_take(series, handover, DAY), 6)
    months = {o.iso_3166_2: o.months for o in w.oblasts}
    assert months == pytest.approx({"UA-14": 10.0, "UA-09": 5.0, "UA-23": 10.0})
    assert w.months == pytest.approx(10.0)
    assert w.km2 == pytest.approx(761.0)
    # Largest first.
    assert [o.iso_3166_2 for o in w.oblasts][2] == "UA-23"


def test_a_stalled_oblast_is_named_beside_the_time_of_the_others():
    series = daily({"UA-14": 1.0, "UA-09": 0.0})
    w = window(time_to_take(series, {"UA-14": 304.4, "UA-09": 100.0}, DAY), 6)
    assert w.months == pytest.approx(10.0)
    assert [o.iso_3166_2 for o in w.stalled] == ["UA-09"]
    assert sentence(w) == ("At the pace of the last 6 months, Russia would take the ground "
                           "this proposal hands it in about 10 months (around May 2027). Not "
                           "at this pace: Luhansk Oblast (100 km²), where the line did not "
                           "move forward.")


def by_oblast(**from_ukraine: float) -> pd.DataFrame:
    return pd.DataFrame({"iso_3166_2": list(from_ukraine),
                         "from_ukraine_km2": list(from_ukraine.values())})


def test_a_unit_already_fully_held_hands_nothing_over():
    # Luhansk is all Russian-held: nothing of it is Ukraine's to give up.
    handover = handed_over(by_oblast(**{"UA-09": 0.0, "UA-14": 5_000.0}))
    assert handover == {"UA-14": 5_000.0}


def test_slivers_under_ten_km2_are_not_counted():
    assert handed_over(by_oblast(**{"UA-43": 3.3, "UA-14": 12.0})) == {"UA-14": 12.0}


def test_a_proposal_handing_over_nothing_has_nothing_to_take():
    results = time_to_take(daily({"UA-14": 1.0}), {}, DAY)
    w = window(results, 6)
    assert (w.months, w.km2, w.oblasts) == (0.0, 0, ())
    assert sentence(w) == ("At the pace of the last 6 months: this proposal hands Russia no "
                           "ground to take.")


def test_the_meaning_differs_by_kind_of_proposal():
    assert "no ground" in meaning(0.0, 0.0)
    assert "seize it instead" in meaning(0.0, 500.0)
    zone = meaning(1_000.0, 500.0)
    assert "demilitarised zone" in zone and "Ground Russia gives up" in zone


def test_as_dict_rounds_and_names_the_days():
    w = window(time_to_take(daily({"UA-14": 1.0}), {"UA-14": 304.4}, DAY), 6)
    assert as_dict(w) == {
        "window_months": 6, "from": "2026-01-01", "to": "2026-07-01", "km2": 304.4,
        "months": 10.0, "by": "2027-05-01", "text": sentence(w),
        "by_oblast": [{"iso_3166_2": "UA-14", "km2": 304.4, "km2_per_month": 30.4,
                       "months": 10.0, "by": "2027-05-01"}]}


# --- in Ukrainian ----------------------------------------------------------------------

def test_a_time_in_months_takes_the_ukrainian_plural_of_its_number():
    from geo.pace.time_to_take import months_text

    assert [months_text(n, lang="uk") for n in (1, 3, 5, 21, 22)] == [
        "близько 1 місяця", "близько 3 місяців", "близько 5 місяців", "близько 21 місяця",
        "близько 22 місяців"]
    assert [months_text(0.5, lang="uk"), months_text(1_300, lang="uk")] == [
        "менше місяця", "понад століття"]
    assert months_text(14) == "about 14 months"


def test_the_sentence_of_a_window_in_ukrainian_names_the_month_and_the_stalled_oblast():
    series = daily({"UA-14": 1.0, "UA-09": 0.0})
    w = window(time_to_take(series, {"UA-14": 304.4, "UA-09": 100.0}, DAY), 6)
    assert sentence(w, lang="uk") == (
        "За темпу останніх 6 місяців Росії знадобилося б близько 10 місяців, щоб захопити "
        "територію, яку їй передає ця пропозиція (орієнтовно — травень 2027\u202fр.). За "
        "такого темпу ніколи: Луганська область (100\u00a0км²) — там лінія не просувалася.")


def test_the_meaning_in_ukrainian():
    assert meaning(0.0, 0.0, lang="uk") == ("Ця пропозиція не передає Росії жодної території: "
                                            "рахувати час на захоплення немає чого.")
