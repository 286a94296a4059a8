"""Event extraction: verb and noun patterns over the parse, frames, source and target."""
