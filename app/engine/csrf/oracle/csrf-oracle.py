# Records what real Django 5.2.19 does for the CSRF cases csrf-oracle.test.ts replays.
#   cd /work/shared/conformance && ./django5.sh -c "$(cat /work/main/app/engine/csrf/oracle/csrf-oracle.py)" \
#     > /work/main/app/engine/csrf/oracle/csrf-oracle.json
import itertools
import json
import logging
import random
from urllib.parse import urlsplit

from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="csrf-oracle",
    ALLOWED_HOSTS=["testserver", "example.com"],
    CSRF_TRUSTED_ORIGINS=["https://*.example.org", "http://trusted.com", "https://exact.net"],
    USE_I18N=False,
    TEMPLATES=[],
)
import django  # noqa: E402

django.setup()

from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.middleware.csrf import CsrfViewMiddleware  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils.http import is_same_domain  # noqa: E402
from django.views.csrf import csrf_failure  # noqa: E402

SECRET = "lcccccccX2kcccccccY2jcccccccssIC"
MASKED1 = "1bcdefghij2bcdefghij3bcdefghij4bcdefghij5bcdefghij6bcdefghijABCD"
MASKED2 = "2JgchWvM1tpxT2lfz9aydoXW9yT1DN3NdLiejYxOOlzzV4nhBbYqmqZYbAV3V5Bf"

messages = []


class Capture(logging.Handler):
    def emit(self, record):
        messages.append(record.getMessage())


log = logging.getLogger("django.security.csrf")
log.addHandler(Capture())
log.propagate = False
log.setLevel(logging.DEBUG)


class Req(HttpRequest):
    secure = False

    def is_secure(self):
        return self.secure


def view(request):
    return HttpResponse("ok")


rng = random.Random(20251114)
axes = {
    "method": ["GET", "POST", "POST", "PUT", "DELETE", "OPTIONS"],
    "secure": [False, True],
    "cookie": [None, SECRET, SECRET, MASKED1, MASKED1, "", "bad", "*" * 32, "é" * 32],
    "post": [None, "", MASKED2, SECRET, "a" * 64, "short", "ä" * 64],
    "header": [None, MASKED2, SECRET, "x" * 10, "b" * 32],
    "origin": [None] * 12 + ["http://testserver", "https://testserver", "null", "", "https://[", "http://evil.com",
               "https://sub.example.org", "http://sub.example.org", "http://trusted.com", "https://exact.net",
               "https://testserver:443"],
    "referer": [None, None, "https://testserver/x", "http://testserver/", "https://evil.com/a;", "https://[foo]/",
                "//x", "https://ex\uff0fample.com/", "ØBöIß", "https://a.example.org/", "https://testserver",
                "https://evil.com/p?q=1#f", "https://[::1]/", "https://", "https://testserver.evil.com/"],
    "host": ["testserver", "testserver", "example.com", "@bad", "evil.com"],
    "settings": [{}, {}, {"CSRF_COOKIE_DOMAIN": ".testserver"}, {"CSRF_HEADER_NAME": "HTTP_X_TOKEN"}],
    "port": ["80", "443", "8443"],
    "path": ["/p/", "/ü\n/"],
}
cases = []
for _ in range(800):
    case = {k: rng.choice(v) for k, v in axes.items()}
    req = Req()
    req.secure = case["secure"]
    req.method = case["method"]
    req.path = case["path"]
    req.META["HTTP_HOST"] = case["host"]
    req.META["SERVER_PORT"] = case["port"]
    if case["cookie"] is not None:
        req.COOKIES["csrftoken"] = case["cookie"]
    if case["post"] is not None:
        req.POST["csrfmiddlewaretoken"] = case["post"]
    if case["header"] is not None:
        req.META[case["settings"].get("CSRF_HEADER_NAME", "HTTP_X_CSRFTOKEN")] = case["header"]
    if case["origin"] is not None:
        req.META["HTTP_ORIGIN"] = case["origin"]
    if case["referer"] is not None:
        req.META["HTTP_REFERER"] = case["referer"]
    messages.clear()
    with override_settings(**case["settings"]):
        mw = CsrfViewMiddleware(view)
        mw.process_request(req)
        resp = mw.process_view(req, view, (), {})
        final = mw.process_response(req, resp or HttpResponse("ok"))
    case["status"] = final.status_code
    case["logs"] = list(messages)
    case["cookie_sent"] = "csrftoken" in final.cookies
    cases.append(case)

pages = []
for debug, reason in itertools.product([False], ["", "CSRF cookie not set.", "Referer checking failed - no Referer.",
                                                 "CSRF token missing.", "<b>&'\"</b>"]):
    with override_settings(DEBUG=debug):
        resp = csrf_failure(HttpRequest(), reason=reason)
    pages.append({"debug": debug, "reason": reason, "status": resp.status_code,
                  "content_type": resp["Content-Type"], "body": resp.content.decode()})

urls = []
for url in ["https://[", "https://[foo]/", "https://[::1]/", "https://[1.2.3.4]/", "https://[v1.x]/", "https://[vz.x]/",
            "https://[::1]x/", "https://a]b/", "https://ex\uff0fample.com/", "https://ｅｘａｍｐｌｅ.com/",
            "https://[::1%eth0]/", "https://[::1%]/", "https://[::ffff:1.2.3.4]/", "https://[1:2:3:4:5:6:7:8:9]/",
            "https://[1:2:3:4:5:6:7:8]/", "https://[1::2::3]/", "https://[:1:2]/", "https://[1:2:]/", "https://[::]/",
            "https://[12345::]/", "https://[01.2.3.4]/", "https://u[@[::1]/", "https://x@[::1]:80/", "https://a[b]@c/",
            "https://h/a;", "https://h/a;b", "https://h/a;b;", "https://h/x;y/z;", "https://h/?", "https://h/#",
            "HTTPS://H/P", "https://h:99999/", "  https://h/\t", "http://http://x/", "https://\u2100/"]:
    try:
        p = urlsplit(url)
        urls.append({"url": url, "scheme": p.scheme, "netloc": p.netloc, "geturl": p.geturl()})
    except ValueError as e:
        urls.append({"url": url, "error": str(e)})

domains = []
for host, pattern in [("example.com", ".example.com"), ("foo.example.com", ".example.com"),
                      ("example.com", "example.com"), ("EXAMPLE.com", "example.com"), ("example.com", "EXAMPLE.com"),
                      ("fooexample.com", ".example.com"), ("example.com", ""), ("example.com:8000", ".example.com:8000"),
                      ("foo.example.com:8000", ".example.com:8000"), ("foo.example.com:8080", ".example.com:8000"),
                      ("example.com", "."), ("", "."), ("a.b", ".B")]:
    domains.append({"host": host, "pattern": pattern, "result": is_same_domain(host, pattern)})

escapes = [{"text": t, "escaped": t.encode("unicode_escape").decode("ascii")}
           for t in ["/p/", "a\\b", "tab\there", "nl\n\r", "\x00\x1f\x7f", "é\xff", "☃", "😀", "'\""]]

# One record a line, so a diff shows which case changed.
sections = {"cases": cases, "pages": pages, "urls": urls, "domains": domains, "escapes": escapes}
print("{\n" + ",\n".join(
    json.dumps(name) + ": [\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in items) + "\n]"
    for name, items in sections.items()
) + "\n}")
