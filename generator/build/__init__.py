"""Stage 4, build: takes the rendered files, gives each language's HTML from MkDocs' strict
build (one warm helper process), with MkDocs' complaints mapped back to the editor's line.
"""
