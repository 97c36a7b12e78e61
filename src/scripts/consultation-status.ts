/**
 * 意见征集 status on the day the page is read: every [data-opens][data-closes] badge is
 * recomputed with the reader's date (src/lib/open/consultation.ts, the rule the build uses), and
 * an "as of" note ([data-status-asof]) then names that date instead of the build date. Text that
 * depends on the status ([data-when-open] / [data-when-closed]) follows. Without JavaScript the
 * build-date text stays, and says so.
 */
import { consultationStatus } from '../lib/open/consultation.ts';
import { formatDateWith, localIsoDate } from '../lib/format.ts';
import { verticalRuns } from '../lib/mongolian/numbers.ts';
import type { ConsultationStatus } from '../lib/open/model.ts';

const today = localIsoDate(new Date());
let changedAny = false;
for (const badge of document.querySelectorAll<HTMLElement>('[data-opens][data-closes][data-status]')) {
  const status: ConsultationStatus = consultationStatus(badge.dataset.opens!, badge.dataset.closes!, today);
  const labels = JSON.parse(badge.dataset.labels ?? '{}') as Record<string, string>;
  if (status !== badge.dataset.status) {
    badge.classList.replace(`status--${badge.dataset.status}`, `status--${status}`);
    badge.dataset.status = status;
    if (labels[status]) badge.textContent = labels[status];
    changedAny = true;
  }
  for (const el of document.querySelectorAll<HTMLElement>(`[data-status-for="${badge.dataset.opens}:${badge.dataset.closes}"]`)) {
    el.hidden = el.dataset.when !== (status === '已结束' ? 'closed' : 'open');
  }
}
for (const note of document.querySelectorAll<HTMLElement>('[data-status-asof]')) {
  if (!note.dataset.template || !note.dataset.pattern) continue;
  const text = note.dataset.template.replace('{date}', formatDateWith(today, note.dataset.pattern));
  // vertical (Mongolian) pages: 1–2 digit runs upright, as the build set them (span.tcy)
  if (document.documentElement.dataset.writingMode !== 'vertical-lr') note.textContent = text;
  else note.replaceChildren(...verticalRuns(text).map((p) => (p.tcy ? Object.assign(document.createElement('span'), { className: 'tcy', textContent: p.text }) : p.text)));
}
document.documentElement.dataset.consultationsChecked = changedAny ? 'changed' : 'same';
