/** A fact's value as links (each to its official source where there is one). */
interface FactLink {
  text: string;
  href: string | null;
}

/** One row of a card's fact list; rows with an empty value and no links are left out. */
export interface Fact {
  label: string;
  value: string | null | undefined;
  /** Shown instead of `value`: one or more texts, each a link where it has an address. */
  links?: FactLink[];
}

/** A compact definition list of facts (date, authors, dossier, …). */
export function FactList({ facts }: { facts: Fact[] }) {
  const shown = facts.filter((fact) => Boolean(fact.value) || (fact.links?.length ?? 0) > 0);
  if (shown.length === 0) return null;
  return (
    <dl class="kl-facts">
      {shown.map((fact) => (
        <div class="kl-fact" key={fact.label}>
          <dt>{fact.label}</dt>
          <dd>{fact.links?.length ? <LinkList links={fact.links} /> : fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function LinkList({ links }: { links: FactLink[] }) {
  return (
    <>
      {links.map((link, i) => (
        <span key={link.text}>
          {i > 0 && '; '}
          {link.href ? (
            <a href={link.href} target="_blank" rel="noopener noreferrer">
              {link.text}
            </a>
          ) : (
            link.text
          )}
        </span>
      ))}
    </>
  );
}
