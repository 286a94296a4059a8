"""A bomb or projectile that went off or was sent at something, with no actor named behind it,
is an attack by the unidentified armed force of the place (coding/events/unattributed.py;
docs/verbs.md, "Acts without a named doer")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    ("text", "code", "target"),
    [
        # the weapon the subject of an intransitive verb, aimed at an actor's building
        ("A truck bomb exploded outside the Somali parliament in Mogadishu.", "1832", "SOM"),
        # "went off" at a place only: the country struck
        ("A bomb went off at a crowded bus station in Kabul on Friday.", "183", "AFG"),
        # a time phrase is no aimed phrase: the place in "in" is struck
        ("A car bomb exploded in Kandahar on Friday.", "1832", "AFG"),
        # an agentless passive of a delivery verb
        ("A car bomb was driven into the gate of an army camp in Kandahar.", "1832", "AFG"),
        # ... split by an adverbial the parser hangs between "was" and the participle
        ("A car bomb was on Sunday rammed into a police compound in Kandahar.", "1832", "AFG"),
        # a projectile fired at a foreign embassy: the embassy's country is the target
        ("Three rockets were fired at the French embassy in Baghdad overnight.", "194", "FRA"),
        # whose building it was, in the aimed phrase's "of": one actor, the Dutch army
        ("A car bomb exploded at the barracks of the Dutch army near Kabul.", "1832", "NLD"),
    ],
)
def test_unattributed_delivered_weapon_is_an_attack(
    asserted: Callable[[str], list[Event]], text: str, code: str, target: str
) -> None:
    found = [e for e in asserted(text) if e.code == code]
    assert found, [(e.source.code, e.code) for e in asserted(text)]
    assert found[0].source.sector == "UAF"
    assert found[0].target is not None and found[0].target.country == target


@pytest.mark.parametrize(
    "text",
    [
        # a named actor fired them: its own act, not an unidentified force's
        "Syrian troops fired rockets at the rebel town of Idlib.",
        # no bomb: a boiler is no weapon
        "A boiler exploded at a hotel in Kabul on Friday.",
        # the group behind the bomb is named in its own phrase
        "A Taliban car bomb exploded outside a police station in Kandahar.",
        # a rocket launched at nothing named is a launch, not an attack
        "A weather rocket was launched from the Kenyan coast on Monday.",
        # where it came from is not what it struck
        "Jordan said a mortar shell was fired at it from Daraa on Monday.",
    ],
)
def test_unattributed_delivered_weapon_needs_no_actor_and_a_weapon(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert not [e for e in asserted(text) if e.source.sector == "UAF"]
