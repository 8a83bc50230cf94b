"""The commands on top: takes the editor's or CI's command line, runs the stages in order
(`pipeline.py`) and gives the site, a report or a preview; each command is a thin layer.
"""
