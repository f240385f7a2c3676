"""The interface language: Indonesian unless the person chose otherwise (issue 9 §2).

Order: the language on the signed-in person's account, else the language cookie a visitor's choice left,
else `LANGUAGE_CODE` (Indonesian). The browser's Accept-Language is deliberately ignored: most users'
phones and office computers say English while the programme works in Indonesian. Replaces Django's
`LocaleMiddleware` and sits after the authentication middleware, which it needs.
"""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


def chosen_language(request) -> str:
    available = dict(settings.LANGUAGES)
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and getattr(user, "language", "") in available:
        return user.language
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return cookie if cookie in available else settings.LANGUAGE_CODE


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response
