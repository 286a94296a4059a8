"""Modality and attribution: whether an event is asserted, and who asserts it."""
