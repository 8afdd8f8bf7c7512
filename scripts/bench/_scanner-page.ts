/**
 * Generated pages for the scanner benchmarks: running Dutch parliamentary prose with references of
 * six kinds spread evenly through it, a quarter of them split over inline elements. The page
 * records long tasks and long animation frames from the start (`window.benchLongTasks`,
 * `window.benchFrames`) and opts in to the scanner's per-slice measures.
 */

const FILLER = [
  'De regering wil dat gemeenten meer ruimte krijgen om mensen in de bijstand op maat te ondersteunen.',
  'Uit de evaluatie blijkt dat de uitvoering ingewikkeld is en dat de regels vaak als streng worden ervaren.',
  'Klantmanagers geven aan dat zij te weinig tijd hebben voor persoonlijke begeleiding van hun cliënten.',
  'In 2024 ontvingen ruim 400 duizend mensen een bijstandsuitkering, een lichte stijging ten opzichte van 2023.',
  'Het kabinet verwacht dat de nieuwe regels in de loop van het jaar stap voor stap zullen worden ingevoerd.',
  'Ook de Vereniging van Nederlandse Gemeenten en Divosa zijn bij de voorbereiding betrokken geweest.',
  'De Kamer heeft gevraagd om jaarlijks te worden geïnformeerd over de belangrijkste ontwikkelingen.',
  'Daarbij gaat het onder meer om de instroom, de uitstroom naar werk en het gebruik van voorzieningen.',
];

/** The i-th reference as HTML: six kinds of reference, every fourth split over inline elements. */
export function referenceHtml(i: number): string {
  const n = 100 + (i % 900);
  const split = i % 4 === 3;
  switch (i % 6) {
    case 0:
      return split
        ? `<b>Kamerstukken II</b> 2024/25, <i>34 352</i>, nr. ${n}`
        : `Kamerstukken II 2024/25, 34 352, nr. ${n}`;
    case 1:
      return split ? `Kamerstuk 36 600 XV, <a href="#r${i}">nr. ${n}</a>` : `Kamerstuk 36 600 XV, nr. ${n}`;
    case 2:
      return split
        ? `<em>Aanhangsel Handelingen&nbsp;II</em> 2024/25, <a href="#r${i}">nr.&nbsp;${n}</a>`
        : `Aanhangsel Handelingen II 2024/25, nr. ${n}`;
    case 3:
      return split
        ? `<em>Kamerstukken&nbsp;II</em> 2023/24, <a href="#r${i}">26 448, nr.&nbsp;${n}</a>`
        : `Handelingen II 2024/25, nr. ${n % 150}, item ${1 + (i % 9)}`;
    case 4:
      return `2024Z${String(10_000 + i).padStart(5, '0')}`;
    default:
      return split
        ? `Kamerstukken I 2025/26, <span>36 582</span>, ${'ABCDEFGH'[i % 8]}`
        : `Kamerstukken II, 17 050, nr. ${n}`;
  }
}

/** What to generate: about `bytes` of HTML in paragraphs of about `paragraphBytes`, with `references`. */
export interface PageShape {
  bytes: number;
  references: number;
  /** Paragraph size; at most one reference per paragraph, so paragraphs shrink to fit the count. */
  paragraphBytes: number;
}

/** A generated page; references sit in evenly spread paragraphs, one each. */
export function scannerPage({ bytes, references, paragraphBytes }: PageShape): string {
  const paragraphs = Math.max(references, Math.round(bytes / paragraphBytes));
  const size = Math.floor(bytes / paragraphs);
  const parts: string[] = [];
  let placed = 0;
  for (let p = 0; p < paragraphs; p++) {
    if (p % 50 === 0) parts.push(`${p > 0 ? '</section>' : ''}<section><h2>Hoofdstuk ${p / 50 + 1}</h2>`);
    let text = '';
    for (let k = p; text.length < size - 120; k++) text += `${FILLER[k % FILLER.length]} `;
    // Paragraph p holds a reference when the even spread of `references` over `paragraphs` says so.
    if (Math.floor(((p + 1) * references) / paragraphs) > placed) {
      const cut = text.indexOf(' ', Math.floor(text.length / 2));
      parts.push(`<p>${text.slice(0, cut)} (zie ${referenceHtml(placed)}). ${text.slice(cut + 1)}</p>`);
      placed++;
    } else parts.push(`<p>${text.trim()}</p>`);
  }
  return `<!doctype html><html lang="nl" data-kamerlens-measure><head><meta charset="utf-8">
<title>Scanner benchmark</title>
<script>
  window.benchLongTasks = [];
  window.benchFrames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.benchLongTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.benchFrames.push([e.startTime, e.duration]);
  }).observe({ type: 'long-animation-frame', buffered: true });
</script></head><body><main>${parts.join('\n')}</section></main></body></html>`;
}
