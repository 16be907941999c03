"""The PLOVER trigger lexicon (resources/plover_triggers.tsv) on everyday news wording.

Each sentence was written for storyline, away from any gold data, to check that common wire-report
verbs, particle verbs and event nouns are coded in the right category (and mode where the words make
it clear), and that everyday sentences with no political event stay without one.
"""

from __future__ import annotations

import pytest

from storyline import extract
from storyline.stages.events import plover_category

# sentence, trigger word, PLOVER category, mode (None: not checked)
CODED = [
    # AGREE
    ("Colombia's government and the ELN struck a deal in Havana on Tuesday.", "struck", "AGREE", None),
    ("Armenia and Azerbaijan reached a peace treaty last month.", "treaty", "AGREE", None),
    ("The warring factions in Libya forged a power-sharing agreement.", "forged", "AGREE", None),
    ("The teachers' union and the ministry settled their dispute over pay.", "settled", "AGREE", None),
    # CONSULT
    ("The Saudi crown prince spoke by phone with the Iranian president.", "spoke", "CONSULT", "phone"),
    ("ASEAN foreign ministers convened in Jakarta on Friday.", "convened", "CONSULT", None),
    ("Pakistan resumed its dialogue with India after a long pause.", "dialogue", "CONSULT", None),
    ("A Norwegian envoy shuttled between Kabul and Doha.", "shuttled", "CONSULT", "third-party"),
    ("The Indian foreign minister travelled to Moscow on Monday.", "travelled", "CONSULT", "visit"),
    ("Zelensky sat down with European leaders in London.", "sat", "CONSULT", None),
    # SUPPORT
    ("Germany lauded Poland's handling of the border crisis.", "lauded", "SUPPORT", None),
    ("The African Union congratulated Senegal's new president.", "congratulated", "SUPPORT", None),
    ("Canada voiced support for Moldova's bid to join the bloc.", "voiced", "SUPPORT", None),
    ("Ecuador's congress ratified the trade agreement with Chile.", "ratified", "SUPPORT", None),
    ("Belgium thanked Morocco for its help in the investigation.", "thanked", "SUPPORT", None),
    # COOPERATE
    ("Indian and Japanese navies conducted joint drills in the Bay of Bengal.", "drills", "COOPERATE", None),
    ("Kenya and Somalia joined forces against al-Shabab.", "joined", "COOPERATE", None),
    ("French and Spanish police worked together to dismantle the smuggling ring.", "worked", "COOPERATE", None),
    ("The two agencies exchanged intelligence on the plot.", "exchanged", "COOPERATE", None),
    # AID
    ("The World Food Programme airlifted food to South Sudan.", "airlifted", "AID", None),
    ("The European Union disbursed 1.2 billion euros to Ukraine.", "disbursed", "AID", None),
    ("The IMF approved a $3 billion bailout for Sri Lanka.", "bailout", "AID", None),
    ("Red Cross volunteers distributed food parcels in Khartoum.", "distributed", "AID", None),
    # CONCEDE
    ("The Thai government bowed to the protesters' demands.", "bowed", "CONCEDE", None),
    ("The ruling party backed down on the fuel tax.", "backed", "CONCEDE", None),
    ("Hungary waived the visa requirement for Serbian citizens.", "waived", "CONCEDE", None),
    ("The junta legalised the main opposition party.", "legalised", "CONCEDE", None),
    # RETREAT
    ("The militia laid down its weapons in Goma.", "laid", "RETREAT", "disarm"),
    ("Russia and Ukraine swapped 200 prisoners on Thursday.", "swapped", "RETREAT", "release"),
    ("Azerbaijan repatriated the remains of 12 soldiers.", "repatriated", "RETREAT", "return"),
    ("The besieged garrison capitulated after three weeks.", "capitulated", "RETREAT", "disarm"),
    # REQUEST
    ("Lebanon's prime minister implored donors to act quickly.", "implored", "REQUEST", None),
    ("Opposition parties petitioned the supreme court to annul the vote.", "petitioned", "REQUEST", None),
    ("Kyiv lobbied its allies for more air defence systems.", "lobbied", "REQUEST", None),
    ("The families pleaded with the kidnappers for mercy.", "pleaded", "REQUEST", None),
    # ACCUSE
    ("Washington slammed Beijing's military manoeuvres near Taiwan.", "slammed", "ACCUSE", "disapprove"),
    ("Moscow rebuked Helsinki over the border closure.", "rebuked", "ACCUSE", "disapprove"),
    ("The UN rights office raised concerns about the mass trials.", "raised", "ACCUSE", "disapprove"),
    ("A Paris court convicted the former minister of embezzlement.", "convicted", "ACCUSE", None),
    ("Prosecutors in Peru filed corruption charges against the former president.", "charges", "ACCUSE", "allege"),
    # REJECT
    ("Israel rebuffed the proposal for a prisoner exchange.", "rebuffed", "REJECT", None),
    ("The rebels turned down the offer of an amnesty.", "turned", "REJECT", None),
    ("Hungary blocked the latest sanctions package.", "blocked", "REJECT", None),
    ("The Senate voted down the budget bill.", "voted", "REJECT", None),
    # THREATEN
    ("Tehran vowed to retaliate against Israel.", "vowed", "THREATEN", "violence"),
    ("The separatists threatened to blockade the port.", "threatened", "THREATEN", None),
    # PROTEST
    ("Students took to the streets of Dhaka on Sunday.", "took", "PROTEST", "demo"),
    ("Nurses in Nairobi went on strike over unpaid wages.", "went", "PROTEST", None),
    ("The dockworkers' union called a 48-hour strike.", "called", "PROTEST", None),
    ("Relatives of the missing held a candlelight vigil outside parliament.", "vigil", "PROTEST", "demo"),
    # MOBILIZE
    ("China scrambled fighter jets near the strait.", "scrambled", "MOBILIZE", None),
    ("The army called up 10,000 reservists.", "called", "MOBILIZE", "troops"),
    ("Washington sent an aircraft carrier to the eastern Mediterranean.", "sent", "MOBILIZE", "troops"),
    # SANCTION
    ("Niger downgraded its relations with Benin.", "downgraded", "SANCTION", None),
    ("The United States withheld military aid from Egypt.", "withheld", "SANCTION", "discontinue"),
    ("Rwanda broke off diplomatic relations with Belgium.", "broke", "SANCTION", None),
    # COERCE
    ("Security forces rounded up dozens of activists in Tunis.", "rounded", "COERCE", "arrest"),
    ("Police took the opposition leader into custody.", "took", "COERCE", "arrest"),
    ("Authorities in Uganda blocked access to social media.", "blocked", "COERCE", None),
    ("The government launched a crackdown on independent media.", "crackdown", "COERCE", None),
    ("Moscow annexed four regions of Ukraine.", "annexed", "COERCE", None),
    # ASSAULT
    ("Gunmen ambushed a military convoy in Borno state.", "ambushed", "ASSAULT", None),
    ("Militants stormed a hotel in Mogadishu.", "stormed", "ASSAULT", None),
    ("A missile hit a school in Kharkiv.", "hit", "ASSAULT", "aerial"),
    ("Ukrainian air defences downed 40 drones overnight.", "downed", "ASSAULT", "aerial"),
    ("Soldiers gunned down five protesters in Bamako.", "gunned", "ASSAULT", "firearms"),
    ("Unknown assailants stabbed the mayor in Gdansk.", "stabbed", "ASSAULT", None),
    ("Heavy fighting and shootouts erupted in Port-au-Prince.", "fighting", "ASSAULT", None),
    # second round: wording added after the first
    ("Caracas said it was open to talks with the opposition.", "open", "AGREE", None),
    ("Negotiators in Doha made a breakthrough on Sunday.", "breakthrough", "AGREE", None),
    ("Sweden and Finland exchanged views on Arctic security.", "exchanged", "CONSULT", None),
    ("Thousands paid tribute to the slain journalist in Valletta.", "tribute", "SUPPORT", None),
    ("Chad hosted more than a million refugees from Sudan.", "hosted", "AID", None),
    ("Volunteers handed out blankets to families in Herat.", "handed", "AID", None),
    ("Authorities restored internet access in Manipur.", "restored", "CONCEDE", None),
    ("The cabinet shelved the controversial pension reform.", "shelved", "CONCEDE", None),
    ("Rebels abandoned their positions around the airport.", "abandoned", "RETREAT", "withdraw"),
    ("The insurgents vacated the border town on Friday.", "vacated", "RETREAT", "withdraw"),
    ("The premier hit out at the central bank over rates.", "hit", "ACCUSE", "disapprove"),
    ("Looking into the claims, Italian prosecutors questioned two officials.", "questioned", "ACCUSE", "investigate"),
    ("The trial of the opposition leader began in Ankara.", "trial", "ACCUSE", None),
    ("Kyiv ruled out any territorial concessions.", "ruled", "REJECT", None),
    ("Militias breached the ceasefire in Tripoli overnight.", "breached", "ASSAULT", None),
    ("Teachers in Lagos began a strike by public school staff.", "strike", "PROTEST", "boycott"),
    ("Hospital doctors in Seoul held a 24-hour strike.", "strike", "PROTEST", "boycott"),
    ("The navy placed its fleet on high alert.", "placed", "MOBILIZE", "troops"),
    ("Police heightened security around the stadium.", "heightened", "MOBILIZE", "police"),
    ("Serbia announced a general mobilisation of reservists.", "mobilisation", "MOBILIZE", "troops"),
    ("Lithuania declared the Belarusian consul persona non grata.", "declared", "SANCTION", "expel"),
    ("Donors pulled their funding from the electoral commission.", "pulled", "SANCTION", "discontinue"),
    ("Poland expelled 30 migrants across the border.", "expelled", "COERCE", "deport"),
    ("A court in Minsk sentenced the activist to eight years in prison.", "sentenced", "COERCE", "arrest"),
    ("The former prime minister was placed under house arrest.", "placed", "COERCE", "arrest"),
    ("Militants fired rockets at the town of Sderot.", "fired", "ASSAULT", "heavy-weapons"),
    ("The murder of the mayor shocked Ecuador.", "murder", "ASSAULT", None),
    ("A Chinese coast guard ship rammed a Philippine supply boat.", "rammed", "ASSAULT", None),
    ("Ukrainian drones sank a Russian patrol vessel.", "sank", "ASSAULT", "aerial"),
    ("The coup toppled the elected government of Niger.", "coup", "ASSAULT", None),
    ("Iran vowed revenge for the killing of its general.", "vowed", "THREATEN", "violence"),
    # modes that the words around a request or a refusal make clear
    ("Haiti appealed for international aid.", "appealed", "REQUEST", "assist"),
    ("The UN called for the release of the detained journalists.", "called", "REQUEST", "yield"),
    ("Protesters demanded the prime minister's resignation.", "demanded", "REQUEST", "change"),
    ("Seoul urged Pyongyang to return to negotiations.", "urged", "REQUEST", "meet"),
    ("The junta rejected calls for talks with the opposition.", "rejected", "REJECT", "meet"),
    ("Israel refused to release the prisoners.", "refused", "REJECT", "yield"),
]

# everyday sentences with no political event
UNCODED = [
    "The company made a profit of $2 billion last year.",
    "She took the train to Manchester.",
    "The central bank kept interest rates unchanged.",
    "Heavy rain hit the northern provinces on Sunday.",
    "The striker scored twice in the second half.",
    "The minister spoke to reporters outside parliament.",
    "Shares of the carmaker went up 3 percent.",
    "The team flew home on Friday.",
    "He gave a lecture at the university.",
    "The film won three awards at the festival.",
    "The singer called her mother after the concert.",
    "Inflation hit a record high in May.",
    "The couple settled in Lisbon after the war.",
    "The bank froze hiring for the rest of the year.",
    "The newlyweds exchanged rings in the chapel.",
    "The actor took to the stage in a borrowed suit.",
    "The museum will reopen next spring.",
    "She expressed hope that the weather would improve.",
    "The carmaker shipped two hundred thousand cars last quarter.",
    "Farmers sent their grain to the market.",
    "The currency appreciated against the dollar.",
    "Firefighters battled the blaze for hours.",
    "The investor amassed a fortune in the 1990s.",
    "The party held its annual retreat in Aspen.",
    "He commuted to work by bus.",
    "The plan faced a barrage of criticism.",
    "The constitution guarantees freedom of speech.",
    "The shop uses facial recognition cameras.",
    "The central bank extended its monetary easing.",
]


def _events(nlp, text):
    record = extract(text, nlp)
    return record.events


@pytest.mark.parametrize(("text", "trigger", "category", "mode"), CODED, ids=[c[1] + "-" + c[2] for c in CODED])
def test_event_lexicon_codes_news_wording(nlp, text, trigger, category, mode):
    found = [e for e in _events(nlp, text) if e.trigger.text == trigger]
    assert found, [(e.type, e.trigger.text) for e in _events(nlp, text)]
    assert plover_category(found[0]) == category
    if mode is not None:
        assert found[0].mode == mode


@pytest.mark.parametrize("text", UNCODED)
def test_event_lexicon_leaves_everyday_sentences_uncoded(nlp, text):
    assert [(e.type, e.trigger.text) for e in _events(nlp, text)] == []
