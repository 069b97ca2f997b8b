"""Each table joined with what its rules read: the rows of the tables it refers to, and readings of its text.

Why this exists: a rule such as "the unit measures what the indicator measures" needs columns of three tables.
The joins follow the foreign keys the Table Schemas declare, never joins written out by hand: a rule names the
columns it needs as `field.column` (`unit.dimension`: the `dimension` of the row that `unit` refers to), and
the view gets them as `unit__dimension`. Derived columns (the reading of a quote, publication bounds, archived
texts) are computed once per distinct input (per source, per distinct quote or evidence span), never once per
pair of rows, so a view costs time linear in its rows.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from ..core.exceptions import TDEError
from ..core.paths import package_dir
from ..io.load import decimal_text
from ..schema.descriptor import read_descriptor, resource, table_names, table_schema
from ..text.periods import publication_bounds
from ..text.quantities import Lexicon, cut_from, read, squash, unit_reading, written_forms
from .anchors import anchor_view

ForeignKeys = dict[str, dict[str, tuple[str, str]]]  # table -> field -> (referenced table, referenced field)


def join_keys(schemas: dict[str, dict[str, Any]]) -> ForeignKeys:
    """The single-field foreign keys the tables' schemas declare (read by the reader's one parser of them)."""
    from ..io.reader import foreign_keys as declared

    out: ForeignKeys = {}
    for name, schema in schemas.items():
        for fields, other, ref_fields in declared(schema):
            if len(fields) == 1 and len(ref_fields) == 1:
                out.setdefault(name, {})[fields[0]] = (other or name, ref_fields[0])
    return out


def foreign_keys(path: str | Path | None = None) -> ForeignKeys:
    """The single-field foreign keys of the package at `path`, its schemas read from their files."""
    base = package_dir(path)
    descriptor = read_descriptor(base)
    schemas = {}
    for name in table_names(descriptor):
        try:
            schemas[name] = table_schema(base, resource(descriptor, name))
        except TDEError:  # a broken schema is reported by the structure layer; its table's joins are left out
            continue
    return join_keys(schemas)


def keyed(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """`frame` indexed by its key, first row kept where the key repeats (the key rules report that)."""
    indexed = frame.set_index(key)
    return indexed.loc[~indexed.index.duplicated() & indexed.index.notna()]


def per_distinct(values: pd.Series, compute: Callable[[Any], Any], dtype: Any = None) -> pd.Series:
    """compute(value) for each distinct value of the series, spread back over its rows (missing stays missing)."""
    distinct = values.dropna().unique()
    table = {value: compute(value) for value in distinct}
    out = values.map(table)
    return out.astype(dtype) if dtype else out


def squeeze(text: object) -> str:
    """Text with all white space removed: evidence is compared 'white space aside'."""
    return re.sub(r"\s+", "", text) if isinstance(text, str) else ""


def fold(text: str) -> str:
    """Text for comparing names: simplified script, case folded, inserted pinyin and white space removed."""
    return squeeze(squash(text))


def with_joins(
    table: str, frame: pd.DataFrame, needs: Iterable[str], sources: dict[str, pd.DataFrame], keys: ForeignKeys
) -> pd.DataFrame:
    """`frame` with each needed `field.column` of the referenced table added as `field__column`."""
    added: dict[str, pd.Series] = {}
    for need in sorted(set(needs)):
        field, _, column = need.partition(".")
        target, ref_field = keys.get(table, {}).get(field, (None, None))
        if target is None or target not in sources or column not in sources[target].columns:
            continue
        lookup = keyed(sources[target], str(ref_field))[column]
        mapped = frame[field].map(lookup)
        if mapped.dtype != lookup.dtype:  # a map that found nothing gives floats; keep the column's own type
            with contextlib.suppress(TypeError, ValueError):
                mapped = mapped.astype(lookup.dtype)
        added[f"{field}__{column}"] = mapped
    return frame.assign(**added) if added else frame


def views(
    frames: dict[str, pd.DataFrame],
    archive_texts: dict[str, str | None] | None,
    archive_hashes: dict[str, str] | None,
    keys: ForeignKeys | None = None,
) -> dict[str, pd.DataFrame]:
    """Each loaded table joined with what its rules need; a table is left out when a table it reads did not load."""
    from .rules import RULES

    keys = foreign_keys() if keys is None else keys
    needs: dict[str, list[str]] = {}
    for rule in RULES:
        needs.setdefault(rule.table, []).extend(rule.needs)
    # Derived columns first, so that joins can read them (publication bounds travel with source_id).
    derived = dict(frames)
    if "sources" in frames:
        derived["sources"] = source_view(frames["sources"], archive_texts, archive_hashes)
    if "indicators" in frames and {"lexicon", "units"} <= frames.keys():
        quoted = quote_view(frames["indicators"], frames["lexicon"], frames["units"])
        if "places" in frames:
            named = places_named(quoted["evidence"], frames["places"])
            shown = named.map(lambda n: ", ".join(sorted(n)) if isinstance(n, frozenset) else None).astype("string")
            quoted = quoted.assign(places_named=named, places_named_text=shown)
        derived["indicators"] = quoted.join(agreement(quoted))
        derived["indicators"] = anchor_view(derived["indicators"], frames)  # claims read in their words
    if "lexicon" in frames:
        lexicon = frames["lexicon"]
        generic = frozenset(fold(t) for t in lexicon.loc[lexicon["category"] == "generic_name", "term"].dropna())
        for table in ("enterprises", "projects"):
            if table in frames:
                names = pd.Series([generic] * len(frames[table]), index=frames[table].index, dtype=object)
                derived[table] = frames[table].assign(generic_names=names)
    out = {}
    for table, frame in derived.items():
        tables_read = {keys.get(table, {}).get(n.partition(".")[0], ("", ""))[0] for n in needs.get(table, [])}
        if not (tables_read - {""}) <= derived.keys():
            continue
        if table == "indicators" and not {"lexicon", "units"} <= frames.keys():
            continue
        out[table] = with_joins(table, frame, needs.get(table, []), derived, keys)
    return out


def source_view(
    sources: pd.DataFrame, archive_texts: dict[str, str | None] | None, archive_hashes: dict[str, str] | None
) -> pd.DataFrame:
    """Sources with their archived file's presence, hash and squeezed text, and their publication bounds."""
    files = sources["archive_file"]
    bounds = [publication_bounds(p) for p in sources["published"]]
    texts = archive_texts or {}
    return sources.assign(
        archive_present=[archive_texts is not None and f in texts for f in files],
        archive_sha256_actual=pd.Series([(archive_hashes or {}).get(f) for f in files], dtype="string"),
        # Each text is squeezed once here, not once per evidence span that is looked up in it.
        archive_raw=pd.Series([texts.get(f) for f in files], index=sources.index, dtype=object),
        archive_text=pd.Series(
            [squeeze(texts[f]) if texts.get(f) is not None else None for f in files], index=sources.index, dtype=object
        ),
        published_earliest=pd.to_datetime(pd.Series([b[0] for b in bounds], index=sources.index, dtype=object)),
        published_latest=pd.to_datetime(pd.Series([b[1] for b in bounds], index=sources.index, dtype=object)),
    )


def quote_view(indicators: pd.DataFrame, lexicon_frame: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Indicators with the reading of each `value_text` and the status cues of each `evidence`."""
    lexicon = Lexicon.from_frame(lexicon_frame)
    readings = per_distinct(indicators["value_text"], lambda t: read(t, lexicon))
    dimension_of = dict(zip(units["unit"], units["dimension"], strict=True))
    forms = written_forms(units)
    unit_dimension = indicators["unit"].map(dimension_of)
    pairs = pd.Series(list(zip(readings.map(lambda r: getattr(r, "shape", None)), unit_dimension, strict=True)))
    unit_readings = per_distinct(
        pairs.map(lambda p: p if isinstance(p[0], str) and isinstance(p[1], str) else None),
        lambda p: unit_reading(p[0], forms.get(p[1], {})),
    )
    written = unit_readings.map(lambda r: "|".join(r[0]) if isinstance(r, tuple) else None)
    extra = unit_readings.map(
        lambda r: ", ".join(m[0] for m, _ in lexicon.find("unit_word", r[1])) if isinstance(r, tuple) and r[0] else ""
    )
    quotes = pd.Series(list(zip(indicators["value_text"], indicators["evidence"], strict=True)), index=indicators.index)
    cut = per_distinct(
        quotes.map(lambda q: q if isinstance(q[0], str) and isinstance(q[1], str) else None),
        lambda q: cut_from(q[0], q[1], lexicon),
    )
    cues = per_distinct(indicators["evidence"], lambda e: status_cues(e, lexicon))
    return indicators.assign(
        value_text_reading=readings.map(lambda r: r.describe() if r is not None and r == r else None).astype("string"),
        read_numbers=readings.map(lambda r: None if not hasattr(r, "numbers") else r.numbers),
        read_qualifiers=readings.map(lambda r: None if not hasattr(r, "qualifiers") else r.qualifiers),
        read_range=readings.map(lambda r: None if not hasattr(r, "is_range") else r.is_range),
        read_shape=readings.map(lambda r: None if not hasattr(r, "shape") else r.shape),
        value_claim=pd.Series(
            [
                claim_text(v, u, d)
                for v, u, d in zip(
                    indicators["value"], indicators["value_upper"], indicators["value_denominator"], strict=True
                )
            ],
            index=indicators.index,
            dtype="string",
        ),
        read_units=pd.Series(list(written), index=indicators.index, dtype="string"),
        written_in=pd.Series([w if isinstance(w, str) and w else "no unit word" for w in written], dtype="string"),
        unit_words_left=pd.Series(list(extra), index=indicators.index, dtype="string"),
        quote_cut=pd.Series(list(cut), index=indicators.index, dtype="string"),
        evidence_cues=cues,
    )


# Places at or below a county: naming one of these says which subject a figure is about (naming China does not).
LOCAL_LEVELS = ("county", "town", "subdistrict", "zone", "park")


def places_named(evidence: pd.Series, places: pd.DataFrame) -> pd.Series:
    """For each evidence span, the local places it names (name, Chinese name or an alias), once per distinct span."""
    from .rules.provenance import names_in, names_of

    local = places[places["level"].isin(LOCAL_LEVELS)]
    names = {
        p: names_of(n, z, a)
        for p, n, z, a in zip(local["place_id"], local["name"], local["name_zh"], local["aliases"], strict=True)
    }
    return per_distinct(evidence, lambda e: frozenset(p for p, listed in names.items() if names_in(e, listed)))


def claim_text(value: object, upper: object, denominator: object) -> str:
    """A row's number as a person reads it: 108.86, 3 to 5, or 1/3."""
    text = decimal_text(value) or "no value"
    if decimal_text(upper):
        return f"{text} to {decimal_text(upper)}"
    if decimal_text(denominator):
        return f"{text}/{decimal_text(denominator)}"
    return text


def status_cues(evidence: str, lexicon: Lexicon) -> frozenset[str]:
    """The statuses the evidence's words point to: `target`, `estimate`, and `strong` if a strong cue is there."""
    from ..text.numerals import number_spans
    from ..text.quantities import shape_of, squash

    text = lexicon.rewrite(squash(evidence))
    shape = shape_of(text, number_spans(text))
    strong = lexicon.meanings("status", shape)
    weak = lexicon.meanings("status_weak", shape)
    return frozenset(strong | weak | ({"strong"} if strong else set()))


# --- agreement between sources: one pass of groupby, linear in rows ------------------------------------------

SAME_THING = [
    "indicator",
    "place_id",
    "enterprise_id",
    "project_id",
    "period_start",
    "period_end",
    "status",
    "base_unit",
]
MAX_LISTED = 6


def claims(view: pd.DataFrame) -> pd.DataFrame:
    """Each dated row's group (what it measures) and claim (value in the base unit, bounds, qualifier)."""
    dated = view["period_end"].notna()
    text = view[SAME_THING].astype("string").fillna("")
    group = text[SAME_THING[0]]
    for column in SAME_THING[1:]:
        group = group + "|" + text[column]
    amount = view["value_base"].astype("string").fillna(view["value"].astype("string")).fillna("")
    claim = amount + "|" + view["value_upper"].astype("string").fillna("") + "|" + view["qualifier"].fillna("")
    return pd.DataFrame({"group": group.where(dated), "claim": claim, "source": view["source_id"]}, index=view.index)


def listed(frame: pd.DataFrame) -> str:
    """One group's rows as `id (value)`, the first few and how many more."""
    items = [f"{o} ({v})" for o, v in zip(frame["observation_id"], frame["shown"], strict=True)]
    more = len(items) - MAX_LISTED
    return ", ".join(items[:MAX_LISTED]) + (f" and {more} more" if more > 0 else "")


def agreement(view: pd.DataFrame) -> pd.DataFrame:
    """Per row: whether its group holds differing claims, or the same claim from several sources, and who."""
    c = claims(view)
    distinct_claims = c.groupby("group")["claim"].transform("nunique")
    same_claim = c["group"] + "#" + c["claim"]
    sources_agreeing = c.assign(key=same_claim).groupby("key")["source"].transform("nunique")
    # Each figure as its source writes it (value_text), so that 'nearly 100' and 'more than 100' read apart.
    written = (
        pd.Series([decimal_text(v) or "" for v in view["value"]], index=view.index) + " " + view["unit"].fillna("")
    )
    shown = view["value_text"].astype("string").fillna(written) if "value_text" in view else written
    rows = pd.DataFrame({"observation_id": view["observation_id"], "shown": shown, "group": c["group"]})
    rows = rows[c["group"].notna() & (distinct_claims > 1)]
    lists = rows.groupby("group", sort=False)[["observation_id", "shown"]].apply(listed) if len(rows) else None
    conflict = c["group"].map(lists) if lists is not None else pd.Series(pd.NA, index=view.index)
    agreeing = c.assign(key=same_claim)[c["group"].notna() & (sources_agreeing > 1)]
    by_key = (
        agreeing.groupby("key", sort=False)["source"].agg(lambda s: ", ".join(sorted(set(s))))
        if len(agreeing)
        else None
    )
    corroborated = same_claim.map(by_key) if by_key is not None else pd.Series(pd.NA, index=view.index)
    return pd.DataFrame({"conflict_with": conflict, "corroborated_by": corroborated}, index=view.index)
