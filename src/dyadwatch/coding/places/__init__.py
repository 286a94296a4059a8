"""Event locations: toponyms in the text, their role in the clause, and disambiguation."""
