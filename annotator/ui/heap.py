"""What the window has loaded is set aside from Python's cycle collector.

A long article with its suggestion index holds ~190,000 tracked objects; a full
collection walked them all in 110-135 ms, and one could start inside any keystroke
or scroll (a 150 ms stall). Freezing after each big load (a document opened, the
index built) leaves the collector only the young objects. Frozen objects are still
freed by reference counting when dropped; only reference cycles among them would
outlive their use, and the window's data does not form such cycles.
"""

from __future__ import annotations

import gc


def settle_loaded_data() -> None:
    gc.collect(1)  # the young garbage first (cheap): it would never be collected once frozen
    gc.freeze()
