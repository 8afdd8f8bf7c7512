/**
 * Dutch function words, in two strengths:
 * - `DUTCH_STOP_WORDS`: left out of the search index. They occur in nearly every passage, so they
 *   cannot rank anything and would make up a third of the postings.
 * - `SUMMARY_STOP_WORDS`: those and the further words that carry no topic (pronouns, auxiliaries,
 *   linking adverbs), which the summarizer ignores when weighing a sentence's terms.
 */

const words = (text: string) => text.split(/\s+/).filter((word) => word !== '');

export const DUTCH_STOP_WORDS: ReadonlySet<string> = new Set(
  words(`aan al als bij daar dan dat de deze die dit door een en er het hij hoe ik in is maar met na naar
  niet nog of om ook op over te tot uit van voor was wat we wel wij zal ze zij zijn zo zou`),
);

export const SUMMARY_STOP_WORDS: ReadonlySet<string> = new Set([
  ...DUTCH_STOP_WORDS,
  ...words(`alle alleen altijd ander andere anders bijna binnen doch doen dus eens ergens even geen geweest
  haar had heb hebben heeft hem hier hun ja je jij kan kon kunnen me meer men mij mijn moet moeten nee
  niets nu omdat onder ons reeds tegen toch toen u uw veel want waren werd wezen wie wil wordt worden
  zelf zich zonder zouden daarbij daarnaast daarom hierbij hiervan hierover hiermee waarbij waarin
  waarop welke wanneer zoals echter namelijk tussen sinds vanuit via per dient dergelijke diverse
  enkele verschillende mogelijk steeds gaat gaan komt komen zullen hadden volgens eerder verder
  bovendien tevens voorts tegelijk tegelijkertijd vervolgens inmiddels`),
]);
