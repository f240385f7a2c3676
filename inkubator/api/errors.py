"""One error shape for every API error: {"detail": "...", "errors": {"field": ["..."]}}."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from inkubator.core.errors import message_dict
from inkubator.core.services import StaleEdit


class ErrorOut(Schema):
    detail: str
    errors: dict


def error_body(detail, errors=None):
    return {"detail": str(detail), "errors": errors or {}}


def install(api):
    @api.exception_handler(NinjaValidationError)
    def on_schema_error(request, exc):
        errors: dict[str, list[str]] = {}
        for err in exc.errors:
            loc = [str(p) for p in err.get("loc", []) if p not in ("body", "query", "path", "payload")]
            errors.setdefault(".".join(loc) or "__all__", []).append(err.get("msg", ""))
        return api.create_response(request, error_body(_("The request is not valid."), errors), status=422)

    @api.exception_handler(ValidationError)
    def on_validation_error(request, exc):
        errors = message_dict(exc)
        return api.create_response(request, error_body(_("The request is not valid."), errors), status=422)

    @api.exception_handler(StaleEdit)
    def on_stale(request, exc):
        return api.create_response(request, error_body(" ".join(exc.messages)), status=409)

    @api.exception_handler(AuthenticationError)
    def on_auth_error(request, exc):
        return api.create_response(request, error_body(_("Authentication required.")), status=401)

    @api.exception_handler(PermissionDenied)
    def on_denied(request, exc):
        return api.create_response(request, error_body(str(exc) or _("Permission denied.")), status=403)

    @api.exception_handler(Http404)
    def on_not_found(request, exc):
        return api.create_response(request, error_body(_("Not found.")), status=404)

    @api.exception_handler(HttpError)
    def on_http_error(request, exc):
        return api.create_response(request, error_body(exc.message), status=exc.status_code)
