"""The production settings with one more page, for `bench/load.py` only.

``/bench/signed-in/`` does the least any page for a signed-in trainee must do:
it reads the session and the user and answers their name. Its throughput is
the ceiling for every such page in the same run, so the report can say how
much of a page's cost is signing the request in, and how much is the page.
"""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.floor_urls"
