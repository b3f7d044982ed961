"""Notes shared by many registry entries (kept in one place so they say the same thing)."""

UNVERIFIED = (
    "Entry points are best guesses from the outlet's usual CMS paths; none could be checked fro"
    "m the project's machines. Search results are assumed to page with '&page=N' or a 'next' li"
    'nk. The crawler also discovers feeds and sitemaps itself (robots.txt, <link rel=alternate>'
    ', /rss).'
)

POST_CMS = "Assumed to run the '-post<id>.html' CMS shared by many papers rebuilt in 2022-2024. "
