Feature: Running a moderation team
  Every hold or removal says what to do on the platform (hide, which can be undone, or delete for
  personal data and spam). Removals are strikes: a private warning at the first, a block review at
  the third within 90 days; a moderator decides a block, with a reason and a review date. Two
  abusive comments aimed at one person are harassment. A resident may appeal a removal, and a
  different moderator decides it.

  Scenario: a resident removed three times in 90 days is put up for a block review
    Given a comment "Ring me on 07700 900123 about the bins" on "facebook-page"
    And it is by "res-1"
    And its id is "c3"
    And it is posted at 2026-11-20T10:00
    And "res-1" had comments removed on 2026-09-01 and 2026-10-01
    When it is moderated
    Then it is removed because of "personal-data"
    And the actions are "delete, block-review"
    And the author has 3 strikes
    And the block review holds 3 comments as evidence

  Scenario: a resident removed three times over more than 90 days is warned, not reviewed
    Given a comment "Ring me on 07700 900123 about the bins" on "facebook-page"
    And it is by "res-1"
    And it is posted at 2026-11-20T10:00
    And "res-1" had comments removed on 2026-08-21 and 2026-10-01
    When it is moderated
    Then the actions are "delete, warn"
    And the author has 2 strikes

  Scenario: the first removal carries a private warning
    Given a comment "Ring me on 07700 900123 about the bins" on "facebook-page"
    And it is by "res-2"
    And it is posted at 2026-11-20T10:00
    When it is moderated
    Then the actions are "delete, warn"
    And "delete" is because of "personal-data"
    And the author is warned privately "repeated breaches may lead to a block"
    And the author has 1 strike

  Scenario: borderline swearing is hidden for a moderator, not deleted, and is no strike
    Given a comment "What the fuck is going on with the bins" on "youtube-comments"
    And it is by "res-3"
    And it is posted at 2026-11-20T10:00
    When it is moderated
    Then it is held because of "profanity"
    And the actions are "hide"
    And "hide" is because of "profanity"
    And the author has 0 strikes

  Scenario: a published comment has no actions and no strike
    Given a comment "Thanks for gritting our road this morning" on "facebook-page"
    And it is by "res-1"
    And it is posted at 2026-11-20T10:00
    And "res-1" had comments removed on 2026-11-01 and 2026-11-02
    When it is moderated
    Then it is published
    And there are no actions
    And the author has 2 strikes

  Scenario: two abusive comments aimed at one councillor, on two channels, are harassment
    Given "res-9" earlier posted "Cllr Smith is a fucking twat." at 2026-11-16T10:00 on "facebook-page"
    And a comment "Councillor Jane Smith, you absolute bastard." on "x-replies"
    And it is by "res-9"
    And it is posted at 2026-11-18T10:00
    When it is moderated
    Then it is escalated as harassment of "smith" to "community-safety"

  Scenario: abuse aimed at two different people is not repeated targeting
    Given "res-9" earlier posted "Cllr Smith is a fucking twat." at 2026-11-16T10:00 on "facebook-page"
    And a comment "Councillor Patel is a fucking twat." on "x-replies"
    And it is by "res-9"
    And it is posted at 2026-11-18T10:00
    When it is moderated
    Then it is not escalated as harassment

  Scenario: an appeal is decided by a different moderator and restores the comment
    Given "mod-a" removed the comment "c1" by "res-4": "Ring me on 07700 900123 about the bins"
    When the author appeals "That is the council's own number"
    And "mod-a" restores it because "my mistake"
    Then the appeal is refused to that moderator
    When "mod-b" restores it because "It was a council number"
    Then the comment is "publish" again
    And the decision is recorded with the reason "It was a council number"

  Scenario: an upheld appeal keeps the comment removed
    Given "mod-a" removed the comment "c2" by "res-5": "Ring me on 07700 900123 about the bins"
    When the author appeals "I wanted people to call me"
    And "mod-b" upholds the removal because "A personal phone number on a public page"
    Then the comment is "remove" again
    And the decision is recorded with the reason "A personal phone number on a public page"

  Scenario: the working calendar knows England's Christmas bank holidays
    Then 2026-12-25 is not a working day: "Christmas Day"
    And 2026-12-28 is not a working day: "Boxing Day (observed)"
    And 2026-12-29 is a working day
    And 1 working day after 2026-12-24T16:00 is 2026-12-29T16:00

  Scenario: a closure day declared by the council is not a working day
    Given the offices are also closed on 2026-12-30
    Then 2026-12-30 is not a working day: "closure day"
    And 1 working day after 2026-12-29T10:00 is 2026-12-31T10:00

  Scenario: Scotland's bank holidays differ from England's
    Given the bank holidays are those of "scotland"
    Then 2027-01-04 is not a working day: "New Year Holiday (observed)"
    And 2026-08-31 is a working day
