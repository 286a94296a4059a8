"""What one count is, and where it goes: the counting unit (in cluster mode one representative
per cluster) and the groups a counted row belongs to (dyad, directed or not, actor, source,
target, CAMEO root, quad class, five-class view or place). Rows map to integer cluster and
group codes, so counting is ``numpy.bincount``.
"""

from __future__ import annotations

from typing import cast

import numpy as np
import pandas as pd

from dyadwatch.analytics.classes import class_keys
from dyadwatch.analytics.periods import ActorLevel, GroupBy


def cluster_codes(ev: pd.DataFrame) -> np.ndarray:
    """Integer cluster of every row: its ``cluster_id``, or itself when it has none."""
    codes, uniques = pd.factorize(ev["cluster_id"], use_na_sentinel=True)
    alone = codes < 0
    if alone.any():  # a row without a cluster is a cluster of its own
        codes = np.where(alone, len(uniques) + np.arange(len(codes)), codes)
    return np.asarray(codes, dtype=np.int64)


def representatives(
    rows: np.ndarray,
    cluster_codes: np.ndarray,
    rank: np.ndarray,
    days: np.ndarray,
    ids: np.ndarray,
) -> np.ndarray:
    """One row per cluster among ``rows``: the most precisely dated, then the earliest, then
    the smallest id (the store's cluster anchor), whatever order the rows arrive in."""
    if len(rows) == 0:
        return rows
    codes = cluster_codes[rows]
    sizes = np.bincount(codes)[codes]
    crowded = rows[sizes > 1]  # only clusters with several mentions need a choice
    if len(crowded) == 0:
        return rows
    in_order = pd.Index(ids[crowded]).is_monotonic_increasing  # the store sorts by id
    id_rank = crowded if in_order else pd.factorize(ids[crowded].astype(str), sort=True)[0]
    ranked = crowded[np.lexsort((id_rank, days[crowded], rank[crowded], cluster_codes[crowded]))]
    first = np.ones(len(ranked), dtype=bool)
    first[1:] = cluster_codes[ranked][1:] != cluster_codes[ranked][:-1]
    return np.sort(np.concatenate([rows[sizes == 1], ranked[first]]))


def _side_keys(ev: pd.DataFrame, side: str, level: ActorLevel) -> np.ndarray:
    code = ev[f"{side}_code"].astype(object)
    if level == "code":
        return cast(np.ndarray, code.to_numpy())
    country = ev[f"{side}_country"].astype(object)
    return cast(np.ndarray, country.where(country.notna(), code).to_numpy())


def group_rows(
    ev: pd.DataFrame, rows: np.ndarray, by: GroupBy | None, directed: bool, level: ActorLevel
) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """(row, group code) pairs for ``rows`` sorted by row, and the group labels.

    A row may appear twice (``by="actor"``: once per side) or not at all (no value to group on).
    """
    if by is None:
        return rows, np.zeros(len(rows), dtype=np.int64), ("all",)
    if by in ("dyad", "actor", "source", "target"):
        src = _side_keys(ev, "source", level)[rows]
        tgt = _side_keys(ev, "target", level)[rows]
        has_tgt = pd.notna(tgt)
        if by == "source":
            return _factorized(rows, src)
        if by == "target":
            return _factorized(rows[has_tgt], tgt[has_tgt])
        if by == "actor":  # an event counts once for each actor it involves
            second = has_tgt & (tgt != src)
            both_rows = np.concatenate([rows, rows[second]])
            both_keys = np.concatenate([src, tgt[second]])
            order = np.argsort(both_rows, kind="stable")
            return _factorized(both_rows[order], both_keys[order])
        both = has_tgt & pd.notna(src)
        rows, src, tgt = rows[both], src[both], tgt[both]
        # pairs as integers over the sorted actor names: fast, and min/max orders by name
        names = np.array(sorted(set(src) | set(tgt)), dtype=object)
        a = np.searchsorted(names, src)
        b = np.searchsorted(names, tgt)
        if not directed:
            a, b = np.minimum(a, b), np.maximum(a, b)
        codes, uniques = pd.factorize(a * len(names) + b)
        arrow = "->" if directed else "-"
        labels = tuple(f"{names[p // len(names)]}{arrow}{names[p % len(names)]}" for p in uniques)
        return rows, codes.astype(np.int64), labels
    if by == "root":
        keys = ev["root_code"].astype(object).to_numpy()[rows]
    elif by == "class":
        keys = class_keys(ev)[rows]
    elif by == "quad":
        quads = pd.to_numeric(ev["quad_class"], errors="coerce").to_numpy(dtype=float)[rows]
        quad_names = {1.0: "1", 2.0: "2", 3.0: "3", 4.0: "4"}  # anything else has no group
        keys = pd.Series(quads).map(quad_names).to_numpy(dtype=object)
    else:  # place: gazetteer id when known, else the name
        ids = ev["location_id"].astype(object)
        keys = ids.where(ids.notna(), ev["location_name"]).to_numpy()[rows]
    rows, codes, labels = _factorized(rows, keys)
    if by == "place":
        labels = _place_labels(ev, rows, codes, labels)
    return rows, codes, labels


def _factorized(
    rows: np.ndarray, keys: np.ndarray
) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """Group codes of ``keys``; rows whose key is missing are dropped."""
    codes, uniques = pd.factorize(keys, use_na_sentinel=True)
    ok = codes >= 0
    return rows[ok], codes[ok].astype(np.int64), tuple(str(u) for u in uniques)


def _place_labels(
    ev: pd.DataFrame, rows: np.ndarray, codes: np.ndarray, keys: tuple[str, ...]
) -> tuple[str, ...]:
    """Place name for each place key; the id is added when two places share a name."""
    names = ev["location_name"].astype(object).to_numpy()
    _, first = np.unique(codes, return_index=True)  # codes are 0..n-1: one row per place
    labels = [
        name if isinstance(name := names[rows[i]], str) else key
        for i, key in zip(first, keys, strict=True)
    ]
    clashes = {x for x in labels if labels.count(x) > 1}
    return tuple(
        f"{lab} [{key}]" if lab in clashes else lab for lab, key in zip(labels, keys, strict=True)
    )
