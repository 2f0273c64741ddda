// The tracking page works without JavaScript: times are written in UTC with the zone named, and the
// link stands in a field to select. With JavaScript, times are shown in the reader's own time zone and
// a button copies the link.
const lang = document.documentElement.lang || undefined;
// dateStyle cannot be combined with timeZoneName, so the parts are named one by one.
const local = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });

for (const time of document.querySelectorAll<HTMLTimeElement>('time[data-local-time]')) {
  const date = new Date(time.dateTime);
  if (!Number.isNaN(date.getTime())) time.textContent = local.format(date);
}

const field = document.querySelector<HTMLInputElement>('#tracking-url');
const button = document.querySelector<HTMLButtonElement>('[data-copy-link]');
const copyStatus = document.querySelector<HTMLElement>('[data-copy-status]');
if (field && button && navigator.clipboard) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      if (copyStatus) copyStatus.textContent = button.dataset.copied ?? '';
    } catch {
      // Refused by the browser: the link is selected, ready for the reader to copy by hand.
      field.select();
    }
  });
}
