"""The shared model every stage reads: the schema (typed records), the project, the page plan,
dates, errors and the messages; it takes nothing from the stages and gives them their vocabulary.
"""
