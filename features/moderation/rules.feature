Feature: House rules for comments
  One scenario per rule of COUNCIL-POLICY section 3 (M1 to M8). Remove beats hold beats publish.

  Scenario: M1 a threat is removed and escalated
    Given a comment "Someone should burn the council offices down." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is removed because of "threats"
    And it is escalated to "community-safety"

  Scenario: M1 a threat with no swear words is still a threat
    Given a comment "I know where the planning officer lives and he'll regret this." on "x-replies"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is removed because of "threats"

  Scenario: M2 hate aimed at a group is removed
    Given a comment "Immigrants are vermin and this council keeps welcoming them." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is removed because of "hate"

  Scenario: M2 a disguised slur is removed
    Given a comment "Get these f a g g o t s out of our park." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is removed because of "hate"

  Scenario: M2 hate in words no rule has is held when the hate model is sure and a group is named
    Given a comment "Immigrant kids are dragging down the school results." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is held because of "hate-suspected"

  Scenario: M2 the hate model's words denied are not held
    Given a comment "Old people are not a burden." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is published

  Scenario: M3 clearly offensive language is removed
    Given a comment "You're a bunch of useless fucking wankers, the lot of you." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is removed because of "profanity"

  Scenario: M3 strong swearing aimed at no one is borderline and held for a moderator
    Given a comment "What the f*ck is going on with the bins on Kingston Road?" on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is held because of "profanity"

  Scenario: M3 a strong word for a mess names no person and is held, not removed
    Given a comment "The parking on Elm Road is a shitshow." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is held because of "profanity"

  Scenario: M3 a mild word used for emphasis is published
    Given a comment "The pavement on Kingston Road is in a bloody state. Can someone take a look?" on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is published

  Scenario: M3 an insult aimed at a person is held
    Given a comment "The woman on the phone was a thick idiot." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is held because of "insult"

  Scenario: M3 harsh criticism of a service names no person and is published
    Given a comment "This service is useless and the new bin rota is a shambles. This decision stinks." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is published

  Scenario: M4 someone's phone number is removed with a private-contact reply
    Given a comment "Ring my neighbour on 07700 900456, he dumped the sofa." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is removed because of "personal-data"
    And the author is told "please contact us privately"

  Scenario: M4 a house number and street without a postcode is a home address
    Given a comment "Mrs Jones at 14 Elm Road is a benefit cheat, report her." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is removed because of "personal-data"

  Scenario: M4 counting things on a street is not an address
    Given a comment "There are 5 potholes on Elm Road and nobody has come out." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is published

  Scenario: M5 advertising is spam
    Given a comment "Make £500 a day from home! Click here to find out how." on "youtube-comments"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is removed because of "spam"

  Scenario: M5 three links are spam
    Given a comment "Look: http://a.example.com http://b.example.com http://c.example.com" on "youtube-comments"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is removed because of "spam"

  Scenario: M6 campaigning in the pre-election period is held
    Given a comment "Vote for the Green Party on Thursday, they will save the library." on "facebook-page"
    And it is posted at 2027-04-14T11:00
    When it is moderated
    Then it is held because of "election-campaigning"

  Scenario: M6 the same comment outside the window is published
    Given a comment "Vote for the Green Party on Thursday, they will save the library." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is published

  Scenario: M7 the same text a third time within 10 minutes is held
    Given a comment "FIX THE POTHOLE ON COPNOR ROAD" on "facebook-page"
    And it is by "resident-7"
    And it is posted at 2026-11-18T11:09
    And "resident-7" already posted "Fix the pothole on  Copnor Road" at 2026-11-18T11:00
    And "resident-7" already posted "fix the pothole on copnor road" at 2026-11-18T11:05
    When it is moderated
    Then it is held because of "flooding"

  Scenario: M7 the second time is published, and so is the third after 10 minutes
    Given a comment "Fix the pothole on Copnor Road" on "facebook-page"
    And it is by "resident-7"
    And it is posted at 2026-11-18T11:11
    And "resident-7" already posted "Fix the pothole on Copnor Road" at 2026-11-18T11:00
    And "resident-7" already posted "Fix the pothole on Copnor Road" at 2026-11-18T11:05
    When it is moderated
    Then it is published

  Scenario: M7 another author's identical comments do not count
    Given a comment "Fix the pothole on Copnor Road" on "facebook-page"
    And it is by "resident-7"
    And it is posted at 2026-11-18T11:09
    And "resident-8" already posted "Fix the pothole on Copnor Road" at 2026-11-18T11:00
    And "resident-9" already posted "Fix the pothole on Copnor Road" at 2026-11-18T11:05
    When it is moderated
    Then it is published

  Scenario: M8 a question needs a reply within one working day
    Given a comment "When will the tip reopen after the fire?" on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is published
    And a reply is due by 2026-11-19T11:00

  Scenario: M8 a question on Friday is due on Monday
    Given a comment "Is the library open on Monday?" on "facebook-page"
    And it is posted at 2026-11-20T15:00
    When it is moderated
    Then a reply is due by 2026-11-23T15:00

  Scenario: M8 a question at the weekend is due by the end of Monday
    Given a comment "Is the library open on Monday?" on "facebook-page"
    And it is posted at 2026-11-21T10:00
    When it is moderated
    Then a reply is due by 2026-11-24T00:00

  Scenario: M8 a statement needs no reply
    Given a comment "Thanks to the crew who fixed our street light today." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is published
    And no reply is due

  Scenario: Removed comments are kept for 90 days for the record
    Given a comment "Someone should burn the council offices down." on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then the removed comment is kept until 2027-02-16
