"""Stage 1, load: takes the data files and the hand-written pages from disk, gives their
contents as plain values with the line and column of every node; nothing is judged yet.
"""
