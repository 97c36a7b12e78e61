/**
 * A 筛选 disclosure ([data-filter-panel], a native <details>) is closed in the HTML, so phones show
 * the results first; on wide screens, where the filters fit beside the results, it opens.
 * Opening is the only thing this does: the reader can close it again.
 */
if (matchMedia('(min-width: 60rem)').matches) {
  for (const panel of document.querySelectorAll<HTMLDetailsElement>('details[data-filter-panel]')) panel.open = true;
}
