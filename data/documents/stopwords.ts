/** Dutch function words: they carry no topic, so the summarizer ignores them when weighing terms. */
export const DUTCH_STOP_WORDS: ReadonlySet<string> = new Set(
  `aan al alle alleen als altijd ander andere anders bij bijna binnen dan dat de deze die dit doch doen door
  dus een eens en er ergens even geen geweest haar had heb hebben heeft hem het hier hij hoe hun ik in is
  ja je jij kan kon kunnen maar me meer men met mij mijn moet moeten na naar nee niet niets nog nu of om omdat
  onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat we wel werd
  wezen wie wij wil wordt worden zal ze zelf zich zij zijn zo zonder zou zouden daarbij daarnaast daarom
  hierbij hiervan hierover hiermee waarbij waarin waarop welke wanneer zoals echter namelijk onder andere
  tussen sinds vanuit via per dient daar deze dergelijke diverse enkele verschillende mogelijk steeds
  gaat gaan komt komen kunnen kan zullen worden wordt werd zijn is was waren heeft hebben had hadden
  volgens eerder verder bovendien tevens voorts tegelijk tegelijkertijd vervolgens inmiddels dan nu`
    .split(/\s+/)
    .filter((word) => word !== ''),
);
