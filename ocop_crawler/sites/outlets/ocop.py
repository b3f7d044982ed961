"""Cổng thông tin OCOP Việt Nam (ocop.gov.vn): national outlet with OCOP coverage.
"""
from ocop_crawler.sites import Site
from ocop_crawler.sites.common import UNVERIFIED

SITE = Site(
    name="ocop",
    title="Cổng thông tin OCOP Việt Nam",
    base_url="https://ocop.gov.vn",
    province=None,
    kind="national",
    sitemaps=("https://ocop.gov.vn/sitemap.xml",),
    search="https://ocop.gov.vn/tim-kiem?q={query}",
    verified=False,
    notes='The national OCOP portal; also announced as ocopvietnam.gov.vn. Which of the two addresses serves the portal could not be checked. ' + UNVERIFIED,
)
