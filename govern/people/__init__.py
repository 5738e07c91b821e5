"""The service side of identity (issue 16): the directory kept in the store (SqlDirectory), SCIM
resources mapped to its records, leavers and movers, and the access path that resolves a
requester's facts from their sources.

It sits above govern.store and govern.service; govern.identity below them holds the domain
(people, facts, approvals, training records, tokens), which the store may use.
"""
