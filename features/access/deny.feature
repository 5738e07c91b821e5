Feature: Access requests that are refused
  A deny names every reason and lists in "missing" what the requester can supply.
  (COUNCIL-POLICY section 1, rules A1 to A7.)

  Background:
    Given today is 2026-11-21

  Scenario: A1 messaging sites are never unblocked
    Given a permanent officer in "Housing"
    When they ask to "read" on "https://web.whatsapp.com/" to "listen"
    Then the request is denied
    And the only reason is "messaging-not-permitted"
    And the site is "whatsapp.com" in the category "messaging"

  Scenario: A2 more than a year is refused
    Given a permanent officer in "Planning"
    When they ask to "read" on "youtube.com" to "listen" for 366 days
    Then the request is denied
    And the only reason is "max-duration"
    And the missing items include "business_case.duration_days: 365 or fewer"

  Scenario: A2 exactly a year is fine
    Given a permanent officer in "Planning"
    When they ask to "read" on "youtube.com" to "listen" for 365 days
    Then the request is permitted until 2027-11-21

  Scenario: A3 a purpose of fewer than 10 words is refused
    Given a permanent officer in "Libraries"
    And the purpose is "Need Facebook for the library page"
    When they ask to "read" on "facebook.com" to "listen"
    Then the request is denied
    And the only reason is "complete-business-case"
    And the missing items include "business_case.purpose: at least 10 words"

  Scenario: A3 a business case needs a catalogued priority
    Given a permanent officer in "Libraries"
    And the business case names only the priority "NI 999"
    When they ask to "read" on "facebook.com" to "listen"
    Then the request is denied
    And the missing items include "business_case.priorities: at least one catalogued priority"
    And the decision notes "priority 'NI 999' is not in the priority catalogue"

  Scenario: A3 an uncatalogued priority beside a catalogued one is noted but does not block
    Given a permanent officer in "Libraries"
    And the business case also names the priority "Corporate plan 2030"
    When they ask to "read" on "facebook.com" to "listen"
    Then the request is permitted
    And the decision notes "priority 'Corporate plan 2030' is not in the priority catalogue"

  Scenario: A3 the manager must approve the business case
    Given a permanent officer in "Libraries"
    And their manager has not approved the business case
    When they ask to "read" on "facebook.com" to "listen"
    Then the request is denied
    And the only reason is "complete-business-case"
    And the missing items include "business_case.manager_approved: true"
    And the missing items do not include "business_case.purpose: at least 10 words"

  Scenario: A3 comms-team members need only the purpose
    Given a permanent officer in "Communications"
    And they are in the group "comms-team"
    And the business case names no priority
    And their manager has not approved the business case
    When they ask to "read" on "facebook.com" to "listen"
    Then the request is permitted

  Scenario: A3 comms-team members still need a purpose of 10 words
    Given a permanent officer in "Communications"
    And they are in the group "comms-team"
    And the purpose is "Press office"
    When they ask to "read" on "facebook.com" to "listen"
    Then the request is denied
    And the missing items include "business_case.purpose: at least 10 words"

  Scenario: A4 posting needs the social-media-essentials course
    Given a permanent officer in "Planning"
    When they ask to "post" on "x.com" to "converse" for 90 days
    Then the request is denied
    And the only reason is "post-needs-training"
    And the missing items include "requester.training: social-media-essentials"

  Scenario: A4 training older than 730 days has lapsed
    Given a permanent officer in "Planning" who completed "social-media-essentials" on 2024-11-20
    When they ask to "post" on "x.com" to "converse" for 90 days
    Then the request is denied
    And the only reason is "post-needs-training"

  Scenario: A4 training exactly 730 days ago still counts
    Given a permanent officer in "Planning" who completed "social-media-essentials" on 2024-11-21
    When they ask to "post" on "x.com" to "converse" for 90 days
    Then the request is permitted until 2027-02-19

  Scenario: A4 managing an account needs the course too
    Given a permanent officer in "Communications"
    When they ask to "manage" on "facebook.com" to "converse"
    Then the request is denied
    And the reasons include "post-needs-training"

  Scenario: A5 listening is read-only
    Given a permanent officer in "Planning" who completed "social-media-essentials" on 2026-03-01
    When they ask to "post" on "x.com" to "listen"
    Then the request is denied
    And the only reason is "approach-matches-access"

  Scenario: A5 reflecting is read-only too
    Given a permanent officer in "Planning" who completed "social-media-essentials" on 2026-03-01
    When they ask to "manage" on "facebook.com" to "reflect"
    Then the request is denied
    And the only reason is "approach-matches-access"

  Scenario: A6 a pilot needs a moderation plan
    Given a permanent officer in "Parks" who completed "social-media-essentials" on 2026-03-01
    When they ask to "post" on "instagram.com" to "experiment" for 60 days
    Then the request is denied
    And the only reason is "pilot-limits"
    And the missing items include "business_case.moderation_plan"

  Scenario: A6 a pilot lasts at most 90 days
    Given a permanent officer in "Parks" who completed "social-media-essentials" on 2026-03-01
    And the moderation plan is "Comments checked twice a day by the parks team"
    When they ask to "post" on "instagram.com" to "experiment" for 91 days
    Then the request is denied
    And the only reason is "pilot-limits"
    And the missing items include "business_case.duration_days: 90 or fewer"
    And the missing items do not include "business_case.moderation_plan"

  Scenario: A7 personal use is refused
    Given a permanent officer in "Finance"
    And the business case is driven by "personal-use"
    When they ask to "read" on "linkedin.com" to "listen"
    Then the request is denied
    And the only reason is "no-personal-use"
