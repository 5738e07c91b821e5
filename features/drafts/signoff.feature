Feature: Sign-off of drafts (four eyes)
  A draft with a refer finding waits for the queue of its finding's category (the pack's queues:
  confidentiality and legal to legal, sensitive topics to the safeguarding lead, the rest to the
  comms lead). Nobody approves their own draft; a draft not approved by its scheduled time expires;
  the scheduler's gate allows only the exact text that was approved.

  Scenario: a draft referred to legal cannot be published before legal approves
    Given the draft "This story was leaked from an internal memo." on "x"
    When "amira" sends it for sign-off
    Then it waits for "legal"
    And it cannot be published
    When "legal-lead" approves it
    Then it can be published
    And the decision log shows "submit by amira, approve by legal-lead"

  Scenario: a clean draft needs no sign-off to be published
    Given the draft "The library reopens on Monday at 9am." on "x"
    Then it can be published

  Scenario: a sensitive topic waits for the safeguarding lead
    Given the draft "Safeguarding concerns were raised about the school trip." on "facebook"
    When "amira" sends it for sign-off
    Then it waits for "safeguarding-lead"

  Scenario: a promise waits for the comms lead
    Given the draft "We guarantee the bins will be collected on Monday." on "x"
    When "amira" sends it for sign-off
    Then it waits for "comms-lead"

  Scenario: nobody approves their own draft
    Given the draft "This story was leaked from an internal memo." on "x"
    When "lee" sends it for sign-off
    Then "lee" cannot approve it
    And "lee" cannot reject it
    And it cannot be published

  Scenario: asking for changes means a new version before approval, and only that version is published
    Given the draft "This story was leaked from an internal memo." on "x"
    When "amira" sends it for sign-off
    And "legal-lead" asks for changes because "Do not say it was leaked"
    Then "legal-lead" cannot approve it
    When "amira" sends a new version "We will publish the report on Friday."
    And "legal-lead" approves it
    Then it can be published
    And the decision log shows "submit by amira, changes by legal-lead, resubmit by amira, approve by legal-lead"

  Scenario: a rejected draft cannot be published
    Given the draft "We guarantee the bins will be collected on Monday." on "x"
    When "amira" sends it for sign-off
    And "comms-lead-1" rejects it because "We cannot promise that"
    Then it is rejected
    And it cannot be published

  Scenario: a draft not approved by its scheduled time expires
    Given the draft "We guarantee the bins will be collected on Monday." on "x"
    When "amira" sends it for sign-off to be published in 2 hours
    And 3 hours pass
    Then it has expired
    And "comms-lead-1" cannot approve it

  Scenario: a draft approved before its scheduled time does not expire
    Given the draft "We guarantee the bins will be collected on Monday." on "x"
    When "amira" sends it for sign-off to be published in 2 hours
    And 1 hour passes
    And "comms-lead-1" approves it
    And 3 hours pass
    Then it is approved
    And it can be published

  Scenario: a block finding cannot be approved, only changed
    Given the draft "The councillor is a liar." on "x"
    When "amira" sends it for sign-off
    Then "legal-lead" cannot approve it
    And it cannot be published

  Scenario: a corporate phrase acknowledged with a reason can be published
    Given the draft "Please be advised the library is closed on Monday." on "x"
    Then it cannot be published
    When "amira" acknowledges "corporate-tone" because "Quoting the closure notice word for word"
    Then it can be published

  Scenario: a block finding cannot be acknowledged
    Given the draft "The councillor is a liar." on "x"
    Then "amira" cannot acknowledge "defamation"

  Scenario: a refer finding cannot be acknowledged, it needs sign-off
    Given the draft "This story was leaked from an internal memo." on "x"
    Then "amira" cannot acknowledge "confidential"
