"""Give every request an id (X-Request-ID) that audit entries carry."""

import re
import uuid

from inkubator.core import audit

_SAFE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request.request_id = incoming if _SAFE.match(incoming) else uuid.uuid4().hex
        audit.set_context(request_id=request.request_id)
        try:
            response = self.get_response(request)
        finally:
            audit.clear_context()
        response["X-Request-ID"] = request.request_id
        return response
