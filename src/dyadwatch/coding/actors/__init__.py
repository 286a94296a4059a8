"""Actor recognition: dictionary matching, chaining, country placement, document context."""
