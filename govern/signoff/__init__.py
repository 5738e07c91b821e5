"""Draft sign-off: four-eyes review items with versions, expiry, the pre-publish gate and
acknowledgements of findings. Framework-free; the API, pages, CLI and Gherkin steps adapt it."""

from govern.signoff.model import Acknowledgement, ReviewItem, SignoffError, Version
from govern.signoff.service import GateAnswer, Signoff
from govern.signoff.store import MemoryReviews, ReviewStore

__all__ = [
    "Acknowledgement",
    "GateAnswer",
    "MemoryReviews",
    "ReviewItem",
    "ReviewStore",
    "Signoff",
    "SignoffError",
    "Version",
]
