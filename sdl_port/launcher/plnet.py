"""urllib.request in the browser: requests are made by the page (see pljs.sync_request).

Applied by plboot when the game imports urllib.request. The page can fetch its own site and
servers that allow it by CORS; anything else fails as a URLError saying so. Nothing else of
the network exists here (no sockets).
"""

import http.client
import io
import urllib.error
import urllib.request
import urllib.response

import pljs


class BrowserHandler(urllib.request.BaseHandler):
    """http:// and https:// (and relative paths of the page's site) through the page."""

    handler_order = 100  # before urllib's own HTTP handlers, which need sockets

    def http_open(self, request: urllib.request.Request):
        data = request.data
        if data is not None and not isinstance(data, bytes):
            data = b"".join(data)  # an iterable of bytes, as urllib accepts
        reply = pljs.sync_request(request.get_method(), request.full_url,
                                  list(request.header_items()), data)
        if reply["status"] == 0:
            raise urllib.error.URLError(
                f"the browser could not fetch {request.full_url} (offline, or another site "
                "that does not allow this page by CORS)")
        headers = http.client.parse_headers(io.BytesIO(reply["headers"].encode("latin-1")))
        response = urllib.response.addinfourl(io.BytesIO(reply["body"]), headers,
                                              reply["url"], reply["status"])
        response.msg = reply["reason"]
        return response

    https_open = http_open


def patch(request_module) -> None:
    """Make urlopen go through the page."""
    request_module.install_opener(request_module.build_opener(BrowserHandler))
