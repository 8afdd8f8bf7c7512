/** One row of a card's fact list; rows with an empty value are left out. */
export interface Fact {
  label: string;
  value: string | null | undefined;
}

/** A compact definition list of facts (date, authors, dossier, …). */
export function FactList({ facts }: { facts: Fact[] }) {
  const shown = facts.filter((fact): fact is { label: string; value: string } => Boolean(fact.value));
  if (shown.length === 0) return null;
  return (
    <dl class="kl-facts">
      {shown.map((fact) => (
        <div class="kl-fact" key={fact.label}>
          <dt>{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
