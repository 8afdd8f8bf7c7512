/**
 * Words the summarizer ignores when weighing a sentence's terms: the search index's Dutch stop
 * words and the further words that carry no topic (pronouns, auxiliaries, linking adverbs).
 */
import { DUTCH_STOP_WORDS, splitWords } from '../../search/stopwords';

export const SUMMARY_STOP_WORDS: ReadonlySet<string> = new Set([
  ...DUTCH_STOP_WORDS,
  ...splitWords(`alle alleen altijd ander andere anders bijna binnen doch doen dus eens ergens even geen geweest
  haar had heb hebben heeft hem hier hun ja je jij kan kon kunnen me meer men mij mijn moet moeten nee
  niets nu omdat onder ons reeds tegen toch toen u uw veel want waren werd wezen wie wil wordt worden
  zelf zich zonder zouden daarbij daarnaast daarom hierbij hiervan hierover hiermee waarbij waarin
  waarop welke wanneer zoals echter namelijk tussen sinds vanuit via per dient dergelijke diverse
  enkele verschillende mogelijk steeds gaat gaan komt komen zullen hadden volgens eerder verder
  bovendien tevens voorts tegelijk tegelijkertijd vervolgens inmiddels`),
]);
