"""Draft checks: is this post within the discretion guidelines?"""
