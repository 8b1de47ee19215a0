"""British English dates and times as the site writes them: 24-hour clock.

Django's own en_GB formats are read for every name not set here.
"""

DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
