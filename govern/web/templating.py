"""The pages' Jinja2 environment: templates, the CSRF field and the filters every page uses."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi.templating import Jinja2Templates

from govern.web.csrf import csrf_field
from govern.web.moderation_view import gentle

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.globals["csrf_field"] = csrf_field
templates.env.filters["segment"] = lambda value: quote(str(value), safe="")  # one path segment
templates.env.globals["gentle"] = gentle  # the moderation queue's blurred, masked text
