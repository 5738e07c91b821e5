Feature: Telling harmful comments from ordinary ones
  Each house rule M1 to M3 removes or holds only on named evidence, and publishes what only looks
  like it: figures of speech, counter-speech, negation, slur homonyms, mild words and criticism.
  The first outline holds the comments a new user tried (issue 12).

  Background:
    Given today is 2026-11-18

  Scenario Outline: Ordinary comments a council page gets every day are published
    Given a comment "<comment>" on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is published

    Examples:
      | comment                                                 |
      | Can you tell me when my bin will be emptied?            |
      | I hope she gets well soon.                              |
      | I love Muslims.                                         |
      | I love immigrants.                                      |
      | Muslims are welcome here.                               |
      | Bloody brilliant firework display, well done everyone.  |
      | Trans people live on our street and they are lovely.    |

  Scenario Outline: M1 threats, direct and veiled, are removed and escalated
    Given a comment "<comment>" on "x-replies"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is removed because of "threats"
    And it is escalated to "community-safety"

    Examples:
      | comment                                                        |
      | I am going to shoot the next black person I see.               |
      | Someone should torch his car.                                  |
      | I know where you live, planning officer. Watch your back.      |
      | The lads will sort him out permanently if this goes ahead.     |
      | I'll be outside the community centre with a knife on Friday.   |
      | Any trans person who uses the ladies' will get my fist in their face. |
      | Tomorrow we are hunting down every Traveller on the common.    |
      | I've decided to stab the next Hindu lad I meet.                |
      | You Jews are all going to die.                                 |
      | I won't rest until every gay man in this town is dead.         |
      | I've got a knife ready for the next Muslim.                    |
      | If I had a gun every refugee in that hotel would be dead.      |

  Scenario Outline: M1 figures of speech, denials, condemnations and well-wishes are not threats
    Given a comment "<comment>" on "x-replies"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is published

    Examples:
      | comment                                                                   |
      | This heat is killing me, can we have water fountains in the park?         |
      | I'd kill for a decent bus service on a Sunday.                            |
      | Someone will break their neck on that hill when it ices over.             |
      | No one deserves to die like that, thoughts with the family.               |
      | He threatened to kill me and the police did nothing.                      |
      | I would never hurt anyone, but I am furious about the library closing.    |
      | I'll shoot you a message about the open day.                              |
      | I'll be at the drop-in with a hammer fixing the shelves.                  |
      | We're going to beat the Travellers' team at darts on Friday.              |
      | I'm off to shoot some hoops with the lads at the youth centre.            |
      | I won't rest until every refugee family has a warm home.                  |
      | I've got a cake ready for the next pensioner who visits.                  |
      | You Jews are all going to love the new community centre.                  |

  Scenario Outline: M2 hate aimed at a protected characteristic is removed
    Given a comment "<comment>" on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is removed because of "hate"

    Examples:
      | comment                                                   |
      | I met some immigrants at the library. They are vermin.    |
      | Why are Muslims so disgusting?                            |
      | I think travellers are a plague on this town.             |
      | Send them back, no more refugees in our schools.          |
      | Trans women will never be real women.                     |
      | ☪️ are filth.                                              |
      | Typical f4ggot behaviour from the new councillor.         |
      | Jews are heartless.                                       |
      | A woman's opinion is worthless.                           |
      | No woman is fit to run this council.                      |
      | Since the refugees moved in you can't walk the streets.   |
      | I have no respect for trans people.                       |
      | I don't think Sikhs can ever be trustworthy.              |
      | Hindus are lazy and spiteful.                             |
      | My neighbours are trans. They are repulsive.              |
      | Roma are on a par with vermin.                            |
      | Women lack any common sense.                              |

  Scenario Outline: M2 counter-speech, negation and slur homonyms are published
    Given a comment "<comment>" on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is published

    Examples:
      | comment                                                                    |
      | I don't hate women, I hate the new parking charges.                        |
      | Saying Muslims are terrorists is disgusting and the council must say so.   |
      | People who say immigrants are vermin are wrong, they keep the NHS going.   |
      | He called me a faggot outside the leisure centre, please add CCTV.         |
      | A hoe is a garden tool, the allotment shed needs a new lock for them.      |
      | Nipped out for a packet of fags and the shop had shut at six.              |
      | The sea dyke at the marshes was breached again last night.                 |
      | Lovely to see the Eid fair at the mosque, well done everyone.              |
      | Refugees are scared and need our help.                                     |
      | A woman's opinion matters as much as anyone's.                             |
      | No refugee should ever be turned away from the food bank.                  |
      | Since the refugees came, the high street has come back to life.            |
      | I have no respect for people who attack Muslims.                           |
      | Pensioners are not happy with the new bus timetable.                       |
      | No wheelchair user is capable of getting up those town hall steps unaided. |
      | Trans people face awful abuse online.                                      |
      | The staff were rude to them, disgusting, my deaf neighbours deserve better. |

  Scenario Outline: M3 strong swearing aimed at someone is removed
    Given a comment "<comment>" on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is removed because of "profanity"

    Examples:
      | comment                                       |
      | F u c k you and your parking fines.           |
      | Councillor Smith is a total c*nt.             |

  Scenario Outline: M3 insults aimed at a person are held, with or without swear words
    Given a comment "<comment>" on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is held because of "insult"

    Examples:
      | comment                                                  |
      | You're a pathetic idiot and everyone knows it.           |
      | Councillor Smith is a moron.                             |
      | Shut up you muppet, nobody asked.                        |
      | I hate you.                                              |
      | Stupid woman.                                            |

  Scenario Outline: M3 mild words, the Scunthorpe problem and criticism are published
    Given a comment "<comment>" on "facebook-page"
    And it is posted at 2026-11-18T11:00
    When it is moderated
    Then it is published

    Examples:
      | comment                                                             |
      | Damn potholes again on the A27, what a crap state the road is in.   |
      | The Scunthorpe train was cancelled again, the buses are hopeless.   |
      | Saw a cock pheasant and two blue tits in Victoria Park this morning. |
      | The council are clueless and the consultation was a shambles.       |
      | I'm an idiot, I put the recycling out on the wrong day.             |
      | I hate it when the bins are late.                                   |
