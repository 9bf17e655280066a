"""First probe for noent11 (own words, rules alone): common news words of each PLOVER type that had no
lexicon entry, one sentence each, and near misses in their other senses (the dog that frisks,
the fish that is grilled, the ship that is scuttled)."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


def _types(coder: Coder, text: str) -> set[str]:
    return {e.type for e in coder.code(text).events if not e.negated}


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The Congolese rebels undertook to free all child soldiers by June.", "AGREE"),
        ("Ethiopia undertook to respect the ceasefire in Tigray.", "AGREE"),
        (
            "The Venezuelan government gave an undertaking to release the detained opposition figures.",
            "AGREE",
        ),
        ("The Saudi crown prince dined with the Indonesian president in Riyadh.", "CONSULT"),
        ("The American secretary of state huddled with Gulf ministers in Doha.", "CONSULT"),
        (
            "Polish border officials liaised with their Lithuanian counterparts on the migrant crossings.",
            "CONSULT",
        ),
        ("The Estonian prime minister briefed the German chancellor on the sabotage.", "CONSULT"),
        ("The French envoy briefed the Security Council on the Sahel.", "CONSULT"),
        ("Lithuania championed Ukraine's membership of NATO.", "SUPPORT"),
        (
            "The Mexican president paid homage to the victims of the earthquake in Turkey.",
            "SUPPORT",
        ),
        ("Moscow feted the Chinese leader with a state banquet.", "SUPPORT"),
        ("Kenya embraced the Saudi ceasefire proposal for Sudan.", "SUPPORT"),
        ("Turkey reconciled with the United Arab Emirates after a decade of rivalry.", "SUPPORT"),
        ("The Lebanese army coordinated with UNIFIL on the patrols.", "SUPPORT"),
        (
            "Médecins Sans Frontières immunized Rohingya children in the camps near Cox's Bazar.",
            "AID",
        ),
        ("The World Health Organization inoculated refugees against measles in Chad.", "AID"),
        ("Cuban medical teams immunised villagers in Haiti against cholera.", "AID"),
        ("Iran paroled the jailed French academic.", "RETREAT"),
        ("The Moroccan authorities paroled dozens of Rif protesters.", "RETREAT"),
        ("The Turkish government reinstated the sacked Kurdish mayors.", "CONCEDE"),
        ("The Hungarian authorities reinstated the broadcaster's licence.", "CONCEDE"),
        ("Pakistan softened its stance on trade with India.", "CONCEDE"),
        ("The junta softened its conditions for the return of civilian rule.", "CONCEDE"),
        ("The Security Council enjoined the two Sudanese generals to return to talks.", "REQUEST"),
        ("Egypt coaxed Hamas into accepting a pause in the fighting.", "REQUEST"),
        ("European leaders cajoled Hungary to lift its veto on aid to Kyiv.", "REQUEST"),
        ("Striking teachers jeered the Kenyan education minister in Nakuru.", "ACCUSE"),
        ("Pro-Palestinian activists heckled the German chancellor in Berlin.", "ACCUSE"),
        ("Serbian fans booed the Croatian president at the match.", "ACCUSE"),
        ("Russian state television lampooned the French president.", "ACCUSE"),
        ("British lawmakers grilled the chief of the Post Office.", "ACCUSE"),
        ("Bangladesh lodged a grievance with Myanmar over the shelling.", "ACCUSE"),
        ("The American House committee subpoenaed the former Kabul ambassador.", "ACCUSE"),
        ("The Israeli government disavowed the minister's remarks about Gaza.", "REJECT"),
        ("The Sudanese army disowned the deal signed in Addis Ababa.", "REJECT"),
        ("Mali renounced the Algiers peace accord.", "REJECT"),
        ("The Serbian authorities stonewalled the investigation into the attack.", "REJECT"),
        ("The Bosnian Serb leader scuttled the constitutional reform plan.", "REJECT"),
        ("The Georgian government disobeyed the court ruling on the protests.", "REJECT"),
        ("Slovakia baulked at sending more arms to Ukraine.", "REJECT"),
        ("Kenyan doctors staged a sit-in at the health ministry in Nairobi.", "PROTEST"),
        ("Farmers burned an effigy of the Dutch prime minister in The Hague.", "PROTEST"),
        ("Burkina Faso annulled its military accord with France.", "SANCTION"),
        ("Algeria curtailed cooperation with Spain over Western Sahara.", "SANCTION"),
        ("The junta in Niger ejected the European Union's military mission.", "SANCTION"),
        ("Germany rearmed after decades of neglect.", "MOBILIZE"),
        ("Hezbollah stockpiled rockets along the Israeli border.", "MOBILIZE"),
        ("The massing of Russian tanks near Belgorod worried NATO.", "MOBILIZE"),
        ("A Chinese destroyer shadowed the Philippine supply vessel.", "MOBILIZE"),
        ("Russian fighter jets buzzed an American drone over the Black Sea.", "MOBILIZE"),
        ("Spanish police frisked African migrants at the train station.", "COERCE"),
        ("Egyptian police handcuffed the Italian researcher.", "COERCE"),
        ("Iranian guards shackled the British-Iranian aid worker.", "COERCE"),
        ("Chinese authorities quarantined the city of Xi'an.", "COERCE"),
        ("The Serbian government gagged independent broadcasters.", "COERCE"),
        ("Mexican police launched a manhunt for the escaped cartel boss.", "COERCE"),
        ("Georgian police tear-gassed the demonstrators outside parliament.", "ASSAULT"),
        ("Hong Kong police pepper-sprayed the protesters in Mong Kok.", "ASSAULT"),
        ("Bangladeshi police baton-charged the garment workers in Gazipur.", "ASSAULT"),
        ("The Janjaweed perpetrated atrocities in the villages of West Darfur.", "ASSAULT"),
        ("The pogrom against the Jewish quarter of Kishinev shocked Europe.", "ASSAULT"),
        ("The slaying of a Honduran environmental activist drew condemnation.", "ASSAULT"),
        ("The Canadian government greenlit the transfer of armoured vehicles to Kyiv.", "AGREE"),
        ("The Pope granted an audience to the Argentine president at the Vatican.", "CONSULT"),
        (
            "The visiting Chinese general paid a courtesy call on the Cambodian prime minister.",
            "CONSULT",
        ),
        ("Kidnappers snatched five schoolgirls from a boarding school in Zamfara.", "ASSAULT"),
        ("Hindu nationalists desecrated a mosque in Gujarat.", "ASSAULT"),
        ("Russian soldiers defaced a Ukrainian war memorial in Mariupol.", "ASSAULT"),
    ],
)
def test_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ in _types(rules_alone, text)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The Danish firm undertook a review of its Russian operations.", "AGREE"),
        ("Engineers undertook repairs on the dam in Kakhovka.", "AGREE"),
        ("The footballer dined with his family in Lisbon.", "CONSULT"),
        ("Fans huddled under umbrellas at the stadium.", "CONSULT"),
        ("The spokesman briefed reporters in Tokyo on Friday.", "CONSULT"),
        ("The two old friends embraced at the airport.", "SUPPORT"),
        ("The boxer was crowned champion in Las Vegas.", "SUPPORT"),
        ("The chef coordinated the kitchen staff.", "SUPPORT"),
        ("The new drug immunised mice against the virus.", "AID"),
        ("Parole boards in Texas meet every month.", "RETREAT"),
        ("The football club reinstated its former coach.", "CONCEDE"),
        ("The rain softened the ground in Bavaria.", "CONCEDE"),
        ("The chef coaxed flavour out of the tomatoes.", "REQUEST"),
        ("The chef grilled fish for the guests in Lima.", "ACCUSE"),
        ("The crowd booed loudly after the penalty.", "ACCUSE"),
        ("The navy scuttled the old destroyer off the coast.", "REJECT"),
        ("The monk renounced worldly possessions.", "REJECT"),
        ("The children sat in the garden all afternoon.", "PROTEST"),
        ("The court annulled the marriage of the actors.", "SANCTION"),
        ("The pilot ejected from the jet before the crash.", "SANCTION"),
        ("The families stockpiled food before the storm.", "MOBILIZE"),
        ("Bees buzzed around the garden.", "MOBILIZE"),
        ("The dog frisked around the yard.", "COERCE"),
        ("The old rules shackled the economy for years.", "COERCE"),
        ("The chef knifed the bread into thin slices.", "ASSAULT"),
        ("The team charged up the hill during practice.", "ASSAULT"),
        ("The audience gave the Korean band a standing ovation.", "CONSULT"),
        ("The Argentine forward snatched a late winner against Chile.", "ASSAULT"),
        ("Graffiti artists defaced the walls of the old railway station.", "ASSAULT"),
    ],
)
def test_near_miss_not_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ not in _types(rules_alone, text)
