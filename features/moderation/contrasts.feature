Feature: What house rules must publish
  Criticism of the council is published; counter-speech, negated claims and neutral mentions of
  groups are not hate; the council's own contacts are not personal data.

  Background:
    Given today is 2026-11-18

  Scenario: Harsh criticism of the council is published
    Given a comment "What a load of rubbish, the council never listens to residents." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is published

  Scenario: Counter-speech quoting a slur to condemn it is published
    Given a comment "My son was called a 'p*ki' at the bus stop. Please put more CCTV there." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is published

  Scenario: A negated hateful claim is published
    Given a comment "I would never say women are inferior, and I resent the suggestion." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is published

  Scenario: A neutral mention of a group is published
    Given a comment "Is the mosque car park open for the Eid fair on Saturday?" on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is published

  Scenario: A violent metaphor about policy is not a threat
    Given a comment "The parking charge increase is going to kill the high street." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is published

  Scenario: The council's own phone number is not personal data
    Given a comment "I rang 023 9283 4000 and they sorted it the same day, thanks." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is published
