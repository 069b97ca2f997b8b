"""What a figure claims, as an interval of the base unit: one meaning shared by the agreement rules and `series`.

A row says `114.2 billion_yuan eq`; another `1141.69 yi_yuan eq`. As strings they differ; as claims they agree,
because a figure is written to a precision: 114.2 billion stands for anything that rounds to it, 114.15 to 114.25
billion. So a claim is an interval in the base unit (`value_base`), at the precision the value is written in
(half a unit of its last written digit, in the row's own unit, scaled like the value):

| qualifier | interval (h: half a unit of the last written digit) |
|---|---|
| eq, approx | [v − h, v + h] |
| gt / gte | (v + h, ∞) / [v − h, ∞): "more than 350" is more than what rounds to 350 |
| lt / lte | (−∞, v − h) / (−∞, v + h] |
| range | [v − h, upper + h] |

For a negative value (a fall) the qualifier bounds its size (下降超过5% is −5 with gt), so gt reads as below v.
Two claims agree when their intervals meet: 超过915万 (above 915.5万) agrees with 918.26万, 350多 with 355,
5.1 billion with 40多亿; "nearly 100" (99.5 to 100.5) and "more than 100" (above 100.5) conflict. A row conflicts
when some row of its group has an interval that does not meet its own: with the group's lowest upper bound and
highest lower bound that is one pass over the rows, linear in time and memory however large a group is.

`claim_key` is a claim as a string, for "stated alike" (the same value in the base unit, upper bound and
qualifier): what corroboration and `series` compare.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..io.load import decimal_text


def decimals(value: pd.Series) -> pd.Series:
    """How many decimals each value is written with (1890 → 0, 37.73 → 2), once per distinct value."""
    distinct = value.dropna().unique()
    places = {}
    for v in distinct:
        text = decimal_text(v) or ""
        places[v] = len(text.partition(".")[2])
    return value.map(places).astype("Float64")


def scale_of(frame: pd.DataFrame) -> pd.Series:
    """Base units per unit of the row's own unit (value_base ÷ value, the denominator included)."""
    value = frame["value"].astype("Float64")
    return (frame["value_base"].astype("Float64") / value.where(value != 0)).astype("Float64")


def intervals(frame: pd.DataFrame) -> pd.DataFrame:
    """Each row's claim as closed bounds `low`, `high` in the base unit (open bounds nudged inward); NaN if unknown.

    Reads value, value_upper, qualifier and value_base (load() adds it).
    """
    scale = scale_of(frame).to_numpy(dtype="float64", na_value=np.nan)
    value = frame["value"].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
    upper = frame["value_upper"].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
    base = frame["value_base"].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
    scale = np.where(value == 0, 0.0, scale)  # a zero is zero in every scale
    half = 0.5 * np.power(10.0, -decimals(frame["value"]).to_numpy(dtype="float64", na_value=np.nan)) * np.abs(scale)
    half_upper = 0.5 * np.power(10.0, -decimals(frame["value_upper"]).to_numpy(dtype="float64", na_value=np.nan))
    half_upper = half_upper * np.abs(scale)
    qualifier = frame["qualifier"].astype("string").fillna("")
    # The size of a fall is bounded: gt on a negative value is below it.
    flipped = qualifier.replace({"gt": "lt", "gte": "lte", "lt": "gt", "lte": "gte"})
    q = np.where(base < 0, flipped.to_numpy(dtype=object), qualifier.to_numpy(dtype=object))
    inf = np.inf
    low = np.full(len(frame), np.nan)
    high = np.full(len(frame), np.nan)
    point = (q == "eq") | (q == "approx") | (q == "")
    low = np.where(point, base - half, low)
    high = np.where(point, base + half, high)
    low = np.where(q == "gt", np.nextafter(base + half, inf), low)
    high = np.where((q == "gt") | (q == "gte"), inf, high)
    low = np.where(q == "gte", base - half, low)
    low = np.where((q == "lt") | (q == "lte"), -inf, low)
    high = np.where(q == "lt", np.nextafter(base - half, -inf), high)
    high = np.where(q == "lte", base + half, high)
    ranged = q == "range"
    low = np.where(ranged, base - half, low)
    high = np.where(ranged, upper * scale + half_upper, high)
    known = ~np.isnan(base)
    return pd.DataFrame({"low": np.where(known, low, np.nan), "high": np.where(known, high, np.nan)}, index=frame.index)


def conflicts(group: pd.Series, bounds: pd.DataFrame) -> pd.Series:
    """True where some row of the same group claims an interval that does not meet the row's own.

    One pass: a row meets every other row of its group exactly when the group's lowest `high` is not below its
    `low` and the group's highest `low` is not above its `high`. Rows without a group or a claim never conflict.
    """
    usable = group.notna() & bounds["low"].notna() & bounds["high"].notna()
    keys = group.where(usable)
    lowest_high = bounds["high"].where(usable).groupby(keys).transform("min")
    highest_low = bounds["low"].where(usable).groupby(keys).transform("max")
    clash = (lowest_high < bounds["low"]) | (highest_low > bounds["high"])
    return (clash & usable).fillna(False).astype(bool)


def claim_key(frame: pd.DataFrame) -> pd.Series:
    """A claim as a string, for 'stated alike': value and upper bound in the base unit (9 decimals), qualifier."""
    scale = scale_of(frame)
    upper = (frame["value_upper"].astype("Float64") * scale).round(9).astype("string").fillna("")
    value = frame["value_base"].astype("Float64").round(9).astype("string")
    value = value.fillna(frame["value"].astype("string")).fillna("")
    return value + "|" + upper + "|" + frame["qualifier"].astype("string").fillna("")
