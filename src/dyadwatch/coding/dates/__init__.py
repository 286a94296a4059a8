"""Event dates: date expressions, calendar resolution, and which date belongs to which event."""
