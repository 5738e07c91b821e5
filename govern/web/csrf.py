"""CSRF tokens for the pages' forms: the double-submit cookie, checked on every form post.

`govern.api.middleware.Guard` issues a random token in an HTTP-only, SameSite=Strict cookie
(`__Host-` prefixed over https) and puts it in `request.state`; every form carries it in a hidden
field and `verify_csrf` checks that the two match. The Guard also refuses posts whose Origin or
Referer names another site, so a forged post needs both a planted cookie and a same-site origin.
"""

from __future__ import annotations

import hmac

from fastapi import Request
from markupsafe import Markup, escape

from govern.errors import Forbidden

FIELD = "csrf_token"


def csrf_token(request: Request) -> str:
    """This request's token (issued by the Guard middleware)."""
    return str(getattr(request.state, "csrf_token", ""))


def csrf_field(request: Request) -> Markup:
    """The hidden form field carrying the token."""
    return Markup(f'<input type="hidden" name="{FIELD}" value="{escape(csrf_token(request))}">')


async def verify_csrf(request: Request) -> None:
    """A dependency for form posts: the form's token must match the cookie's."""
    cookie = getattr(request.state, "csrf_cookie", None)
    sent = (await request.form()).get(FIELD)
    if (
        not cookie
        or not isinstance(sent, str)
        or not hmac.compare_digest(sent.encode(), str(cookie).encode())
    ):
        raise Forbidden(
            "this form has expired or was not sent from this site; reload the page and try again", code="csrf"
        )
