Feature: Combining rules
  Any deny beats any refer, any refer beats any permit, and every reason is listed.

  Background:
    Given today is 2026-11-21

  Scenario: A deny beats a refer
    Given a contractor developer in "Digital"
    When they ask to "post" on "facebook.com" to "converse" for 30 days
    Then the request is denied
    And the reasons include "post-needs-training"
    And the reasons do not include "non-permanent-posting"

  Scenario: A refer beats a permit
    Given a permanent officer in "Children's Services" who completed "social-media-essentials" on 2026-03-01
    When they ask to "post" on "youtube.com" to "converse" for 30 days
    Then the request is referred to "safeguarding-lead"
    And the reasons do not include "post-access"

  Scenario: Every deny reason is listed, with everything missing
    Given a permanent officer in "Finance"
    And the business case is driven by "personal-use"
    And their manager has not approved the business case
    When they ask to "post" on "x.com" to "listen" for 400 days
    Then the request is denied
    And the reasons include "no-personal-use"
    And the reasons include "max-duration"
    And the reasons include "complete-business-case"
    And the reasons include "post-needs-training"
    And the reasons include "approach-matches-access"
    And the missing items include "requester.training: social-media-essentials"
    And the missing items include "business_case.manager_approved: true"

  Scenario: The first referral names the reviewer and every referral is a reason
    Given a contractor developer in "Children's Services" who completed "social-media-essentials" on 2026-03-01
    When they ask to "post" on "facebook.com" to "converse" for 30 days
    Then the request is referred to "information-governance"
    And the reasons include "childrens-services-posting"
