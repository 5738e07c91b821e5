Feature: The parks department's own rules
  On top of the council's policy (run with the council's features too for full coverage).

  Background:
    Given today is 2026-11-21

  Scenario: P1 the parks team may read fitness apps for 90 days
    Given a permanent ranger in "Parks"
    And the business case names only the priority "PS 1"
    When they ask to "read" on "https://www.strava.com/segments/123" to "listen"
    Then the request is permitted until 2027-02-19
    And the obligations include "no-personal-routes"
    And the site is "strava.com" in the category "fitness-apps"

  Scenario: P1 other departments may not
    Given a permanent officer in "Planning"
    When they ask to "read" on "strava.com" to "listen"
    Then the request is denied
    And the only reason is "no-applicable-rule"

  Scenario: P2 an opening ceremony in the pre-election period is blocked
    Given the draft "Join us for the official opening of the new play area on Saturday!" on "facebook"
    And it is posted on 2027-04-10
    When it is checked
    Then the verdict is "block"
    And a "pre-election-events" finding covers "official opening"

  Scenario: P2 the same post after the election is fine
    Given the draft "Join us for the official opening of the new play area on Saturday!" on "facebook"
    And it is posted on 2027-06-10
    When it is checked
    Then the verdict is "ok"
