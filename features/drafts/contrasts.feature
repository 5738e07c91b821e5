Feature: What the discretion guidelines do not flag
  Contrasts that keep the checker honest: a friendly correction is not a rebuttal, the
  council's own contacts are not personal data, and plain facts about voting are fine.

  Background:
    Given today is 2026-11-21

  Scenario: A conversational factual correction is not a rebuttal
    Given the draft "Thanks for flagging this, the bins are actually collected on Tuesdays now. Here's the new calendar: examplecouncil.gov.uk/bins" on "x"
    And it is a reply to "Why didn't you empty my bin on Monday?"
    When it is checked
    Then the verdict is "ok"
    And no "rebuttal" finding is reported
    And the rebuttal risk score is below 0.2

  Scenario: The council's published contacts are not personal data
    Given the draft "Call us on 023 9283 4000 or 0800 169 1234, or email customer.services@examplecouncil.gov.uk. Post to the Civic Offices, PO1 2AL." on "facebook"
    When it is checked
    Then the verdict is "ok"
    And no "personal-data" finding is reported

  Scenario: Plain facts about voting are fine in the pre-election period
    Given the draft "Polling stations are open from 7am to 10pm on 6 May. Register to vote by 19 April." on "x"
    And it is posted on 2027-04-12
    When it is checked
    Then the verdict is "ok"
    And there are no findings

  Scenario: Known acronyms are not shouting
    Given the draft "The NHS and HMRC have updated their COVID advice for SEND families." on "x"
    When it is checked
    Then no "shouting" finding is reported

  Scenario: A CamelCase hashtag is fine
    Given the draft "Our libraries are open late on Thursdays #LibraryOpeningHours" on "x"
    When it is checked
    Then there are no findings

  Scenario: Ordinary words that contain rude ones are fine
    Given the draft "Scunthorpe and Penistone libraries are running a Dickens reading club." on "x"
    When it is checked
    Then no "profanity" finding is reported

  Scenario: Green bins are not the Green Party
    Given the draft "Your green bin will be emptied on Friday this week." on "x"
    When it is checked
    Then there are no findings

  Scenario: An apology with an account of the problem is never hostile
    Given the draft "We're very sorry for the disruption, the bin lorry broke down and your road will be done tomorrow." on "x"
    And it is a reply to "My bin wasn't emptied again, this is a joke"
    When it is checked
    Then the verdict is "ok"
    And no "hostile-tone" finding is reported
    And the tone score is below 0.1

  Scenario: Agreeing with the reader is not a judgement of them
    Given the draft "You're not wrong, the path should have been gritted. Thanks for telling us." on "x"
    When it is checked
    Then no "hostile-tone" finding is reported

  Scenario: A multi-disciplinary team is not a disciplinary matter
    Given the draft "Our multi-disciplinary team helps families find a home." on "facebook"
    When it is checked
    Then the verdict is "ok"
    And no "sensitive-topic" finding is reported

  Scenario: Delivering a baby and tackling in rugby are literal
    Given the draft "Our midwives delivered a baby in the car park. Come and try a tackle in rugby at Hilsea." on "facebook"
    When it is checked
    Then no "corporate-tone" finding is reported

  Scenario: Two emoji at the end, one hashtag and one link are fine
    Given the draft "The paddling pool opens on Saturday: examplecouncil.gov.uk/pools #SummerInThePark ☀️🌊" on "instagram"
    When it is checked
    Then the verdict is "ok"
    And there are no findings

  Scenario: Short plain sentences are fine
    Given the draft "Bins are collected on Tuesdays. Put yours out by 7am. Thanks!" on "x"
    When it is checked
    Then there are no findings

  Scenario: Accented letters are not styled letters
    Given the draft "Café Rouge hosts the naïve art fair – entry free." on "facebook"
    When it is checked
    Then no "styled-letters" finding is reported
    And the verdict is "ok"
