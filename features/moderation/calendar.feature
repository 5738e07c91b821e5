Feature: Working days know about bank holidays
  Reply targets and the consultation forum's moderation hours count working days: Monday to
  Friday, less England's bank holidays (with their substitute days) and the council's closures.

  Scenario: M8 a question on Christmas Eve afternoon is due after the Christmas bank holidays
    Given a comment "Are the bins being collected on Boxing Day?" on "facebook-page"
    And it is posted at 2026-12-24T16:00
    When it is moderated
    Then it is published
    And a reply is due by 2026-12-29T16:00

  Scenario: M8 a question on an ordinary Thursday is due on Friday
    Given a comment "Are the bins being collected on Friday?" on "facebook-page"
    And it is posted at 2026-12-17T16:00
    When it is moderated
    Then a reply is due by 2026-12-18T16:00

  Scenario: The consultation forum is out of hours on a bank holiday
    Given a comment "I support the new cycle lane on London Road." on "consultation-forum"
    And it is posted at 2027-05-03T11:00
    When it is moderated
    Then it is held because of "moderation-hours"

  Scenario: The consultation forum is in hours on the next working day
    Given a comment "I support the new cycle lane on London Road." on "consultation-forum"
    And it is posted at 2027-05-04T11:00
    When it is moderated
    Then it is published
