/**
 * Selecting text in a page the way a reader does (the page's own selection), as an in-page function
 * both browser drivers evaluate: self-contained, it closes over nothing.
 */
export function selectTextInPage([selector, wanted]: [string, string]): void {
  const element = document.querySelector(selector);
  if (!element) throw new Error(`no ${selector}`);
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const at = nodes
    .map((n) => n.data)
    .join('')
    .indexOf(wanted);
  if (at < 0) throw new Error(`no "${wanted}" in ${selector}`);
  const locate = (offset: number): [Text, number] => {
    let seen = 0;
    for (const node of nodes) {
      if (offset <= seen + node.data.length) return [node, offset - seen];
      seen += node.data.length;
    }
    throw new Error('offset out of range');
  };
  const range = document.createRange();
  range.setStart(...locate(at));
  range.setEnd(...locate(at + wanted.length));
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}
