"""Things with a place in the text (``start``, ``end``), kept in order and cheap to change.

A long article can hold 90,000 suggestions. One sorted list made every insertion
shift all of them (60 µs each: a new rule with 64 matches cost 8 ms), so the items
live in buckets of nearby starts, each a short sorted list.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator
from typing import Any

WIDTH = 512  # characters of text per bucket


def _start(item: Any) -> int:
    return item.start


def _order(item: Any) -> tuple:
    return item.start, item.end, getattr(item, "label", "")


class ByPlace:
    def __init__(self, items: Iterable[Any] = ()) -> None:
        self._buckets: dict[int, list[Any]] = {}
        self._size = 0
        self._longest = 0  # the longest item ever added: how far back an overlap can start
        self.add(items)

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[Any]:
        for number in sorted(self._buckets):
            yield from self._buckets[number]

    def __contains__(self, item: Any) -> bool:
        start = getattr(item, "start", None)
        return start is not None and item in self.between(start, start + 1)

    def add(self, items: Iterable[Any]) -> None:
        for item in items:
            insort(self._buckets.setdefault(item.start // WIDTH, []), item, key=_order)
            self._size += 1
            self._longest = max(self._longest, item.end - item.start)

    def remove(self, items: Iterable[Any]) -> None:
        """Take out these items (equal ones); those not held are ignored."""
        for item in items:
            bucket = self._buckets.get(item.start // WIDTH, [])
            index = bisect_left(bucket, _order(item), key=_order)
            while index < len(bucket) and _order(bucket[index]) == _order(item):
                if bucket[index] == item:
                    del bucket[index]
                    self._size -= 1
                    break
                index += 1

    def between(self, first: int, last: int) -> list[Any]:
        """Items starting at ``first`` or later and before ``last``, in order."""
        return [item for bucket, low, high in self._slices(first, last) for item in bucket[low:high]]

    def overlapping(self, first: int, last: int) -> list[Any]:
        """Items sharing at least one character with ``first..last``, in order."""
        return [item for item in self.between(first - self._longest, last) if item.end > first]

    def _slices(self, first: int, last: int) -> Iterator[tuple[list[Any], int, int]]:
        """(bucket, low, high): where the items starting in ``first..last`` lie."""
        for number in range(max(first, 0) // WIDTH, max(last - 1, 0) // WIDTH + 1):
            bucket = self._buckets.get(number)
            if bucket:
                yield (bucket, bisect_left(bucket, first, key=_start),
                       bisect_left(bucket, last, key=_start))
