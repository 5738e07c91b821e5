"""Run every Gherkin scenario under features/ against the pack under test."""

from pytest_bdd import scenarios

scenarios(".")
