"""Limits shared by the schema and the command line (a small module: the CLI imports it
before anything heavy).

Years: Kanta's onboarding periods are dated from the 2020s on. A date outside 2000–2100 is
a typing mistake (`9999-12-31`, `2206-01-12`), and it is also where calendars and feeds
stop working (a day after 9999-12-31 does not exist; an HTTP date or a 32-bit timestamp
ends in 2106), so it is refused where it is read instead of failing later in a feed.

Today: a command's default "today" is Helsinki's date (`helsinki_today`), never the machine's.
"""

import datetime as dt
from zoneinfo import ZoneInfo

FIRST_YEAR = 2000
LAST_YEAR = 2100

HELSINKI = ZoneInfo("Europe/Helsinki")


def helsinki_today() -> dt.date:
    """Today's date in Helsinki, whatever the machine's time zone: the guide's dates are
    Helsinki's, and a CI runner on UTC is a day behind from 22:00 (21:00 in summer)."""
    return dt.datetime.now(HELSINKI).date()
