"""Full-text search, views and summary tables that Datasette serves.

``ensure(db)`` creates what is missing; ``refresh(db)`` rebuilds the summary
tables after a crawl or a re-extraction. (Filled in by the publishing work.)
"""


def ensure(db) -> None:
    pass


def refresh(db) -> None:
    pass
