"""Cổng thông tin OCOP Việt Nam (ocop.gov.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import FROM_MEMORY, UNVERIFIED

SITE = Site(
    name="ocop",
    title="Cổng thông tin OCOP Việt Nam",
    base_url="https://ocop.gov.vn",
    province=None,
    kind="national",
    sitemaps=("https://ocop.gov.vn/sitemap.xml",),
    search="https://ocop.gov.vn/tim-kiem?q={query}",
    verified=False,
    verified_from=FROM_MEMORY,
    notes='The national OCOP portal; also announced as ocopvietnam.gov.vn. Which of the two addresses serves the portal could not be checked. ' + UNVERIFIED,
)
