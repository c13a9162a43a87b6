"""A static website of a committee's public record (``sst-desktop publish``, File → Publish website…).

``content`` reads what may be published, ``pages`` writes it as HTML, ``writer`` puts the files on
disk and rewrites only what changed. Nothing exempt is ever read into the site: agendas and minutes
are the public versions the council prints, and exempt items' reports are never copied.
"""
