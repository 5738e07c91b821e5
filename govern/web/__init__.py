"""Server-rendered pages for officers, reviewers and policy owners (Jinja2, a little plain JS)."""
