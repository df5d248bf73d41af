"""Two clusterings of the same items -> agreement scores: pairwise, MUC, B-cubed, CEAF-e, CoNLL.

Items are any hashable keys; a clustering maps each item to a cluster label.
Items missing from the system clustering count as singletons. Definitions follow
the CoNLL-2012 scorer (Pradhan et al. 2014): MUC by links, B-cubed per item,
CEAF-e with the entity similarity 2|K∩R|/(|K|+|R|) under the best one-to-one
alignment, and CoNLL F1 as the mean of the three F1s.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

Item = Hashable


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def groups(labels: Mapping[Item, Hashable]) -> list[frozenset[Item]]:
    """The clusters of a labelling, as sets of items."""
    by_label: dict[Hashable, set[Item]] = defaultdict(set)
    for item, label in labels.items():
        by_label[label].add(item)
    return [frozenset(members) for members in by_label.values()]


def complete(gold: Mapping[Item, Hashable], system: Mapping[Item, Hashable]) -> dict[Item, object]:
    """The system labelling over exactly the gold items; unlabelled items are singletons."""
    return {item: system.get(item, ("singleton", item)) for item in gold}


def pairwise(
    gold: Mapping[Item, Hashable],
    system: Mapping[Item, Hashable],
    keep: Callable[[Item, Item], bool] | None = None,
) -> PRF:
    """Precision and recall of the item pairs put together; ``keep`` filters the pairs."""
    response = complete(gold, system)

    def pairs(labels: Mapping[Item, object]) -> set[frozenset[Item]]:
        found = set()
        for members in groups(labels):
            for a, b in combinations(sorted(members, key=repr), 2):
                if keep is None or keep(a, b):
                    found.add(frozenset((a, b)))
        return found

    key_pairs, response_pairs = pairs(gold), pairs(response)
    both = len(key_pairs & response_pairs)
    return PRF(_ratio(both, len(response_pairs)), _ratio(both, len(key_pairs)))


def b_cubed(gold: Mapping[Item, Hashable], system: Mapping[Item, Hashable]) -> PRF:
    response = complete(gold, system)
    key_of = {item: members for members in groups(gold) for item in members}
    response_of = {item: members for members in groups(response) for item in members}
    precision = recall = 0.0
    for item in gold:
        overlap = len(key_of[item] & response_of[item])
        precision += overlap / len(response_of[item])
        recall += overlap / len(key_of[item])
    return PRF(_ratio(precision, len(gold)), _ratio(recall, len(gold)))


def muc(gold: Mapping[Item, Hashable], system: Mapping[Item, Hashable]) -> PRF:
    response = complete(gold, system)

    def score(keys: Iterable[frozenset[Item]], labels: Mapping[Item, object]) -> float:
        hit = total = 0
        for members in keys:
            parts = {labels[item] for item in members}
            hit += len(members) - len(parts)
            total += len(members) - 1
        return _ratio(hit, total)

    return PRF(score(groups(response), gold), score(groups(gold), response))


def ceaf_e(gold: Mapping[Item, Hashable], system: Mapping[Item, Hashable]) -> PRF:
    response = complete(gold, system)
    keys, responses = groups(gold), groups(response)
    total = 0.0
    for key_part, response_part in _components(keys, responses):
        weights = [[2 * len(k & r) / (len(k) + len(r)) for r in response_part] for k in key_part]
        total += _best_assignment(weights)
    return PRF(_ratio(total, len(responses)), _ratio(total, len(keys)))


def conll(gold: Mapping[Item, Hashable], system: Mapping[Item, Hashable]) -> float:
    """Mean of MUC, B-cubed and CEAF-e F1."""
    return (muc(gold, system).f1 + b_cubed(gold, system).f1 + ceaf_e(gold, system).f1) / 3


def _components(
    keys: list[frozenset[Item]], responses: list[frozenset[Item]]
) -> list[tuple[list[frozenset[Item]], list[frozenset[Item]]]]:
    """Key and response clusters that share items, split into independent groups."""
    parent = list(range(len(keys) + len(responses)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner = {item: n for n, members in enumerate(keys) for item in members}
    for n, members in enumerate(responses):
        for item in members:
            parent[find(len(keys) + n)] = find(owner[item])
    parts: dict[int, tuple[list[frozenset[Item]], list[frozenset[Item]]]] = defaultdict(
        lambda: ([], [])
    )
    for n, members in enumerate(keys):
        parts[find(n)][0].append(members)
    for n, members in enumerate(responses):
        parts[find(len(keys) + n)][1].append(members)
    return list(parts.values())


def _best_assignment(weights: list[list[float]]) -> float:
    """Largest total weight of a one-to-one matching of rows to columns (Hungarian method)."""
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if not rows or not cols:
        return 0.0
    size = max(rows, cols)
    cost = [
        [-(weights[i][j]) if i < rows and j < cols else 0.0 for j in range(size)]
        for i in range(size)
    ]
    inf = float("inf")
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    match = [0] * (size + 1)
    way = [0] * (size + 1)
    for i in range(1, size + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, size + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(size + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return sum(
        weights[match[j] - 1][j - 1]
        for j in range(1, size + 1)
        if match[j] and match[j] - 1 < rows and j - 1 < cols
    )
