/**
 * Who sent a paper and to whom, from DocumentActor entities (and who asked, from ZaakActor):
 * the actor's name, the role and portfolio read from `functie`, and the party (`actorFractie`).
 */
import type { Person } from '../../dataset/types';
import type { RawEntity } from './entity';

// Senders first in the order the Kamer lists signatories; `Geaddresseerde` is the addressee.
const SENDER_RELATIONS = [
  'Afzender',
  'Eerste ondertekenaar',
  'Mede afzender',
  'Mede ondertekenaar',
  'Namens',
  'Mede namens',
];
const ADDRESSEE_RELATIONS = ['Geaddresseerde'];
const ASKER_RELATIONS = ['Indiener', 'Medeindiener'];

/** A person from an actor entity, or null when it names nobody. */
function actorPerson(actor: RawEntity): Person | null {
  const name = actor.fields.actorNaam?.trim();
  if (!name) return null;
  const functie = actor.fields.functie?.trim() ?? '';
  const office = /^(minister-president|minister|staatssecretaris)\b(?:\s+(?:van|voor))?\s*(.*)$/i.exec(
    functie,
  );
  const member = /^(?:tweede\s+)?kamerlid$|^lid$/i.test(functie);
  return {
    name,
    role: office ? (office[1] as string).toLowerCase() : member ? 'lid' : functie || null,
    portfolio: office?.[2] ? office[2] : null,
    party: actor.fields.actorFractie?.trim() || null,
  };
}

/** Senders and addressees of a paper, from its DocumentActors, in a stable order. */
export function documentPeople(actors: RawEntity[]): { senders: Person[]; addressees: Person[] } {
  return { senders: people(actors, SENDER_RELATIONS), addressees: people(actors, ADDRESSEE_RELATIONS) };
}

/** Who asked (submitters of a zaak such as written questions), from its ZaakActors. */
export function zaakAskers(actors: RawEntity[]): Person[] {
  return people(actors, ASKER_RELATIONS);
}

function people(actors: RawEntity[], relations: string[]): Person[] {
  const rank = (actor: RawEntity) => relations.indexOf(actor.fields.relatie ?? '');
  const found: Person[] = [];
  for (const actor of actors
    .filter((a) => rank(a) >= 0)
    .sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1))) {
    const person = actorPerson(actor);
    if (person && !found.some((p) => p.name === person.name)) found.push(person);
  }
  return found;
}
