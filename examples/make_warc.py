#!/usr/bin/env python3
"""Build examples/unsc-panel-veto-ridgeway.warc.gz deterministically.

Standard library only. Each WARC record is written as its own gzip member
(as crawlers such as Heritrix and wget do), with mtime=0 so that re-running
the script gives byte-identical output. Records follow WARC 1.1: CRLF line
endings in headers, Content-Length counting the bytes of the block, and each
record followed by CRLF CRLF.

Usage: python3 examples/make_warc.py [OUTPUT]
"""
import base64
import gzip
import hashlib
import os
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "unsc-panel-veto-ridgeway.warc.gz")

ARTICLE_URL = ("https://www.ridgewaychronicle.example/world/2024/03/28/"
               "russia-veto-north-korea-sanctions-panel")
IMAGE_URL = "https://www.ridgewaychronicle.example/media/2024/03/council-chamber.png"
CRAWL_DATE = "2024-03-29T06:12:41Z"
IMAGE_DATE = "2024-03-29T06:12:42Z"
HTTP_DATE = "Fri, 29 Mar 2024 06:12:41 GMT"

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Russia vetoes renewal of UN panel monitoring North Korea sanctions | The Ridgeway Chronicle</title>
<meta property="og:title" content="Russia vetoes renewal of UN panel monitoring North Korea sanctions">
<meta property="og:site_name" content="The Ridgeway Chronicle">
<meta property="article:published_time" content="2024-03-28T18:05:00-04:00">
<meta name="author" content="Keziah Marlow-Iwu">
<link rel="canonical" href="https://www.ridgewaychronicle.example/world/2024/03/28/russia-veto-north-korea-sanctions-panel">
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/un">United Nations</a></nav>
<main>
<article>
<h1>Russia vetoes renewal of UN panel monitoring North Korea sanctions</h1>
<p class="byline">By Keziah Marlow-Iwu &middot; <time datetime="2024-03-28T18:05:00-04:00">March 28, 2024</time></p>
<figure><img src="/media/2024/03/council-chamber.png" alt="Security Council chamber"><figcaption>The Security Council chamber in New York. Ridgeway Chronicle</figcaption></figure>
<p>UNITED NATIONS &mdash; Russia on Thursday vetoed a Security Council resolution that would have extended the mandate of the UN panel of experts that monitors sanctions on North Korea, bringing an end to some 15 years of independent reporting on how the measures are enforced.</p>
<p>Thirteen of the council's 15 members voted in favour of the draft. Russia voted against and China abstained. The panel's current mandate runs out on 30 April.</p>
<p>Russia's ambassador, Vassily Nebenzia, argued that years of ever-tighter sanctions had failed to improve security on the Korean Peninsula and said the council's measures should instead be made subject to regular review.</p>
<p>US Ambassador Linda Thomas-Greenfield accused Moscow of trying to silence the panel because it had begun to examine Russia's own purchases of North Korean weapons. Nebenzia rejected the charge and said the panel's work had become one-sided.</p>
<p>South Korea's foreign ministry expressed deep regret over the outcome. Western diplomats said they would look for other ways to keep track of sanctions violations once the panel is disbanded.</p>
</article>
</main>
<footer><p>&copy; 2024 The Ridgeway Chronicle</p></footer>
</body>
</html>
"""


def tiny_png():
    """A valid 1x1 grey PNG, built with zlib so no binary blob is needed."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00\x80", 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def sha1_digest(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def http_message(start_line, headers, body):
    head = start_line + "\r\n" + "".join("%s: %s\r\n" % kv for kv in headers) + "\r\n"
    return head.encode("ascii") + body


def record(headers, block):
    """Return one gzip member holding a complete WARC record."""
    lines = ["WARC/1.1"]
    lines += ["%s: %s" % kv for kv in headers]
    lines.append("Content-Length: %d" % len(block))
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")
    return gzip.compress(head + block + b"\r\n\r\n", compresslevel=9, mtime=0)


def build():
    out = []

    info = ("software: dyads examples/make_warc.py\r\n"
            "format: WARC File Format 1.1\r\n"
            "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
            "description: Example crawl of a fictional news site for the dyads test corpus\r\n"
            "isPartOf: dyads-examples\r\n").encode("utf-8")
    out.append(record([
        ("WARC-Type", "warcinfo"),
        ("WARC-Date", CRAWL_DATE),
        ("WARC-Filename", "unsc-panel-veto-ridgeway.warc.gz"),
        ("WARC-Record-ID", "<urn:uuid:3f1c2a8e-5b7d-4e21-9a0c-6d4e8b2f1a01>"),
        ("Content-Type", "application/warc-fields"),
    ], info))

    # --- article: request + response ---
    req = http_message("GET /world/2024/03/28/russia-veto-north-korea-sanctions-panel HTTP/1.1", [
        ("Host", "www.ridgewaychronicle.example"),
        ("User-Agent", "dyads-example-crawler/1.0"),
        ("Accept", "text/html,application/xhtml+xml"),
        ("Accept-Encoding", "identity"),
        ("Connection", "close"),
    ], b"")
    out.append(record([
        ("WARC-Type", "request"),
        ("WARC-Target-URI", ARTICLE_URL),
        ("WARC-Date", CRAWL_DATE),
        ("WARC-Record-ID", "<urn:uuid:8a7e4c02-1d3b-4f6a-b5c9-0e2d7f3a9b02>"),
        ("WARC-Concurrent-To", "<urn:uuid:c4d9e1f3-7a2b-4c8d-9e0f-1a2b3c4d5e03>"),
        ("WARC-Warcinfo-ID", "<urn:uuid:3f1c2a8e-5b7d-4e21-9a0c-6d4e8b2f1a01>"),
        ("Content-Type", "application/http;msgtype=request"),
        ("WARC-Block-Digest", sha1_digest(req)),
    ], req))

    body = ARTICLE_HTML.encode("utf-8")
    resp = http_message("HTTP/1.1 200 OK", [
        ("Date", HTTP_DATE),
        ("Server", "nginx"),
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Length", str(len(body))),
        ("Cache-Control", "max-age=300"),
        ("Connection", "close"),
    ], body)
    out.append(record([
        ("WARC-Type", "response"),
        ("WARC-Target-URI", ARTICLE_URL),
        ("WARC-Date", CRAWL_DATE),
        ("WARC-Record-ID", "<urn:uuid:c4d9e1f3-7a2b-4c8d-9e0f-1a2b3c4d5e03>"),
        ("WARC-Warcinfo-ID", "<urn:uuid:3f1c2a8e-5b7d-4e21-9a0c-6d4e8b2f1a01>"),
        ("WARC-IP-Address", "192.0.2.44"),
        ("Content-Type", "application/http;msgtype=response"),
        ("WARC-Payload-Digest", sha1_digest(body)),
        ("WARC-Block-Digest", sha1_digest(resp)),
    ], resp))

    # --- image: response only; a reader must skip it (not text/html) ---
    png = tiny_png()
    img = http_message("HTTP/1.1 200 OK", [
        ("Date", "Fri, 29 Mar 2024 06:12:42 GMT"),
        ("Server", "nginx"),
        ("Content-Type", "image/png"),
        ("Content-Length", str(len(png))),
        ("Connection", "close"),
    ], png)
    out.append(record([
        ("WARC-Type", "response"),
        ("WARC-Target-URI", IMAGE_URL),
        ("WARC-Date", IMAGE_DATE),
        ("WARC-Record-ID", "<urn:uuid:5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a04>"),
        ("WARC-Warcinfo-ID", "<urn:uuid:3f1c2a8e-5b7d-4e21-9a0c-6d4e8b2f1a01>"),
        ("WARC-IP-Address", "192.0.2.44"),
        ("Content-Type", "application/http;msgtype=response"),
        ("WARC-Payload-Digest", sha1_digest(png)),
        ("WARC-Block-Digest", sha1_digest(img)),
    ], img))
    return b"".join(out)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    data = build()
    with open(path, "wb") as f:
        f.write(data)
    print("wrote %s (%d bytes)" % (path, len(data)))


if __name__ == "__main__":
    main()
