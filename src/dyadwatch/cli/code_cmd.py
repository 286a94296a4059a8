"""`dyadwatch code`: code documents and print events (no database)."""
