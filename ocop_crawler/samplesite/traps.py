"""A misbehaving sample outlet, for the crawler's failure tests (not part of the demo).

    >>> from ocop_crawler.samplesite import traps
    >>> with traps.start() as t:
    ...     t.url, t.elsewhere_url   # the outlet and another host it points to
    ...     t.site()                 # a registry ``Site`` for the outlet
    ...     t.requests               # [(host, path, time), ...] served, "trap" or "elsewhere"

The outlet ("Báo Nghệ An (bẫy)", home province Nghệ An) serves, on its own
loopback port, a home page linking every article, a sitemap, and a robots.txt
whose second ``Sitemap:`` line points at the other host. Its article pages:

- 12 district reports written on one template (same sentences, other district
  and figures): separate articles, each with its own facts;
- pages that fail: HTTP 500, 404, 503 with ``Retry-After: 3600``, a reset
  connection, a body cut short of its ``Content-Length``, a page larger than the
  tests' download cap (``BIG_PAGE_BYTES``), a page slower than their timeout
  (``SLOW_SECONDS``);
- a 429 with ``Retry-After: 1`` the first time, the article after that;
- a 302 to the other host, and a 301 to another page of the outlet;
- a utf-8 page labelled ``charset=iso-8859-1``, a windows-1258 page labelled
  ``charset=utf-8``, and a page whose unclosed ``<script>`` swallows most paragraphs.

The other host ("elsewhere") serves a robots.txt, a sitemap and an OCOP article:
a crawler of the outlet must never ask it for anything. Every text here is
written for the project.
"""
from __future__ import annotations

import socket
import struct
import threading
import time
import unicodedata
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler

from .server import Server

SLOW_SECONDS = 6          # the slow page answers after this; the tests' timeout is shorter
BIG_PAGE_BYTES = 300_000  # the oversize page; the tests' DOWNLOAD_MAXSIZE is smaller
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

DISTRICTS = (  # district, products, 4-star products, target of new products
    ("Anh Sơn", 12, 3, 5), ("Con Cuông", 19, 4, 6), ("Diễn Châu", 27, 6, 8),
    ("Đô Lương", 23, 5, 7), ("Hưng Nguyên", 14, 2, 4), ("Kỳ Sơn", 8, 1, 3),
    ("Nam Đàn", 31, 7, 9), ("Nghi Lộc", 17, 3, 5), ("Nghĩa Đàn", 21, 4, 6),
    ("Quế Phong", 9, 1, 2), ("Quỳ Châu", 11, 2, 3), ("Quỳ Hợp", 15, 3, 4),
)
TEMPLATE = (
    "Ngày 15/5, UBND huyện {d} tổ chức hội nghị sơ kết Chương trình Mỗi xã một sản phẩm "
    "(OCOP) 6 tháng đầu năm 2024.",
    "Đến nay, huyện {d} có {n} sản phẩm đạt chuẩn OCOP từ 3 sao trở lên, trong đó có {k} "
    "sản phẩm 4 sao.",
    "Năm 2024, huyện phấn đấu có thêm {t} sản phẩm đạt chuẩn OCOP.",
    "Các sản phẩm OCOP của huyện được giới thiệu, quảng bá tại các hội chợ, triển lãm trong "
    "và ngoài tỉnh, đồng thời được đưa lên các sàn thương mại điện tử để mở rộng thị trường "
    "tiêu thụ.",
    "Hội nghị đề nghị các xã, thị trấn tiếp tục rà soát các sản phẩm có tiềm năng, hỗ trợ chủ "
    "thể hoàn thiện hồ sơ, cải tiến bao bì, nhãn mác và nâng cao chất lượng sản phẩm theo bộ "
    "tiêu chí của chương trình.",
)
# five short provincial stories, one per page that is served after a redirect, a retry or a
# charset trick (each its own text: they must not look like copies of one another)
STORIES = {
    "throttled": (
        "Nghệ An đẩy mạnh tiêu thụ sản phẩm OCOP",
        ("Những tháng đầu năm, Sở Công Thương Nghệ An phối hợp với các siêu thị tổ chức tuần hàng "
         "giới thiệu sản phẩm OCOP của các huyện miền núi.",
         "Đến nay, toàn tỉnh Nghệ An có 612 sản phẩm đạt chuẩn OCOP từ 3 sao trở lên.",
         "Nhiều sản phẩm như nhút Thanh Chương, chè Kim Liên, tương Nam Đàn đã có mặt tại các "
         "chuỗi cửa hàng tiện lợi ở Hà Nội và Thành phố Hồ Chí Minh.")),
    "moved": (
        "Sản phẩm OCOP Nghệ An vào siêu thị",
        ("Ngày 10/5, một hệ thống siêu thị ký kết hợp tác tiêu thụ hàng nông sản với các hợp tác "
         "xã trên địa bàn tỉnh.",
         "Năm 2024, Nghệ An công nhận thêm 45 sản phẩm đạt chuẩn OCOP 3 sao.",
         "Các chủ thể cam kết giữ ổn định chất lượng, bao bì và nguồn hàng quanh năm.")),
    "mislabelled": (
        "Đặc sản Nghệ An đạt chuẩn OCOP",
        ("Hội đồng đánh giá, phân hạng sản phẩm cấp tỉnh vừa họp xét các sản phẩm đợt 1.",
         "Theo kết quả, tỉnh Nghệ An có thêm 38 sản phẩm đạt chuẩn OCOP, trong đó có 6 sản phẩm "
         "4 sao.",
         "Đặc sản cam Vinh, gà đồi Thanh Chương và mật ong Quỳ Hợp được đánh giá cao về chất "
         "lượng.")),
    "cp1258": (
        "Hợp tác xã Nghệ An làm sản phẩm OCOP",
        ("Các hợp tác xã nông nghiệp của tỉnh đang là lực lượng chính tham gia chương trình Mỗi "
         "xã một sản phẩm.",
         "Toàn tỉnh Nghệ An hiện có 250 chủ thể có sản phẩm OCOP.",
         "Liên minh Hợp tác xã tỉnh hỗ trợ các đơn vị đổi mới thiết bị và đào tạo kỹ năng bán "
         "hàng trực tuyến.")),
    "malformed": (
        "Nghệ An đánh giá sản phẩm OCOP đợt 2",
        ("Tháng 9 tới, Hội đồng cấp tỉnh sẽ đánh giá, phân hạng các sản phẩm OCOP đợt 2 năm 2024.",
         "Tỉnh phấn đấu năm 2025 có thêm 60 sản phẩm đạt chuẩn OCOP.",
         "Các huyện miền núi được ưu tiên hỗ trợ phát triển sản phẩm từ dược liệu.",
         "Nhiều hợp tác xã đã đầu tư máy móc, nhà xưởng để nâng cao chất lượng sản phẩm.",
         "Người tiêu dùng ngày càng tin dùng các sản phẩm mang nhãn OCOP của địa phương.",
         "Hội chợ OCOP của tỉnh dự kiến được tổ chức vào cuối năm tại thành phố Vinh.",
         "Các chủ thể được hỗ trợ xây dựng nhãn hiệu, truy xuất nguồn gốc và xúc tiến thương mại.",
         "Sở Nông nghiệp và Môi trường hướng dẫn các địa phương hoàn thiện hồ sơ trước ngày 15/8.",
         "Sản phẩm đạt 4 sao sẽ được đề xuất lên Trung ương đánh giá 5 sao.",
         "Kinh phí hỗ trợ được bố trí từ nguồn ngân sách tỉnh và vốn lồng ghép.")),
    "elsewhere": (
        "Trang khác đăng tin OCOP",
        ("Một trang tin khác đăng lại nhiều tin về chương trình OCOP của các tỉnh miền Trung.",
         "Đến nay, tỉnh Hà Tĩnh có 380 sản phẩm OCOP.",
         "Trang này không thuộc Báo Nghệ An: trình thu thập không được lưu bài của nó.")),
}


@dataclass(frozen=True)
class Page:
    path: str
    title: str
    paragraphs: tuple[str, ...]
    published: str = "2024-05-16T08:00:00+07:00"


def _slug(text: str) -> str:
    s = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return "-".join("".join(c if c.isalnum() else " " for c in s).split())


def template_reports() -> list[Page]:
    """The 12 district reports written on one template."""
    out = []
    for i, (d, n, k, t) in enumerate(DISTRICTS):
        out.append(Page(f"/tin/huyen-{_slug(d)}-co-{n}-san-pham-ocop-{3001 + i}.html",
                        f"Huyện {d} có {n} sản phẩm OCOP",
                        tuple(p.format(d=d, n=n, k=k, t=t) for p in TEMPLATE)))
    return out


def _story_page(path: str, story: str) -> Page:
    title, paragraphs = STORIES[story]
    return Page(path, title, paragraphs)


# the misbehaving pages: path -> what the server does
FAILING = {
    "/tin/loi-may-chu-4001.html": "500",
    "/tin/da-go-bai-4004.html": "404",
    "/tin/bao-tri-4002.html": "503",          # Retry-After: 3600, over any sane cap
    "/tin/ngat-ket-noi-4005.html": "reset",
    "/tin/bi-cat-ngang-4006.html": "truncated",
    "/tin/trang-qua-lon-4007.html": "oversize",
    "/tin/tra-loi-cham-4008.html": "slow",
}
THROTTLED = "/tin/qua-tai-4003.html"              # 429 Retry-After: 1, then the article
OFFSITE_REDIRECT = "/tin/chuyen-sang-trang-khac-4009.html"
ELSEWHERE_ARTICLE = "/tin/bai-tren-trang-khac-9001.html"
INSITE_REDIRECT = "/tin/duong-dan-cu-4010.html"
MOVED_TO = "/tin/duong-dan-moi-4011.html"
MISLABELLED_UTF8 = "/tin/nhan-sai-bang-ma-4012.html"   # utf-8 bytes, "charset=iso-8859-1"
CP1258 = "/tin/bang-ma-windows-1258-4013.html"        # windows-1258 bytes, "charset=utf-8"
MALFORMED = "/tin/html-hong-4014.html"               # an unclosed <script> after 2 paragraphs


def article_pages() -> dict[str, Page]:
    """Every article page the outlet can serve (200), by path."""
    pages = {p.path: p for p in template_reports()}
    for path, story in [(THROTTLED, "throttled"), (MOVED_TO, "moved"),
                        (MISLABELLED_UTF8, "mislabelled"), (CP1258, "cp1258"),
                        (MALFORMED, "malformed")]:
        pages[path] = _story_page(path, story)
    return pages


def linked_paths() -> list[str]:
    """The article URLs the home page and the sitemap list (the redirect target is not)."""
    pages = [p for p in article_pages() if p != MOVED_TO]
    return pages + list(FAILING) + [OFFSITE_REDIRECT, INSITE_REDIRECT]


def render(page: Page, base: str, charset: str = "utf-8", malformed: bool = False) -> str:
    paras = [f"<p>{p}</p>" for p in page.paragraphs]
    if malformed:   # a CMS glitch: a <script> never closed swallows the rest of the body
        paras.insert(2, "<script>var quangCao = {vung: 'giua-bai'};")
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="{charset}">'
            f"<title>{page.title}</title>"
            f'<link rel="canonical" href="{base}{page.path}">'
            f'<meta property="article:published_time" content="{page.published}">'
            f"</head><body><header><a href=\"{base}/\">Báo Nghệ An (bẫy)</a></header>"
            f'<article><h1 class="title">{page.title}</h1>'
            f'<time datetime="{page.published}">16/05/2024 08:00</time>'
            f'<div class="content">{"".join(paras)}</div></article>'
            "<footer>Báo Nghệ An (bẫy) - trang thử nghiệm của ocop-harvester</footer>"
            "</body></html>")


def cp1258_bytes(text: str) -> bytes:
    """Text in windows-1258: base letters precomposed, the five tone marks combining."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", ch)
        base = "".join(c for c in decomposed if c not in TONE_MARKS)
        tones = "".join(c for c in decomposed if c in TONE_MARKS)
        out.append(unicodedata.normalize("NFC", base) + tones)
    return "".join(out).encode("cp1258")


class _QuietServer(Server):
    def handle_error(self, request, client_address):   # resets are on purpose here
        pass


class TrapSites:
    """The misbehaving outlet and the other host, each on a free loopback port."""

    def __init__(self, host: str = "127.0.0.1"):
        self.requests: list[tuple[str, str, float]] = []
        self.hits: dict[str, int] = {}
        self._lock = threading.Lock()
        self._servers = []
        for name in ("trap", "elsewhere"):
            srv = _QuietServer((host, 0), _handler(self, name))
            threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.1},
                             name=f"samplesite-{name}", daemon=True).start()
            self._servers.append(srv)
        self.url, self.elsewhere_url = (
            "http://%s:%s" % srv.server_address[:2] for srv in self._servers)

    def site(self, **changes):
        """The registry entry of the outlet (kind "sample", no CSS overrides)."""
        from dataclasses import replace

        from ocop_crawler.sites import Site
        site = Site(name="sample-traps", title="Báo Nghệ An (bẫy)", base_url=self.url,
                    province="Nghệ An", kind="sample", sitemaps=(self.url + "/sitemap.xml",),
                    article_pattern=r"/tin/[a-z0-9-]+-\d{4}\.html$")
        return replace(site, **changes)

    def served(self, name: str) -> list[str]:
        return [p for n, p, _ in self.requests if n == name]

    def _log(self, name, path) -> int:
        with self._lock:
            self.requests.append((name, path, time.monotonic()))
            self.hits[(name, path)] = self.hits.get((name, path), 0) + 1
            return self.hits[(name, path)]

    def stop(self):
        for srv in self._servers:
            srv.shutdown()
            srv.server_close()
        self._servers = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
        return False


def start(host: str = "127.0.0.1") -> TrapSites:
    return TrapSites(host)


def _handler(sites: TrapSites, name: str):
    class Handler(BaseHTTPRequestHandler):
        server_version = "OcopSampleSite/1.0"
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            path = self.path.split("?")[0]
            n = sites._log(name, path)
            base = "http://" + (self.headers.get("Host") or "%s:%s" % self.server.server_address[:2])
            if name == "elsewhere":
                return self._elsewhere(path, base)
            return self._trap(path, base, n)

        # -- the outlet ----------------------------------------------------------
        def _trap(self, path, base, n):
            pages = article_pages()
            html = "text/html; charset=utf-8"
            if path == "/robots.txt":
                return self._send(200, "text/plain; charset=utf-8",
                                  f"User-agent: *\nDisallow: /private/\nSitemap: {base}/sitemap.xml\n"
                                  f"Sitemap: {sites.elsewhere_url}/sitemap.xml\n")
            if path == "/":
                links = "".join(f'<li><a href="{base}{p}">{p}</a></li>' for p in linked_paths())
                return self._send(200, html, f"<html><body><ul>{links}</ul></body></html>")
            if path == "/sitemap.xml":
                return self._send(200, "application/xml; charset=utf-8", _urlset(base, linked_paths()))
            what = FAILING.get(path)
            if what in ("500", "404"):
                return self._send(int(what), html, f"<html><body><h1>Lỗi {what}</h1></body></html>")
            if what == "503":
                return self._send(503, html, "<html><body>Bảo trì</body></html>",
                                  headers={"Retry-After": "3600"})
            if what == "reset":
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.close_connection = True
                self.connection.close()
                return None
            if what == "truncated":
                body = render(pages[MOVED_TO], base).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", html)
                self.send_header("Content-Length", str(len(body) + 5000))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return None
            if what == "oversize":
                filler = "<p>" + "Sản phẩm OCOP. " * 40 + "</p>"
                page = filler * (BIG_PAGE_BYTES // len(filler.encode("utf-8")) + 1)
                return self._send(200, html, f"<html><body>{page}</body></html>")
            if what == "slow":
                time.sleep(SLOW_SECONDS)
                return self._send(200, html, render(pages[MOVED_TO], base))
            if path == THROTTLED and n == 1:
                return self._send(429, html, "<html><body>Quá nhiều yêu cầu</body></html>",
                                  headers={"Retry-After": "1"})
            if path == OFFSITE_REDIRECT:
                return self._send(302, html, "", headers={"Location": sites.elsewhere_url + ELSEWHERE_ARTICLE})
            if path == INSITE_REDIRECT:
                return self._send(301, html, "", headers={"Location": base + MOVED_TO})
            page = pages.get(path)
            if page is None:
                return self._send(404, html, "<html><body>404</body></html>")
            if path == MISLABELLED_UTF8:
                return self._send(200, "text/html; charset=iso-8859-1",
                                  render(page, base, charset="iso-8859-1").encode("utf-8"))
            if path == CP1258:
                return self._send(200, html, cp1258_bytes(render(page, base, charset="utf-8")))
            return self._send(200, html, render(page, base, malformed=path == MALFORMED))

        # -- the other host --------------------------------------------------------
        def _elsewhere(self, path, base):
            html = "text/html; charset=utf-8"
            if path == "/robots.txt":
                return self._send(200, "text/plain; charset=utf-8", "User-agent: *\nDisallow:\n")
            if path == "/sitemap.xml":
                return self._send(200, "application/xml; charset=utf-8", _urlset(base, [ELSEWHERE_ARTICLE]))
            if path == ELSEWHERE_ARTICLE:
                page = _story_page(ELSEWHERE_ARTICLE, "elsewhere")
                return self._send(200, html, render(page, base))
            return self._send(404, html, "<html><body>404</body></html>")

        def _send(self, status, ctype, body, headers=None):
            data = body if isinstance(body, bytes) else body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):   # the client gave up (size cap)
                self.close_connection = True

        def log_message(self, format, *args):  # noqa: A002 - keep test output quiet
            pass

    return Handler


def _urlset(base: str, paths) -> str:
    urls = "".join(f"<url><loc>{base}{p}</loc><lastmod>2024-05-16</lastmod></url>" for p in paths)
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>')
