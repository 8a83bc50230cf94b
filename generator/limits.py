"""Limits shared by the schema and the command line (a small module: the CLI imports it
before anything heavy).

Years: Kanta's onboarding periods are dated from the 2020s on. A date outside 2000–2100 is
a typing mistake (`9999-12-31`, `2206-01-12`), and it is also where calendars and feeds
stop working (a day after 9999-12-31 does not exist; an HTTP date or a 32-bit timestamp
ends in 2106), so it is refused where it is read instead of failing later in a feed.
"""

FIRST_YEAR = 2000
LAST_YEAR = 2100
