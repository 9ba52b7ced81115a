"""Qt Widgets front end. Talks only to services; never to the database."""
