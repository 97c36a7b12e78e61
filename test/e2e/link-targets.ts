/**
 * Which links are 适老化 touch targets, measured in the page (pass to page.evaluate): every
 * visible link that is not inside running text. A link is inside running text when the block
 * it sits in (its nearest ancestor that is not inline) has letters outside links in the same
 * run of text: bare text, or text in unclassed phrasing (span lang, em, strong). A separate
 * inline item with a class — a count "(6)", a date, a 文号, a badge — or a row separator "·" is
 * not a sentence around it, so a link that is the whole of an <li>, <dt>, <dd>, <th>, heading
 * or paragraph, or one of a row of links, is a target. Sizes are logical: in vertical Mongolian
 * a target's block size is its width. An inline link broken over lines is measured per line.
 */
export interface LinkTarget {
  desc: string;
  /** across the line (height; width in vertical writing) of its smallest line box */
  block: number;
  /** along the line, of its smallest line box */
  inline: number;
  /** it fills its container's line, so its inline size needs no minimum */
  fullLine: boolean;
}

export function measureLinkTargets(): LinkTarget[] {
  const INLINE = /^(inline|inline-block|inline-flex|inline-grid|contents)$/;
  const isInline = (e: Element) => INLINE.test(getComputedStyle(e).display);
  const containerOf = (a: Element) => {
    let b = a.parentElement!;
    while (b.parentElement && isInline(b)) b = b.parentElement;
    return b;
  };
  const inSentence = (block: Element) => {
    const walk = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let t = walk.nextNode(); t; t = walk.nextNode()) {
      if (!/\p{L}/u.test(t.textContent ?? '')) continue;
      let run = true;
      for (let e = t.parentElement; e && e !== block && run; e = e.parentElement) run = !e.matches('a[href]') && e.classList.length === 0 && isInline(e);
      if (run) return true;
    }
    return false;
  };
  const out: LinkTarget[] = [];
  for (const a of document.querySelectorAll('a[href]')) {
    const style = getComputedStyle(a);
    const rects = [...a.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (rects.length === 0 || style.visibility === 'hidden') continue;
    const block = containerOf(a);
    if (inSentence(block)) continue;
    const vertical = style.writingMode.startsWith('vertical');
    const bs = getComputedStyle(block);
    const line = vertical
      ? block.clientHeight - parseFloat(bs.paddingTop) - parseFloat(bs.paddingBottom)
      : block.clientWidth - parseFloat(bs.paddingLeft) - parseFloat(bs.paddingRight);
    const sizes = rects.map((r) => (vertical ? { block: r.width, inline: r.height } : { block: r.height, inline: r.width }));
    const inline = Math.min(...sizes.map((s) => s.inline));
    out.push({
      desc: `${a.tagName.toLowerCase()}${a.className ? '.' + String(a.className).split(' ').join('.') : ''} "${(a.textContent ?? '').trim().slice(0, 12)}" in ${block.tagName.toLowerCase()}`,
      block: Math.min(...sizes.map((s) => s.block)),
      inline,
      fullLine: rects.length === 1 && inline >= line - 1,
    });
  }
  return out;
}
