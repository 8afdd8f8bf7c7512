/**
 * Look-alikes (text that resembles a reference but is none) in real-looking sentences: none may be
 * recognized. A wrong popover costs the reader more than a missing one.
 */
import { describe, expect, it } from 'vitest';
import { findCitations } from '../../../data/citations';

const LOOK_ALIKES: string[] = [
  // Legislation, not parliamentary papers.
  'De wet is gepubliceerd in Stb. 2014, 270 en trad in werking op 1 januari 2015.',
  'Zie het besluit van 12 juni 2019 (Stcrt. 2019, nr. 12345).',
  'Het verdrag is opgenomen in Trb. 2018, nr. 123.',
  'Staatsblad 2021, 456 bevat de wijziging.',
  'Staatscourant 2023, 34567, bevat de regeling.',
  // Case law and courts; the Hoge Raad has an "Eerste Kamer" too.
  'De Hoge Raad oordeelde in ECLI:NL:HR:2020:1234 anders.',
  'Zie ECLI:NL:RVS:2024:3456, r.o. 5.2.',
  'HR 12 juni 2020, nr. 19/01234, NJ 2020/250.',
  'Hoge Raad (Eerste Kamer) 3 april 2020, zaaknummer 19/00123.',
  'De Eerste Kamer van de Hoge Raad heeft op 12 maart 2021 (nr. 20/01234) beslist.',
  'Rechtbank Amsterdam, zaaknummer C/13/123456 / HA ZA 17-123.',
  'Gerechtshof Den Haag 200.123.456/01.',
  // Raad van State advice numbers and ministry references.
  'Advies Raad van State, W12.24.00123/III, 20 maart 2025.',
  'Het advies van de Afdeling advisering (No. W06.20.0123/III) is openbaar.',
  'Onze referentie 2024-0000933473',
  'Kenmerk: 2025-0000123456, uw brief van 3 maart.',
  // Near-misses of the metadata rows, headers and keyword forms.
  'Kenmerk 2024-0000933473, nr. 5 van de reeks.',
  'Ons kenmerk 12345, nr. 3 in uw brief.',
  'Nummer KST132611',
  'Borger-Odoorn | Gemeenteblad 2021, 475920 | ander besluit van algemene strekking |',
  'Tweede Kamer der Staten-Generaal | 2 |\nVergaderjaar 2024-2025 |',
  'de promotie 31070, nr. 18 van de lijst',
  'de motie 2024, nr. 18',
  'Postbus\n20 018\nDen Haag\n\nTel. 070 3182211',
  '- de regeling van 6 december 2012 nr. WJZ/466161 (10265), tot wijziging van de Archiefregeling;',
  'Staatsblad van het Koninkrijk der Nederlanden, nr. 132, uitgegeven op 10 april 1922',
  'Parket bij de Hoge Raad, 11-10-2005, AU4086, 00315/05 B',
  'Uitspraak 201806374/1/A2.\nDatum uitspraak: 16 januari 2019',
  '16 oktober 2018\nStrafkamer\nnr. S 17/02430\nHoge Raad der Nederlanden',
  'Uitspraak\n\n20 april 2018\n\nEerste Kamer\n\n17/03500\n\nTT\n\nHoge Raad der Nederlanden',
  '(32820, nr. 258, 2017-2019)',
  'In 2023 (2022/2023 nr. 31) was het druk.',
  'de letter van de wet (XV, letter A) geldt nog',
  'Reference 2024-0001, nr. 5 in the archive',
  'Zie de brief (letter A) van 3 maart.',
  // Near-misses of the forms read from the fourth held-out corpus: glued numbers, Kenmerk lists,
  // renumbered letters, the added-to line, the Dossier row, mirror sub-dossiers, PDF file names.
  'Nummer KST2024001\nKenmerk 2024-0000933473',
  'Ons kenmerk: 31234, nr. 5 (factuur)',
  'Bestelling: 12345, nr. 6; 12346, nr. 7',
  'Factuurnummer KST31865156, betaald op 3 maart.',
  'Kenmerk 2024; 33992, nr. 5 van de reeks.',
  'de motie 31070; 31071, nr. 5',
  'Zie de brief (letter M, was letter B) van 3 maart.',
  'Het pakket is onder nr. 12 toegevoegd aan de bestelling 33992 en wetsvoorstel 2024.',
  'Het dossier: 33400 euro aan kosten.',
  'Dossier: 2024-123 (factuur)',
  'Bestelnummer 21501 08-928, prijs € 12,50.',
  'Zaak 35498 12-2020 is geseponeerd.',
  'Factuur 0608tkkst30928-6 is betaald.',
  'ISBN 978-90-0607-123-4, tel. 0607 12 34 56.',
  'Postbus 3382, 2500 EA Den Haag, bladzijde 33 826    Mensen',
  // Near-misses of a decision list's zaak row and the Nummer row (heldout-6).
  'Zaak: Rechtbank Den Haag - vonnis van 3 maart 2016 - 12345-2016',
  'Factuur van de drukker - 34552-15',
  'Zaak: bestelling\nLevering - 34552-15 stuks, prijs € 12,50',
  'Zaak: verhuizing\nTelefoon - 06-12345678',
  'Nummer\n06-12345678',
  'Nummer\n2594-12',
  'Bedrag\n34552-16',
  'Zaak:\nPostcode - 2594 AC Den Haag - 12345-67 gedeeld',
  'De wetsvoorstellen 2019 en 2020 zijn aangenomen.',
  'In de wetsvoorstellen 123456 en 654321 staat niets.',
  'Er zijn wetsvoorstellen, 35 in totaal.',
  'Zaak: Brief van de huurder - 3 maart 2016\nHuurprijs - 25000',
  'Zaak: Wetgeving - minister - 2016\nOplage - 2500',
  'Zaak: Wetgeving - minister - 2016\nOplage - 25000 exemplaren',
  'De bestelling (t.v.v. 12 stuks) is verzonden.',
  'De promoties 30420, nrs 100 en 101 zijn uitgesteld.',
  'Alle moties van 2019, nrs 1 tot en met 12, zijn afgehandeld.',
  'De moties 123456, nrs 1 en 2 bestaan niet.',
  'Het wetsvoorstel is verworpen.\nDe factuur (34556) volgt.',
  'Over de motie is gestemd;\nbestelnummer (21501) vervalt.',
  'Wetsvoorstellen\n\nOnze klantnummers (34556) en (34557)',
  // EU acts, school years, year ranges.
  'Richtlijn (EU) 2018/2001 over hernieuwbare energie.',
  'Verordening (EU) 2016/679 (AVG) is van toepassing.',
  'Verordening (EU) nr. 1303/2013 van het Europees Parlement.',
  'In het schooljaar 2018/2019 waren er meer leerlingen.',
  'In de periode 2019-2021 steeg de bijstand.',
  'Het seizoen 2023/24 was succesvol.',
  // Articles, addresses, phone numbers, ISBNs.
  'Op grond van artikel 34 van de Participatiewet.',
  'Artikel 36582 bestaat niet, maar artikel 10 wel.',
  'Het adres is Bezuidenhoutseweg 67, 2594 AC Den Haag.',
  'Postbus 20018, 2500 EA Den Haag.',
  'Bel 070 - 318 22 11 of (070) 318 22 11.',
  'ISBN 978-90-12345-67-8, uitgegeven in 2020.',
  // Bare numbers and headers.
  'Nr. 4 BRIEF VAN DE STAATSSECRETARIS',
  'Zie bijlage nr. 12 voor de tabel.',
  'de motie (nr. 12) van het lid Ceder',
  'Motie van het lid Ceder c.s. (nr. 34)',
  // Five-digit numbers without a signal.
  'Uw Kamer ontving 34 352 brieven en 36 582 mails.',
  'In 2023 waren er 36582 bijstandsgerechtigden in de regio.',
  'Er zijn 10 000 mensen (12 345 in 2023) geholpen.',
  'de gemeente (12345 inwoners) ligt in Drenthe',
  'Zie voetnoot 36582 hieronder.',
  'De vrijlating van € 1.200 geldt per 1 juli 2025.',
  'Bijna 406 duizend mensen (tot de AOW-leeftijd) ontvingen bijstand.',
  // Labels without a usable number.
  'Het Kamerstuk wordt binnenkort verstuurd.',
  'De Kamerstukken zijn op 12 mei 2024 gepubliceerd.',
  'Kamerstukken II 2018/2019',
  'Kamerstukken II, 2023/24',
  'Kamerstukken 2023/24, 2024',
  'Tweede Kamer en Eerste Kamer stemden in 2024 in.',
  'De Tweede Kamer heeft op 12 december 2024 gestemd over 3 moties.',
  'Het EK 2024 werd gehouden in Duitsland, nr. 1 werd Spanje.',
  'TK-verkiezingen 2023: 37 zetels voor de grootste partij.',
  'Handelingen van de gemeenteraad 2023, nr. 5.',
  'Handelingen II zonder jaar, nr. 5',
  'De handelingen 2024/25 van de vereniging.',
  'Aanhangsel bij de jaarrekening 2024/25, nr. 3',
  'Het dossier 2024-123 is gesloten.',
  'Uw dossiernummer is 12345678.',
  'het wetsvoorstel 2024 is aangenomen',
  'het wetsvoorstel 48123 bestaat (nog) niet',
  // Things shaped like identifiers.
  'Order 2024Z156901 en factuur X2024D43182 zijn betaald.',
  'kst-abc en h-tk-2024-12 zijn geen identificatoren.',
  'Het rapport (2023) laat zien dat 42% (2019) bijstand had.',
  'Zie pagina 11 van 14 van het rapport.',
  // Near-misses of the site forms: headers, metadata lines, lists, meetings.
  'Nr. 19 BRIEF VAN DE INFORMATEUR',
  '34 700 kabinetsformatie 2017\nNr. 19 BRIEF',
  'Er kwamen 12 500 Bezoekers\nNr. 4 BRIEF VAN DE STAATSSECRETARIS',
  '2594 AC Den Haag\nC MEMORIE',
  '10 000 Euro subsidie\nA Aanvraag',
  '34 700 Kabinetsformatie 2017\nNr. 19 is de volgende brief.',
  '45 123 Wijziging van de Wet\nNr. 19 BRIEF',
  'XV Begroting\nNr. 19 BRIEF',
  'Tweede Kamer der Staten-Generaal2016-2018 nr. 19',
  'Tweede Kamer der Staten-Generaal, telefoon 070 318 22 11',
  'Tweede Kamer, 14e vergadering',
  'Tweede Kamer, 3e vergadering, dinsdag 17 september 2024',
  'Parlementair jaar 2014/2016, 33e vergadering',
  'Bel 06-12345678; 020-5551234; 030-1234567.',
  'Postcodes: 1234 AB; 5678 CD; 9012 EF.',
  'Factuur 20240-12; 20241-13 is betaald.',
  'Zaaknummers 12345-67 en 23456-78 zijn gevoegd.',
  'Rolnummer 200.123.456/01; C/13/123456 / HA ZA 17-123.',
  'ISBN 978-90-12345-67-8; ISBN 978-94-6298-123-4.',
  'Prijzen: 12.345,- en 23.456,- per stuk.',
  'Op pagina 12345-12346 staat de tabel.',
  'Datum 2020-06-17; 2021-07-18.',
  'amendement 48123 – 12 bestaat niet',
  'het amendement – 12 stemmen voor',
  'motie 2024-12',
  'ID: 12345',
  'ID: 36374',
  'De Wet (12345) is een voorbeeld van 12345 regels.',
  'Het aantal (35498) steeg.',
  'Zij krijgt nr. 348, was nr. 347.',
  'Dit punt is onder nr. 5 toegevoegd aan de agenda.',
  'onder nr. 5 toegevoegd aan dossier 48123',
  'kst-X-A',
  'https://www.openkamer.org/kamerleden/',
  'https://www.openkamer.org/kamerstuk/36374/',
  'https://www.tweedekamer.nl/kamerstukken/wetsvoorstellen/detail?qry=wetsvoorstel%3A123',
  'https://www.tweedekamer.nl/kamerstukken/plenaire_verslagen/detail?vj=2017-2019&nr=14',
  // Links elsewhere.
  'https://www.tweedekamer.nl/over_de_tweede_kamer',
  'https://www.rijksoverheid.nl/documenten/kamerstukken/2024/12/16/voortgang',
  'https://www.bnr.nl/nieuws/arbeidsmarkt/10540908/investering-in-loonkostensubsidie',
];

describe('findCitations rejects look-alikes', () => {
  it('has at least 40 of them', () => {
    expect(LOOK_ALIKES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(LOOK_ALIKES)('%s', (text) => {
    expect(findCitations(text)).toEqual([]);
  });

  it('still finds the real reference next to a look-alike', () => {
    const found = findCitations(
      'Stb. 2014, 270; zie Kamerstukken II 2013/14, 33 161, nr. 3 en ECLI:NL:HR:2020:1234.',
    );
    expect(found.map((c) => c.ids)).toEqual([['kst-33161-3']]);
  });
});
