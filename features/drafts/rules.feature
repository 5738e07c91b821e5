Feature: Discretion guidelines for drafts
  One scenario per rule of COUNCIL-POLICY section 2 (D1 to D23). The verdict is the highest
  severity found: block > refer > revise > info (info alone is ok).

  Background:
    Given today is 2026-11-21

  Scenario: D1 officers who only listen may not post
    Given the draft "Thanks for your question, the library reopens on Monday." on "x"
    And the author's approach is "listen"
    When it is checked
    Then the verdict is "block"
    And a "approach-not-authorised" finding is reported

  Scenario: D1 officers who converse may post
    Given the draft "Thanks for your question, the library reopens on Monday." on "x"
    And the author's approach is "converse"
    When it is checked
    Then the verdict is "ok"
    And there are no findings

  Scenario: D2 a resident's phone number is personal data
    Given the draft "Mrs Patel, we have passed your number 07700 900123 to the housing team." on "facebook"
    When it is checked
    Then the verdict is "block"
    And a "personal-data" finding covers "07700 900123"

  Scenario: D2 e-mail, NI number and NHS number
    Given the draft "Contact jo.bloggs@gmail.com about NI number JG 10 37 45 A and NHS number 943 476 5919." on "facebook"
    When it is checked
    Then the verdict is "block"
    And a "personal-data" finding covers "jo.bloggs@gmail.com"
    And a "personal-data" finding covers "JG 10 37 45 A"
    And a "personal-data" finding covers "943 476 5919"

  Scenario: D2 a house number with a full postcode is an address
    Given the draft "The skip outside 14 Acacia Road, PO4 8QX will be moved today." on "facebook"
    When it is checked
    Then the verdict is "block"
    And a "personal-data" finding covers "14 Acacia Road, PO4 8QX"

  Scenario: D3 swearing is blocked, disguised or not
    Given the draft "This new bridge is f*cking brilliant." on "x"
    When it is checked
    Then the verdict is "block"
    And a "profanity" finding covers "f*cking"

  Scenario: D4 calling someone a crook risks defamation
    Given the draft "The landlord on Fawcett Road is a crook." on "facebook"
    When it is checked
    Then the verdict is "block"
    And a "legal" finding covers "crook"

  Scenario: D5 naming a councillor in the pre-election period is blocked
    Given the draft "Councillor Ahmed opened the new play park today." on "x"
    And it is posted on 2027-04-10
    When it is checked
    Then the verdict is "block"
    And a "pre-election" finding covers "Councillor Ahmed"

  Scenario: D5 advice on how to vote in the pre-election period is blocked
    Given the draft "If you care about parks, vote for the candidate who will protect them." on "x"
    And it is posted on 2027-05-01
    When it is checked
    Then the verdict is "block"
    And a "pre-election" finding covers "vote for"

  Scenario: D5 the window is judged in London time
    Given the draft "Cllr Patel thanked the count staff tonight." on "x"
    And it is posted on 2027-05-06T22:30:00Z
    When it is checked
    Then the verdict is "block"

  Scenario: D6 naming a party outside the window is referred
    Given the draft "The Green Party has asked us to look again at the tree plan." on "x"
    And it is posted on 2026-12-02
    When it is checked
    Then the verdict is "refer"
    And a "party-political" finding covers "Green Party"
    And no "pre-election" finding is reported

  Scenario: D6 judging government policy is referred
    Given the draft "The government's new housing targets don't work for our city." on "x"
    When it is checked
    Then the verdict is "refer"
    And a "impartiality" finding is reported

  Scenario: D6 urging people to vote is referred
    Given the draft "Every vote counts, so please get out and vote on Thursday." on "x"
    When it is checked
    Then the verdict is "refer"
    And a "party-political" finding covers "get out and vote"

  Scenario: D7 formal rebuttal is referred
    Given the draft "We categorically reject these claims. Victoria Park is not for sale." on "x"
    And it is a reply to "The council is selling Victoria Park!"
    When it is checked
    Then the verdict is "refer"
    And a "rebuttal" finding covers "categorically reject"
    And the rebuttal risk score is above 0.6

  Scenario: D8 corporate phrases get plain-English suggestions
    Given the draft "Going forward we apologise for any inconvenience caused." on "x"
    When it is checked
    Then the verdict is "revise"
    And a "corporate-tone" finding covers "Going forward"
    And the "corporate-tone" finding suggests "from now on"
    And a "corporate-tone" finding covers "apologise for any inconvenience"

  Scenario: D8 inflections are caught too
    Given the draft "We apologize for any inconvenience and will leverage our partners." on "x"
    When it is checked
    Then a "corporate-tone" finding covers "apologize for any inconvenience"
    And the "corporate-tone" finding suggests "use"

  Scenario: D8 GOV.UK words to avoid get plain alternatives in any form
    Given the draft "We will deliver a robust, key programme to tackle fly-tipping with our stakeholder groups." on "facebook"
    When it is checked
    Then the verdict is "revise"
    And a "corporate-tone" finding covers "deliver"
    And a "corporate-tone" finding covers "robust"
    And a "corporate-tone" finding covers "key"
    And a "corporate-tone" finding covers "tackle"
    And a "corporate-tone" finding covers "stakeholder"
    And the tone score is above 0.3

  Scenario: D8 a word to avoid in its literal sense is fine
    Given the draft "Drive to the tip and collect the key to the hall from reception. Foster carers meet on Monday." on "facebook"
    When it is checked
    Then the verdict is "ok"
    And there are no findings

  Scenario: D9 capitals read as shouting
    Given the draft "PLEASE STOP putting glass in the brown bin." on "x"
    When it is checked
    Then the verdict is "revise"
    And a "shouting" finding covers "PLEASE"
    And the tone score is above 0.3

  Scenario: D9 double exclamation marks read as shouting
    Given the draft "The new pool opens on Saturday!!" on "x"
    When it is checked
    Then the verdict is "revise"
    And a "shouting" finding covers "!!"

  Scenario: D10 condescension is hostile
    Given the draft "Obviously the bins are collected on Tuesdays. Get your facts straight." on "x"
    When it is checked
    Then the verdict is "revise"
    And a "hostile-tone" finding covers "Obviously"
    And a "hostile-tone" finding covers "Get your facts straight"

  Scenario: D10 a judgement of the reader is hostile
    Given the draft "You're being unreasonable, the bins were collected on time." on "x"
    And it is a reply to "You missed my bin again"
    When it is checked
    Then the verdict is "revise"
    And a "hostile-tone" finding covers "You're being unreasonable"
    And the tone score is above 0.4

  Scenario: D10 blame and dismissal are hostile
    Given the draft "If you had bothered to read the notice you would know. This matter is now closed." on "facebook"
    When it is checked
    Then the verdict is "revise"
    And a "hostile-tone" finding covers "If you had bothered"
    And a "hostile-tone" finding covers "This matter is now closed"

  Scenario: D11 guarantees are referred
    Given the draft "We guarantee every pothole will be fixed within a week." on "x"
    When it is checked
    Then the verdict is "refer"
    And a "commitment" finding covers "We guarantee"

  Scenario: D12 sensitive topics are referred
    Given the draft "A man has been arrested after the fire at the recycling centre." on "x"
    When it is checked
    Then the verdict is "refer"
    And a "sensitive-topic" finding covers "arrested"

  Scenario: D13 confidential material is referred
    Given the draft "The draft budget shows the pool will stay open." on "x"
    When it is checked
    Then the verdict is "refer"
    And a "confidentiality" finding covers "draft budget"

  Scenario: D14 a personal account must declare the role
    Given the draft "The council has done a great job on the new seafront path." on "x"
    And it is from a personal account
    When it is checked
    Then the verdict is "revise"
    And a "declare-role" finding covers "council"

  Scenario: D14 a personal account that declares the role is fine
    Given the draft "I work for the council and I'm proud of the new seafront path." on "x"
    And it is from a personal account
    When it is checked
    Then the verdict is "ok"
    And no "disclosure" finding is reported

  Scenario: D15 images need alt text
    Given the draft "The new library garden is open." on "instagram"
    And it has an image without alt text
    When it is checked
    Then the verdict is "revise"
    And a "missing-alt-text" finding is reported

  Scenario: D15 an image with alt text is fine
    Given the draft "The new library garden is open." on "instagram"
    And it has an image with the alt text "Raised flower beds in the library garden"
    When it is checked
    Then the verdict is "ok"

  Scenario: D16 long lower-case hashtags are noted
    Given the draft "Our libraries are open late on Thursdays #libraryopeninghours" on "x"
    When it is checked
    Then the verdict is "ok"
    And a "camelcase-hashtags" finding covers "#libraryopeninghours"

  Scenario: D17 hard reading is noted
    Given the draft "Notwithstanding considerable administrative complexities, the authority's comprehensive infrastructure modernisation programme necessitates temporary operational disruption affecting multiple residential neighbourhoods simultaneously throughout the borough." on "facebook"
    When it is checked
    Then the verdict is "ok"
    And a "reading-age" finding is reported

  Scenario: D18 a post longer than X allows is blocked
    Given a draft of 281 characters on "x"
    When it is checked
    Then the verdict is "block"
    And a "platform-length" finding is reported

  Scenario: D18 the same post fits on Mastodon
    Given a draft of 281 characters on "mastodon"
    When it is checked
    Then the verdict is "ok"
    And no "length" finding is reported

  Scenario: D19 many and repeated emoji are read out one by one
    Given the draft "The summer fair is on Saturday 🎉🎉🎉🎈" on "instagram"
    When it is checked
    Then the verdict is "revise"
    And a "emoji" finding covers "🎉"

  Scenario: D19 an emoji in place of a word
    Given the draft "We ❤️ our parks" on "instagram"
    When it is checked
    Then the verdict is "revise"
    And a "emoji" finding covers "❤️"

  Scenario: D20 a hashtag in the middle of a sentence
    Given the draft "Join us at #CentralLibrary on Monday for the book sale." on "x"
    When it is checked
    Then the verdict is "revise"
    And a "hashtags" finding covers "#CentralLibrary"

  Scenario: D20 more than two hashtags
    Given the draft "Bin day moves to Tuesday. #Bins #Recycling #Portsmouth" on "x"
    When it is checked
    Then the verdict is "revise"
    And a "hashtags" finding covers "#Portsmouth"

  Scenario: D21 more than one link is noted
    Given the draft "Check your bin day at examplecouncil.gov.uk/bins and report a missed bin at examplecouncil.gov.uk/missed" on "facebook"
    When it is checked
    Then the verdict is "ok"
    And a "links" finding covers "examplecouncil.gov.uk/missed"

  Scenario: D22 a sentence of more than 25 words is noted
    Given the draft "From Monday the recycling centre on Eastern Road will open at eight in the morning and close at six in the evening every day except Christmas Day and Boxing Day." on "facebook"
    When it is checked
    Then the verdict is "ok"
    And a "long-sentence" finding is reported

  Scenario: D23 styled letters are replaced by plain ones
    Given the draft "𝗢𝗽𝗲𝗻 𝘁𝗼𝗱𝗮𝘆: the new library garden." on "instagram"
    When it is checked
    Then the verdict is "revise"
    And a "styled-letters" finding covers "𝗢𝗽𝗲𝗻 𝘁𝗼𝗱𝗮𝘆"
    And the "styled-letters" finding suggests "Open today"
