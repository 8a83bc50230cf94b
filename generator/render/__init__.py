"""Stage 3, render: takes the project and its page plan, gives the Markdown of every page and
one MkDocs config per language, in memory (Jinja2 templates, StrictUndefined).
"""
