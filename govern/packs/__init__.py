"""Policy packs shipped with govern: `council-default`, the pack used when none is named.

`govern/packs/council-default` is a link to the repository's `policies/council-default` (the
path SPEC.md names); a built wheel holds a copy of its files, so an installed govern has it too.
"""
