/** In-page row filter for 标准目录 / 权力清单 tables (progressive enhancement of QuickFilter.astro). */
for (const box of document.querySelectorAll<HTMLElement>('[data-quick-filter]')) {
  const input = box.querySelector('input');
  const status = box.querySelector<HTMLElement>('[role="status"]');
  const rows = [...document.querySelectorAll<HTMLTableRowElement>('[data-filter-table] tbody tr')];
  if (!input || !status) continue;
  box.hidden = false;
  const template = status.dataset.template ?? '{shown} / {total}';
  input.addEventListener('input', () => {
    const q = input.value.trim();
    let shown = 0;
    for (const row of rows) {
      const hit = !q || (row.textContent ?? '').includes(q);
      row.hidden = !hit;
      if (hit) shown++;
    }
    status.textContent = q ? template.replace('{shown}', String(shown)).replace('{total}', String(rows.length)) : '';
  });
}
