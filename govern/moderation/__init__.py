"""Comment moderation: what do we do with this comment on our page?"""
