Feature: Moderation modes and hours
  Post-moderated channels publish clean comments at once; the pre-moderated consultation forum
  publishes them only in moderation hours, Monday to Friday 08:00 to 18:00, and holds them outside.

  Scenario: A clean comment on a post-moderated page is published at night
    Given a comment "Lovely new benches in the park, thank you." on "facebook-page"
    And it is posted at 2026-11-18T23:00
    When it is moderated
    Then it is published

  Scenario: A clean comment on the consultation forum in hours is published
    Given a comment "I support the new cycle lane on London Road." on "consultation-forum"
    And it is posted at 2026-11-18T17:59
    When it is moderated
    Then it is published

  Scenario: A clean comment on the consultation forum after hours is held
    Given a comment "I support the new cycle lane on London Road." on "consultation-forum"
    And it is posted at 2026-11-18T18:00
    When it is moderated
    Then it is held because of "moderation-hours"

  Scenario: A clean comment on the consultation forum at the weekend is held
    Given a comment "I support the new cycle lane on London Road." on "consultation-forum"
    And it is posted at 2026-11-21T11:00
    When it is moderated
    Then it is held because of "moderation-hours"

  Scenario: Hours are London time, summer time included
    Given a comment "I support the new cycle lane on London Road." on "consultation-forum"
    And it is posted at 2026-06-17T07:30:00+00:00
    When it is moderated
    Then it is published
