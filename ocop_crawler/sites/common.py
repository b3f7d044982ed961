"""Notes shared by many registry entries (kept in one place so they say the same thing)."""

UNVERIFIED = (
    "Entry points are best guesses from the outlet's usual CMS paths; none could be checked fro"
    "m the project's machines. Search results are assumed to page with '&page=N' or a 'next' li"
    'nk. The crawler also discovers feeds and sitemaps itself (robots.txt, <link rel=alternate>'
    ', /rss).'
)

POST_CMS = "Assumed to run the '-post<id>.html' CMS shared by many papers rebuilt in 2022-2024. "

# ``verified_from`` of the entries whose URLs nobody has seen working.
FROM_MEMORY = "written from memory, unverified"

# Where corrected entries got their URLs (see docs/sites.md, "Where the URLs come from").
ISSUE10_CONFIG = ("live-checked config of another public crawler, cited in issue 10 "
                  "(check undated; recorded here 2026-12)")
