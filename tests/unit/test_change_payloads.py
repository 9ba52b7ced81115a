"""Changes as NOTIFY payloads: round trip, the size limit, and what is not one."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dentasync_desktop.services.changes import (
    Change,
    ChangeBus,
    ChangeKind,
    decode,
    encode,
    relay_from_others,
)

changes = st.builds(
    Change, st.sampled_from(ChangeKind),
    st.lists(st.integers(1, 2**62), max_size=300).map(tuple),
    st.none() | st.integers(1, 2**62), st.none() | st.integers(1, 2**62))


@given(st.lists(changes, max_size=30), st.integers(400, 8000))
def test_payloads_fit_the_limit_and_carry_every_id(batch: list[Change], limit: int) -> None:
    payloads = encode("pc1", batch, limit)
    decoded = [decode(payload) for payload in payloads]

    assert all(len(payload.encode()) <= limit for payload in payloads)
    assert {origin for origin, _ in decoded} <= {"pc1"}
    heard = [change for _, part in decoded for change in part]
    for change in dict.fromkeys(batch):
        parts = [c for c in heard if (c.kind, c.order_id, c.actor_id)
                 == (change.kind, change.order_id, change.actor_id)]
        assert set(change.ids) <= {i for c in parts for i in c.ids}
    if len(payloads) == 1:  # what fits is sent as it was
        assert decoded[0][1] == tuple(dict.fromkeys(batch))


@pytest.mark.parametrize("payload", [
    "", "[]", "{}", '{"origin": "x"}', '{"origin": "x", "changes": [["planet", [], null, null]]}',
    '{"origin": "x", "changes": [["order", ["a"], null, null]]}', '{"origin": "x", "changes": 5}',
])
def test_what_is_not_a_change_notification_is_refused(payload: str) -> None:
    with pytest.raises(ValueError, match="not a change notification"):
        decode(payload)


def test_the_relay_publishes_others_changes_and_skips_its_own() -> None:
    bus = ChangeBus()
    heard: list[tuple[Change, ...]] = []
    bus.subscribe(heard.append)
    receive = relay_from_others(bus)
    theirs = Change(ChangeKind.PAYMENT, (4,), 2, 1)

    receive(encode(bus.origin, [Change(ChangeKind.ORDER, (2,), 2, 1)], 8000)[0])
    receive(encode("another PC", [theirs], 8000)[0])
    receive(json.dumps({"origin": "newer", "changes": [["hologram", [], None, None]]}))

    assert heard == [(theirs,)]
