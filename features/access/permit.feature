Feature: Access requests that are granted
  Unless a deny or refer applies (COUNCIL-POLICY section 1, rules A13 to A15).

  Background:
    Given today is 2026-11-21

  Scenario: A13 read access for the days asked
    Given a permanent officer in "Planning"
    When they ask to "read" on "https://www.linkedin.com/company/example" to "listen" for 200 days
    Then the request is permitted until 2027-06-09
    And the only reason is "read-access"
    And the obligations include "acceptable-use"
    And the obligations do not include "identify-as-officer"
    And the site is "linkedin.com" in the category "professional-network"

  Scenario: A13 read access for a year when no duration is given
    Given a permanent officer in "Planning"
    When they ask to "read" on "m.youtube.com" to "reflect"
    Then the request is permitted until 2027-11-21

  Scenario: A14 post access is capped at 180 days
    Given a permanent officer in "Planning" who completed "social-media-essentials" on 2026-03-01
    When they ask to "post" on "x.com" to "converse" for 200 days
    Then the request is permitted until 2027-05-20
    And the obligations include "identify-as-officer"
    And the obligations include "pre-check-drafts"
    And the obligations do not include "acceptable-use"

  Scenario: A14 post access for 180 days when no duration is given
    Given a permanent officer in "Planning" who completed "social-media-essentials" on 2026-03-01
    When they ask to "post" on "medium.com" to "converse"
    Then the request is permitted until 2027-05-20

  Scenario: A14 comms-team may post for up to a year
    Given a permanent officer in "Communications" who completed "social-media-essentials" on 2026-03-01
    And they are in the group "comms-team"
    When they ask to "post" on "x.com" to "converse" for 300 days
    Then the request is permitted until 2027-09-17

  Scenario: A15 a permitted pilot must be evaluated
    Given a permanent officer in "Parks" who completed "social-media-essentials" on 2026-03-01
    And the moderation plan is "Comments checked twice a day by the parks team"
    When they ask to "post" on "instagram.com" to "experiment" for 60 days
    Then the request is permitted until 2027-01-20
    And the obligations include "evaluation-report"
    And the obligations include "identify-as-officer"
    And the reasons include "pilot-evaluation"

  Scenario: A15 a pilot with no duration is granted 90 days
    Given a permanent officer in "Parks" who completed "social-media-essentials" on 2026-03-01
    And the moderation plan is "Comments checked twice a day by the parks team"
    When they ask to "post" on "instagram.com" to "experiment"
    Then the request is permitted until 2027-02-19
