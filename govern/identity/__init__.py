"""Who vouches for each fact: the directory (SCIM), training records, sign-in and approvals.

The library and `govern decide` evaluate the facts they are given; this package is where the
service resolves a requester's facts from their sources instead of trusting the caller.
"""
