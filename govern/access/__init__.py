"""Access decisions: may this person use this site, at this level, on this business case?"""
