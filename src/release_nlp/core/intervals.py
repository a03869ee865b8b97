"""Character intervals with overlap queries in O(log n): a release may name one body thousands of times."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator


class Intervals:
    """(start, end) intervals, possibly overlapping, kept sorted by start."""

    def __init__(self, items: Iterable[tuple[int, int]] = ()) -> None:
        self._items: list[tuple[int, int]] = sorted(items)
        self._longest = max((e - s for s, e in self._items), default=0)

    def add(self, start: int, end: int) -> None:
        """Add one interval."""
        insort(self._items, (start, end))
        self._longest = max(self._longest, end - start)

    def remove(self, start: int, end: int) -> None:
        """Remove one interval (which must be there)."""
        i = bisect_left(self._items, (start, end))
        if i == len(self._items) or self._items[i] != (start, end):
            raise KeyError((start, end))
        del self._items[i]

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The intervals that share a character with [start, end)."""
        # An overlapping interval starts before `end` and no longer ago than the longest interval.
        i = bisect_left(self._items, (start - self._longest, -1))
        while i < len(self._items) and self._items[i][0] < end:
            s, e = self._items[i]
            if start < e:
                yield s, e
            i += 1

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(list(self._items))
