"""Stage 2, check: takes what load read, gives a validated `Project` or every problem at once
at its file, line and column (schema, cross-record rules, page safety, links, addresses).
"""
