"""HTML, RSS and sitemap rendering of the sample outlets, one layout per newspaper.

Layouts (see docs/samplesite.md for the markup a crawler sees):

* ``A`` Báo Hà Tĩnh (mẫu): div soup, date "Thứ Hai, 12/02/2024 - 08:15", ``p.author``,
  a "Đọc thêm" box in the middle of the body: needs CSS overrides.
* ``B`` Báo Thanh Hóa (mẫu): HTML5 ``<article>``, "12/02/2024 08:15 (GMT+7)", "Theo ..." at the end.
* ``C`` Báo Lào Cai (mẫu): tables, "08:15 | 12/02/2024", the newest item "2 giờ trước".
* ``D`` Nông thôn mới (mẫu): a layout without overrides; standard meta tags on some pages only.
* ``E`` Tin tổng hợp (mẫu): an aggregator republishing provincial stories.

Every absolute URL is built from ``base`` (scheme + the Host the request came in on).
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape

from .model import CATEGORY_NAMES

VN = timezone(timedelta(hours=7))
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
TRACKING = ["?utm_source=fb&utm_medium=social", "?fbclid=IwAR0sAmPle_OcOp123", "?utm_source=zalo&utm_campaign=ocop"]

FOOTERS = {
    "A": ("Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam tỉnh Hà Tĩnh (bản mẫu)",
          "Địa chỉ: 20 Phan Đình Phùng, TP Hà Tĩnh. Điện thoại: 0239.3855.123 - Fax: 0239.3855.124",
          "Giấy phép số 123/GP-BTTTT ngày 12/5/2021 của Bộ Thông tin và Truyền thông"),
    "B": ("Báo Thanh Hóa (mẫu) - Cơ quan của Tỉnh ủy Thanh Hóa",
          "Địa chỉ: 248 Trần Phú, TP Thanh Hóa. Đường dây nóng: 0237.3852.456",
          "Giấy phép hoạt động báo điện tử số 456/GP-BTTTT cấp ngày 28/9/2022"),
    "C": ("BÁO LÀO CAI (MẪU) - CƠ QUAN CỦA ĐẢNG BỘ TỈNH LÀO CAI",
          "Trụ sở: 279 Hoàng Liên, TP Lào Cai - ĐT: 0214.3840.789",
          "Giấy phép số 78/GP-BTTTT ngày 02/3/2020. Ghi rõ nguồn khi phát hành lại thông tin."),
    "D": ("Cổng thông tin Nông thôn mới (mẫu) - Văn phòng Điều phối nông thôn mới Trung ương",
          "Số 2 Ngọc Hà, Ba Đình, Hà Nội. Điện thoại: 024.3846.8160",
          "Giấy phép số 310/GP-TTĐT ngày 15/11/2019"),
    "E": ("Tin tổng hợp (mẫu) - Trang tin điện tử tổng hợp",
          "Tầng 5, số 18 Nguyễn Chí Thanh, Hà Nội. Hotline: 0912.345.678",
          "Giấy phép số 999/GP-TTĐT do Sở TT&TT Hà Nội cấp ngày 01/8/2023"),
}


def e(s):
    return escape(s or "", quote=True)


def fmt_date(layout, dt: datetime, relative=False):
    if relative:
        return "2 giờ trước"
    if layout == "A":
        return f"{WEEKDAYS[dt.weekday()]}, {dt:%d/%m/%Y - %H:%M}"
    if layout == "B":
        return f"{dt:%d/%m/%Y %H:%M} (GMT+7)"
    if layout == "C":
        return f"{dt:%H:%M | %d/%m/%Y}"
    if layout == "D":
        return f"Cập nhật lúc {dt:%H:%M} ngày {dt:%d/%m/%Y}"
    return f"{dt:%d-%m-%Y %H:%M}"


def iso(dt):
    return dt.replace(tzinfo=VN).isoformat()


def rfc822(dt):
    return format_datetime(dt.replace(tzinfo=VN))


class Ctx:
    """What a page needs: the outlet, the request's base URL, the server's clock."""

    def __init__(self, outlet, base, now, articles):
        self.outlet, self.base, self.now, self.articles = outlet, base.rstrip("/"), now, articles

    def url(self, path):
        return self.base + path

    def date(self, a):
        return fmt_date(self.outlet.layout, a.when(self.now), relative=a.published is None)


def menu(ctx):
    o = ctx.outlet
    items = "".join(f'<li><a href="{ctx.url("/chuyen-muc/" + c)}">{e(CATEGORY_NAMES[c])}</a></li>'
                    for c in o.categories)
    return (f'<ul class="main-menu"><li><a href="{ctx.url("/")}">Trang chủ</a></li>{items}'
            f'<li><a href="{ctx.url("/tim-kiem?q=OCOP")}">Tìm kiếm</a></li></ul>')


def head(ctx, title, *, canonical=None, extra=""):
    feed = ctx.outlet.feed_path
    link = f'<link rel="canonical" href="{e(canonical)}">' if canonical else ""
    return (f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{e(title)}</title>{link}'
            f'<link rel="alternate" type="application/rss+xml" title="{e(ctx.outlet.title)}" href="{feed}">'
            f'{extra}<link rel="stylesheet" href="/static/site.css"></head>')


def footer(ctx):
    lines = FOOTERS[ctx.outlet.layout]
    ps = "".join(f"<p>{e(x)}</p>" for x in lines)
    return (f'<div class="footer" id="footer">{ps}<p>Theo dõi chúng tôi: '
            f'<a href="https://facebook.com/sample">Facebook</a> | <a href="https://zalo.me/sample">Zalo</a></p>'
            f'<p>© {ctx.now.year} {e(ctx.outlet.title)}. Ghi rõ nguồn khi phát hành lại.</p></div>')


def teaser_list(ctx, heading, arts, cls):
    if not arts:
        return ""
    lis = "".join(
        f'<li><a href="{ctx.url(a.path)}">{e(a.title)}</a><p class="teaser">{e(a.sapo)}</p></li>'
        for a in arts)
    return f'<div class="{cls}"><h3>{e(heading)}</h3><ul>{lis}</ul></div>'


def related(ctx, art):
    """(older related articles, newer articles) of the same outlet."""
    pool = [a for a in ctx.articles if a.site == art.site and not a.private and a is not art]
    pool.sort(key=lambda a: a.when(ctx.now), reverse=True)
    newer = [a for a in pool if a.when(ctx.now) > art.when(ctx.now)][-3:]
    same = [a for a in pool if a.cat == art.cat and a not in newer and a.when(ctx.now) <= art.when(ctx.now)][:3]
    return same, newer


def share():
    return ('<div class="share"><a href="#" class="fb">Chia sẻ Facebook</a> '
            '<a href="#" class="zalo">Zalo</a> <a href="#" class="print">In bài</a> '
            '<span class="likes">12 lượt thích</span></div>')


def tags_html(ctx, art):
    if not art.tags:
        return ""
    return '<div class="tags">Từ khóa: ' + ", ".join(
        f'<a href="{ctx.url("/tim-kiem?q=" + t.replace(" ", "+"))}">{e(t)}</a>' for t in art.tags) + "</div>"


# --------------------------------------------------------------------- articles
def article_page(ctx, art, amp=False):
    layout = ctx.outlet.layout
    canonical = ctx.url(art.path)
    extra = ""
    if art.amp and not amp:
        extra += f'<link rel="amphtml" href="{ctx.url(art.amp_path)}">'
    if layout != "D" or art.id % 2 == 0:
        extra += (f'<meta property="og:title" content="{e(art.title)}">'
                  f'<meta property="og:description" content="{e(art.sapo)}">'
                  f'<meta property="og:url" content="{canonical}">')
    if layout in ("D", "E") and art.id % 2 == 0 and art.published:
        extra += (f'<meta property="article:published_time" content="{iso(art.when(ctx.now))}">'
                  f'<meta name="author" content="{e(art.author)}">')
    page_title = f"{art.title} | {ctx.outlet.title}"
    same, newer = related(ctx, art)
    if amp:
        return amp_page(ctx, art, canonical)
    body = {"A": article_a, "B": article_b, "C": article_c, "D": article_d, "E": article_e}[layout]
    return head(ctx, page_title, canonical=canonical, extra=extra) + body(ctx, art, same, newer) + "</html>"


def paras(art, cls=""):
    c = f' class="{cls}"' if cls else ""
    return "".join(f"<p{c}>{e(p)}</p>" for p in art.body)


def breadcrumbs(ctx, art, sep=" › "):
    return (f'<div class="breadcrumb"><a href="{ctx.url("/")}">Trang chủ</a>{sep}'
            f'<a href="{ctx.url("/chuyen-muc/" + art.cat)}">{e(CATEGORY_NAMES.get(art.cat, art.cat))}</a></div>')


def article_a(ctx, art, same, newer):
    body = list(art.body)
    inline = ""
    if same:
        r = same[0]
        inline = (f'<div class="box-doc-them"><strong>Đọc thêm:</strong> '
                  f'<a href="{ctx.url(r.path)}">{e(r.title)}</a></div>')
    ps = [f"<p>{e(p)}</p>" for p in body]
    if len(ps) > 2:
        ps.insert(2, inline)
    else:
        ps.append(inline)
    return (f'<body><div id="wrapper"><div class="header"><div class="logo"><a href="{ctx.url("/")}">'
            f'{e(ctx.outlet.title)}</a></div>{menu(ctx)}</div>'
            f'<div class="container"><div class="col-main">{breadcrumbs(ctx, art)}'
            f'<div class="detail-title"><h1>{e(art.title)}</h1></div>'
            f'<div class="detail-time">{e(ctx.date(art))}</div>{share()}'
            f'<div class="detail-sapo">{e(art.sapo)}</div>'
            f'<div id="main-detail-content" class="detail-content">'
            f'<div class="img-box"><img src="/static/anh-{art.id}.jpg" alt=""><div class="caption">Ảnh minh họa</div></div>'
            f'{"".join(ps)}</div>'
            f'<p class="author">{e(art.author)}</p>{tags_html(ctx, art)}'
            f'{teaser_list(ctx, "Tin liên quan", same, "tin-lien-quan")}'
            f'{teaser_list(ctx, "Những tin mới hơn", newer, "tin-moi-hon")}</div>'
            f'<div class="col-right">{teaser_list(ctx, "Đọc nhiều", newer[:2], "doc-nhieu")}</div></div>'
            f'{footer(ctx)}</div></body>')


def article_b(ctx, art, same, newer):
    return (f'<body><header class="site-header"><a class="brand" href="{ctx.url("/")}">{e(ctx.outlet.title)}</a>'
            f'<nav>{menu(ctx)}</nav></header><main class="layout">'
            f'<article class="article-detail">{breadcrumbs(ctx, art, " / ")}'
            f'<h1 class="article-title">{e(art.title)}</h1>'
            f'<div class="article-meta"><time class="article-date">{e(ctx.date(art))}</time>{share()}</div>'
            f'<h2 class="article-sapo">{e(art.sapo)}</h2>'
            f'<div class="article-body">{paras(art)}'
            f'<p class="byline" style="text-align:right"><strong>Theo {e(art.author)}</strong></p></div>'
            f'{tags_html(ctx, art)}</article>'
            f'<section class="related">{teaser_list(ctx, "Bài liên quan", same, "bai-lien-quan")}</section>'
            f'<aside>{teaser_list(ctx, "Những tin mới hơn", newer, "tin-moi-hon")}</aside></main>'
            f'<footer>{footer(ctx)}</footer></body>')


def article_c(ctx, art, same, newer):
    rows = "".join(f'<tr><td class="content-text">{e(p)}</td></tr>' for p in art.body)
    return (f'<body bgcolor="#ffffff"><table width="980" align="center" class="main"><tr><td colspan="2">'
            f'<table class="top"><tr><td><a href="{ctx.url("/")}"><b>{e(ctx.outlet.title)}</b></a></td></tr>'
            f'<tr><td>{menu(ctx)}</td></tr></table></td></tr>'
            f'<tr><td width="680" valign="top"><table class="news-detail">'
            f'<tr><td>{breadcrumbs(ctx, art, " &gt;&gt; ")}</td></tr>'
            f'<tr><td class="news-title"><font size="5"><b>{e(art.title)}</b></font></td></tr>'
            f'<tr><td class="news-date"><font color="#888">{e(ctx.date(art))}</font></td></tr>'
            f'<tr><td class="news-summary"><b>{e(art.sapo)}</b></td></tr>{rows}'
            f'<tr><td class="news-author" align="right"><b>{e(art.author)}</b></td></tr>'
            f'<tr><td>{tags_html(ctx, art)}{share()}</td></tr></table>'
            f'<table class="other-news"><tr><td>{teaser_list(ctx, "Các tin khác", same, "tin-khac")}</td></tr></table>'
            f'</td><td width="300" valign="top">{teaser_list(ctx, "Tin mới", newer, "tin-moi")}</td></tr>'
            f'<tr><td colspan="2">{footer(ctx)}</td></tr></table></body>')


def article_d(ctx, art, same, newer):
    dt = art.when(ctx.now)
    return (f'<body><div class="topbar">{e(ctx.outlet.title)} | Chương trình mục tiêu quốc gia xây dựng nông thôn mới</div>'
            f'<div class="nav">{menu(ctx)}</div><main><div class="post">{breadcrumbs(ctx, art)}'
            f'<h1 class="post-title">{e(art.title)}</h1>'
            f'<div class="post-info"><span class="by">{e(art.author)}</span> - '
            f'<time datetime="{iso(dt)}">{e(ctx.date(art))}</time></div>'
            f'<div class="post-lead"><strong>{e(art.sapo)}</strong></div>'
            f'<div class="post-content">{paras(art)}</div>{tags_html(ctx, art)}{share()}</div>'
            f'<div class="box-news">{teaser_list(ctx, "Tin liên quan", same, "lien-quan")}'
            f'{teaser_list(ctx, "Tin mới cập nhật", newer, "moi-cap-nhat")}</div></main>'
            f'{footer(ctx)}</body>')


def article_e(ctx, art, same, newer):
    src = f'<p class="source"><em>{e(art.source_line)}</em></p>' if art.source_line else ""
    return (f'<body><div class="hdr"><a href="{ctx.url("/")}">{e(ctx.outlet.title)}</a>{menu(ctx)}</div>'
            f'<div class="wrap"><div class="entry"><h1 class="entry-title">{e(art.title)}</h1>'
            f'<div class="entry-meta">Đăng lúc {e(ctx.date(art))} | {e(art.author)}</div>'
            f'<div class="entry-content"><p><b>{e(art.sapo)}</b></p>{paras(art)}{src}</div>'
            f'<div class="ads">Quảng cáo: Mua sắm đặc sản vùng miền giảm giá 30% - gọi 1900.1234</div></div>'
            f'<div class="sidebar">{teaser_list(ctx, "Xem thêm", same + newer, "xem-them")}</div></div>'
            f'{footer(ctx)}</body>')


def amp_page(ctx, art, canonical):
    return (f'<!DOCTYPE html>\n<html amp lang="vi"><head><meta charset="utf-8">'
            f'<title>{e(art.title)}</title><link rel="canonical" href="{e(canonical)}">'
            f'<meta name="viewport" content="width=device-width"><style amp-boilerplate>body{{visibility:hidden}}</style>'
            f'<script async src="https://cdn.ampproject.org/v0.js"></script></head>'
            f'<body><header><a href="{ctx.url("/")}">{e(ctx.outlet.title)}</a></header>'
            f'<article><h1>{e(art.title)}</h1><div class="date">{e(ctx.date(art))}</div>'
            f'<p class="sapo"><b>{e(art.sapo)}</b></p>{paras(art)}<p class="author">{e(art.author)}</p></article>'
            f'{footer(ctx)}</body></html>')


# --------------------------------------------------------------------- listings
def item_html(ctx, a, tracking=""):
    return (f'<div class="news-item"><h3 class="item-title"><a href="{ctx.url(a.path)}{tracking}">{e(a.title)}</a></h3>'
            f'<span class="item-date">{e(ctx.date(a))}</span><p class="item-teaser">{e(a.sapo)}</p></div>')


def listing_page(ctx, heading, items, page, pages, path_for):
    prev_link = next_link = ""
    nav = []
    if page > 1:
        prev_link = f'<link rel="prev" href="{ctx.url(path_for(page - 1))}">'
        nav.append(f'<a rel="prev" class="prev" href="{ctx.url(path_for(page - 1))}">Trang trước</a>')
    for n in range(1, pages + 1):
        nav.append(f'<span class="current">{n}</span>' if n == page else f'<a href="{ctx.url(path_for(n))}">{n}</a>')
    if page < pages:
        next_link = f'<link rel="next" href="{ctx.url(path_for(page + 1))}">'
        nav.append(f'<a rel="next" class="next" href="{ctx.url(path_for(page + 1))}">Trang sau</a>')
    body = "".join(item_html(ctx, a) for a in items) or '<p class="empty">Không tìm thấy bài viết nào.</p>'
    title = f"{heading} - Trang {page} | {ctx.outlet.title}"
    return (head(ctx, title, canonical=ctx.url(path_for(page)), extra=prev_link + next_link)
            + f'<body><div class="header"><a href="{ctx.url("/")}">{e(ctx.outlet.title)}</a>{menu(ctx)}</div>'
            f'<div class="listing"><h1>{e(heading)}</h1>{body}</div>'
            f'<div class="pagination">{"".join(nav)}</div>{footer(ctx)}</body></html>')


def home_page(ctx, latest, amp_arts, private_arts):
    o = ctx.outlet
    items = "".join(item_html(ctx, a, TRACKING[(i // 3) % len(TRACKING)] if i % 3 == 1 else "")
                    for i, a in enumerate(latest))
    amp = "".join(f'<li><a href="{ctx.url(a.amp_path)}">{e(a.title)} (bản AMP)</a></li>' for a in amp_arts)
    priv = "".join(f'<li><a href="{ctx.url(a.path)}">Bản thảo: {e(a.title)}</a></li>' for a in private_arts)
    return (head(ctx, o.title, canonical=ctx.url("/"))
            + f'<body><div class="header"><h1 class="logo">{e(o.title)}</h1>{menu(ctx)}</div>'
            f'<div class="home"><h2>Tin mới nhất</h2>{items}</div>'
            f'<div class="mobile"><h2>Đọc nhanh</h2><ul>{amp}</ul></div>'
            f'<div class="internal"><ul>{priv}<li><a href="{ctx.url("/private/")}">Khu vực nội bộ</a></li></ul></div>'
            f'{footer(ctx)}</body></html>')


def private_index(ctx, arts):
    lis = "".join(f'<li><a href="{ctx.url(a.path)}">{e(a.title)}</a></li>' for a in arts)
    return head(ctx, "Khu vực nội bộ") + f"<body><h1>Khu vực nội bộ - không công bố</h1><ul>{lis}</ul></body></html>"


# --------------------------------------------------------------------- feeds
def rss(ctx, arts):
    items = "".join(
        f"<item><title>{e(a.title)}</title><link>{ctx.url(a.path)}</link>"
        f'<guid isPermaLink="true">{ctx.url(a.path)}</guid>'
        f"<pubDate>{rfc822(a.when(ctx.now))}</pubDate><description>{e(a.sapo)}</description></item>"
        for a in arts)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>{e(ctx.outlet.title)}</title><link>{ctx.url('/')}</link>"
            f"<description>Tin mới nhất - {e(ctx.outlet.title)}</description><language>vi</language>"
            f"{items}</channel></rss>")


def urlset(ctx, arts):
    urls = "".join(f"<url><loc>{ctx.url(a.path)}</loc><lastmod>{iso(a.when(ctx.now))}</lastmod></url>"
                   for a in arts)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>')


def sitemap_index(ctx, lastmod):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f'<sitemap><loc>{ctx.url("/sitemap-articles.xml")}</loc><lastmod>{iso(lastmod)}</lastmod></sitemap>'
            '</sitemapindex>')


def robots(ctx):
    return f"User-agent: *\nDisallow: /private/\n\nSitemap: {ctx.url('/sitemap.xml')}\n"
