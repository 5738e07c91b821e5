"""The Gherkin step library: policy owners write only `.feature` files in business language.

Loaded as a pytest plugin (entry point `govern`), so any pytest run can use the steps; the pack
under test comes from `--govern-pack DIR` or $GOVERN_PACK, else the shipped council-default.
"""
