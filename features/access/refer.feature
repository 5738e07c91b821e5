Feature: Access requests that go to a named reviewer
  Unless a deny applies (COUNCIL-POLICY section 1, rules A8 to A12).

  Background:
    Given today is 2026-11-21

  Scenario: A8 managing a council account goes to the digital team
    Given a permanent officer in "Communications" who completed "social-media-essentials" on 2026-03-01
    When they ask to "manage" on "facebook.com" to "converse"
    Then the request is referred to "digital-team"
    And the only reason is "manage-needs-digital-team"

  Scenario: A9 a self-hosted platform goes to the architecture board
    Given a permanent officer in "Digital"
    When they ask to "read" on "wordpress.com" to "embed"
    Then the request is referred to "ict-architecture-board"
    And the only reason is "embed-goes-to-architecture"

  Scenario: A10 a site in no category goes to IT security
    Given a permanent officer in "Planning"
    When they ask to "read" on "https://forum.example.org/threads/42" to "listen"
    Then the request is referred to "it-security"
    And the only reason is "unknown-site"
    And the site is "forum.example.org" in no category

  Scenario: A11 a contractor asking to post goes to information governance
    Given a contractor developer in "Digital" who completed "social-media-essentials" on 2026-03-01
    When they ask to "post" on "bsky.app" to "converse" for 30 days
    Then the request is referred to "information-governance"
    And the only reason is "non-permanent-posting"

  Scenario: A11 temporary staff asking to post go there too
    Given a temporary officer in "Elections" who completed "social-media-essentials" on 2026-03-01
    When they ask to "post" on "threads.net" to "converse" for 30 days
    Then the request is referred to "information-governance"

  Scenario: A11 a contractor may still read
    Given a contractor developer in "Digital"
    When they ask to "read" on "bsky.app" to "listen" for 30 days
    Then the request is permitted until 2026-12-21

  Scenario: A12 posting from Children's Services goes to the safeguarding lead
    Given a permanent officer in "Children's Services" who completed "social-media-essentials" on 2026-03-01
    When they ask to "post" on "facebook.com" to "converse" for 30 days
    Then the request is referred to "safeguarding-lead"
    And the only reason is "childrens-services-posting"

  Scenario: A12 Children's Services may read without review
    Given a permanent officer in "Children's Services"
    When they ask to "read" on "facebook.com" to "listen" for 30 days
    Then the request is permitted until 2026-12-21
